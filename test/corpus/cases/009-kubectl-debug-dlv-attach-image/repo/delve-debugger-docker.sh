#!/bin/sh
set -e

. ./versions
CONTAINER=$1
EXECUTABLE=$2
LOCAL_PORT="${3:-4000}"

# privileged so that privileged targets can be debugged too
docker run --name dlv-attacher --privileged --pid=container:$CONTAINER --env EXECUTABLE=$EXECUTABLE --publish 127.0.0.1:$LOCAL_PORT:4000/tcp --rm ghcr.io/example/dlv-attacher:$DLV_VERSION-$DELVE_DEBUGGER_VERSION
