#!/usr/bin/env bash
set -e
mkdir -p /tmp/delve-src
cd /tmp/delve-src
git clone --depth 1 https://github.com/go-delve/delve.git
cd delve
make build
mv dlv /app/dlv
