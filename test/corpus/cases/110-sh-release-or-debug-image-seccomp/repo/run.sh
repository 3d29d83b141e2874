FLAVOUR=${1:-release}
MOUNTS="-v $(pwd)/out/bin:/usr/local/bin -v $(pwd)/out/lib:/usr/local/lib -v $(pwd)/examples:/app"
if [[ "$FLAVOUR" == "release" ]]; then
    docker run -it --rm $MOUNTS -p 3000:3000 dv8 /bin/sh
else
    docker run -it --rm --cap-add=SYS_PTRACE --security-opt seccomp=unconfined $MOUNTS -p 3000:3000 dv8-debug /bin/sh
fi
