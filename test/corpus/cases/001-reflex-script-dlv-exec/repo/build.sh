#!/usr/bin/env bash
cd /app
go build -o svc ${BUILD_ARGS} && \
  dlv --listen=:${DEBUG_PORT} --headless=true --accept-multiclient --api-version=2 exec ./svc -- ${RUN_ARGS}
