#!/bin/bash
export LOCAL_IMAGE=compiler-dev
docker run --rm -it --cap-add=SYS_PTRACE --security-opt="seccomp=unconfined" -v $PWD/:/home/dev/src $LOCAL_IMAGE
