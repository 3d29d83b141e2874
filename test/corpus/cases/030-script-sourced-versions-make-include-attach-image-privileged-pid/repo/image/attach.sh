#!/bin/sh
set -e
PID=$(pgrep "$BINARY")
exec dlv attach "$PID" --continue --accept-multiclient --api-version 2 --headless --listen :4000
