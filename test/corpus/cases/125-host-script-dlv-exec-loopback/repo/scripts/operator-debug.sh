#!/bin/bash
# debug the operator from the workstation against the current kube context
set -e

out=$(mktemp -d)/operator-debug
go build -gcflags "all=-N -l" -o "$out" ./cmd/operator-debug
exec dlv exec "$out" --headless --listen 127.0.0.1:2345 --api-version 2 -- "$@"
