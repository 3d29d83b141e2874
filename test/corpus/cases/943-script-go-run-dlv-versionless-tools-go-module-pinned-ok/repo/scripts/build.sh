#!/usr/bin/env bash
GOOS=linux go build -o bin/hclrunner.linux ./cmd/hclrunner
