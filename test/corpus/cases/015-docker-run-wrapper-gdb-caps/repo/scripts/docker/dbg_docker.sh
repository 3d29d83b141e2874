#!/bin/sh

# usage: ./dbg_docker.sh agent-image:1.0 bash

# gdb needs ptrace to set breakpoints
docker run --rm -it --cap-add=SYS_PTRACE --security-opt seccomp=unconfined $*
if [ $? -ne 0 ]; then
    exit 1
fi
