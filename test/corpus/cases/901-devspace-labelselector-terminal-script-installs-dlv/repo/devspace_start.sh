#!/bin/bash
set +e
go install github.com/go-delve/delve/cmd/dlv@latest
touch /tmp/aliases
echo "alias agent=\"dlv debug --headless --listen=:2345 --api-version=2 ./cmd/agent\"" >> /tmp/aliases
bash --init-file /tmp/aliases
