#!/bin/bash

# Start a headless delve inside a running node container, attached to its PID 1.
# Usage: ./scripts/debug-node.sh <container>

DEBUGGER="dlv attach 1 --headless --listen=:2345 --accept-multiclient --api-version=2"

docker exec --privileged -it "$1" bash -c "$DEBUGGER"
