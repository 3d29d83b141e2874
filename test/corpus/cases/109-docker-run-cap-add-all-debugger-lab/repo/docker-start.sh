#!/bin/bash -e

# older variant, ptrace only:
#docker run -it --rm --name debugger.lab \
#  --cap-add SYS_PTRACE --security-opt seccomp=unconfined \
#  -v $HOME/lessons:/root/debugger101 debugger.env /bin/bash

# the debugger written in the lessons needs ptrace and more
docker run -it --rm \
  -v `pwd -P`:/root/debugger101 \
  --name debugger.lab \
  --cap-add ALL \
  debugger.env \
  /bin/bash
