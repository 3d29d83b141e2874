#!/usr/bin/env bash

DELVE_PORT="${INIT_DELVE_PORT:-40000}"

exec /var/rapid/dlv --listen=:${DELVE_PORT} --headless=true --api-version=2 --accept-multiclient exec /var/rapid/init
