#!/bin/bash
set +e
echo "Welcome to your development container. Run: go run ./cmd/main.go"
export PATH="./bin:$PATH"
bash --norc
