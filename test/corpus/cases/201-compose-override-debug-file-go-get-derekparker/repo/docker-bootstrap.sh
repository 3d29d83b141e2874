#!/usr/bin/env sh

# compile once, then let delve build and run the package
go build -gcflags='-N -l' ./simple-http.go
dlv debug --headless --listen=:2345 --api-version=2 --log
