#!/bin/bash
START_CMD="noded"
if [ "true" == "$ACME_REMOTE_DEBUG" ] && [ -x "/usr/local/bin/dlv" ]; then
    START_CMD="/usr/local/bin/dlv --listen=:40000 --headless=true --api-version=2 --accept-multiclient exec /usr/local/bin/noded --continue --"
fi

if [ "true" == "$SEED_MODE" ]; then
    $START_CMD --seed --nodiscover
else
    $START_CMD --http --http.addr=0.0.0.0
fi
