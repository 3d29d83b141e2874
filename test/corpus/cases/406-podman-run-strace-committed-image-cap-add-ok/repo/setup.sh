# Steps to run by hand on the analysis VM.

sudo apt install podman python3 python3-pip

# prepare the tracing image interactively
podman run -it fedora bash
dnf install -y strace python3
exit

# save it as an image
podman commit <container_id> tracerimg

# start the isolated tracing container
podman run -it \
    --cap-add=SYS_PTRACE \
    --network none \
    -v $(pwd):/mnt/ \
    tracerimg bash
