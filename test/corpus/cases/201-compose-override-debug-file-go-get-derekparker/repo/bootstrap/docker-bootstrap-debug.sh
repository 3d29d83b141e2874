#!/usr/bin/env sh

# alternative debug entrypoint used by docker-compose.debug.yaml
dlv debug ./simple-http.go --headless --accept-multiclient --listen=:2345 --api-version=2 --log
