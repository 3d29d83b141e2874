#!/usr/bin/env bash
# started only by the debug image
DLV_OPTIONS="--listen=:2345 --headless=true --accept-multiclient --api-version=2"
if [ "${DEBUG_BLOCK:-0}" = 0 ]; then
  DLV_OPTIONS="${DLV_OPTIONS} --continue"
fi
DLV_LOG_OPTIONS="--log=true"

exec /dlv ${DLV_OPTIONS} ${DLV_LOG_OPTIONS} exec /deep -- "$@"
