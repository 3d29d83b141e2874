#!/usr/bin/env bash
set -eu
APP_NAME=go-dd
docker create --name "${APP_NAME}" \
    -p 8118:8118 -p 2222:22 -p 2345:2345 \
    -v $(pwd):/mnt/src \
    go-dd
docker start "${APP_NAME}"
