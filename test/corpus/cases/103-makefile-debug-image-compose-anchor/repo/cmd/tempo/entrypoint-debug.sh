#!/usr/bin/env bash

# only used by the debug image
OPTS="--listen=:2345 --headless=true --accept-multiclient --api-version=2"
if [ -z "${DEBUG_BLOCK}" ] || [ "${DEBUG_BLOCK}" = 0 ]; then
  OPTS="${OPTS} --continue"
fi

exec /dlv ${OPTS} --log=true exec /tempo -- "$@"
