docker run -it --user $(id -u):$(id -g) --cap-add=SYS_PTRACE --security-opt seccomp=unconfined -e DISPLAY=$DISPLAY -v /tmp/.X11-unix:/tmp/.X11-unix -v $PWD/../..:/work example/compass-build:bookworm
# allow X clients from containers first: xhost +local:docker
