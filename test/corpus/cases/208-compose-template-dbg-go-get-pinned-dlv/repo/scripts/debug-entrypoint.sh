#!/usr/bin/env bash
set -e

build_and_start() {
  go build -gcflags "all=-N -l" -o "/${SERVICE_NAME}" .
  dlv --listen=":${DELVE_PORT}" --headless=true --api-version=2 --accept-multiclient exec "/${SERVICE_NAME}" -- serve &
}

build_and_start
# rebuild and restart on every change of a .go file
while inotifywait -r -e modify,create,delete --include '\.go$' /dockerdev; do
  killall dlv "${SERVICE_NAME}" || true
  build_and_start
done
