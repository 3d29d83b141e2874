#!/usr/bin/env bash
set -e
go build -o ./out/tool ./cmd/tool
