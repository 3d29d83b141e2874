#!/usr/bin/env bash
# interactive linux toolchain for the native crawler
sudo docker run -it --rm --cap-add=SYS_PTRACE --security-opt seccomp=unconfined -v "$(pwd)":/work cpp-dev
