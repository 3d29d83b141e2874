#!/usr/bin/env bash
source ./scripts/test_lib.sh
kvstore_build() {
  run go build $GO_BUILD_FLAGS -trimpath -ldflags="-s -w" -o bin/kvstore ./server
}
