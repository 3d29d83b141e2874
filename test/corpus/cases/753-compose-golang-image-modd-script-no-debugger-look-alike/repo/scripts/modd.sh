#!/bin/sh
cd /app
go install github.com/cortesi/modd/cmd/modd@v0.8.1
go mod download && modd --file=modd-$1.conf
