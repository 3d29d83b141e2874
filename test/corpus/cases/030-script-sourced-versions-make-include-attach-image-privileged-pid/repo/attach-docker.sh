#!/bin/sh
set -e

. ./versions
TARGET=$1
BINARY=$2
PORT="${3:-4000}"

docker run --rm --name dlv-attach --privileged --pid=container:$TARGET --env BINARY=$BINARY --publish 127.0.0.1:$PORT:4000/tcp ghcr.io/example/dlv-attach:$DLV_VERSION-$HELPER_REV
