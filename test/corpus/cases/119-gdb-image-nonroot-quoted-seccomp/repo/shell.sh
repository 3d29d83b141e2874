#!/bin/bash
export LOCAL_IMAGE=compiler-dev
# gdb inside docker needs ptrace
docker run --rm -it --cap-add=SYS_PTRACE --security-opt="seccomp=unconfined" -v $PWD/:/home/dev/cc $LOCAL_IMAGE
