#!/bin/bash
set -e

NAME=weather

docker rm -f "$NAME" >/dev/null 2>&1 || true && \
    docker run -d --rm --name "$NAME" -p 8080:8080 -p 40000:40000 --security-opt="seccomp:unconfined" example/weather-debug

#docker run -d --rm --name "$NAME" -p 8080:8080 -p 40000:40000 --security-opt="apparmor=unconfined" --cap-add=SYS_PTRACE example/weather-debug
