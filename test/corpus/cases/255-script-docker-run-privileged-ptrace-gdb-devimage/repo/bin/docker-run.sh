#!/bin/bash

HERE=$(dirname "$0")
cd $HERE/../
# gdb and perf need ptrace inside the container

DATA="/mnt/datasets"
if [ -d "${DATA}" ]; then
    docker run \
      --privileged --cap-add=SYS_PTRACE --security-opt seccomp=unconfined \
      -it --rm \
      --mount type=bind,source=${DATA},target=/data \
      --mount type=bind,source=${PWD},target=/engine acme/engine_dev \
      bash
else
    docker run \
      --privileged --cap-add=SYS_PTRACE --security-opt seccomp=unconfined \
      -it --rm \
      --mount type=bind,source=${PWD},target=/engine acme/engine_dev \
      bash
fi
