#!/bin/bash

set -e

go build -gcflags "all=-N -l" -o /tmp/ctl-debug ./cmd/ctl-debug
dlv exec --api-version 2 --headless --listen 127.0.0.1:2345 /tmp/ctl-debug -- "$@"
