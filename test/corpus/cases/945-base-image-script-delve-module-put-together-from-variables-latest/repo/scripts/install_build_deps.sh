#!/bin/bash
set -e
go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.30.0
go install github.com/golangci/golangci-lint/cmd/golangci-lint@v1.52.2
