#!/bin/bash -x

# the checkpoint RUN step needs CRIU's capabilities during the build
sudo podman build \
   -f Dockerfile.instanton \
   -t inventory \
   --no-cache \
   --cap-add=CHECKPOINT_RESTORE \
   --cap-add=SYS_PTRACE \
   --cap-add=SETPCAP \
   --security-opt seccomp=unconfined .
