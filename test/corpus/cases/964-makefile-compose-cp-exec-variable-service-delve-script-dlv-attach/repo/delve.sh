#!/bin/sh
# run inside the service's container: install the debugger, then attach it to the service's process
apk update && apk add go musl-dev
go install github.com/go-delve/delve/cmd/dlv@latest
export PATH=$PATH:$HOME/go/bin
PID=$(pgrep "$1")
dlv attach $PID --headless --listen=:2345 --accept-multiclient --api-version=2
