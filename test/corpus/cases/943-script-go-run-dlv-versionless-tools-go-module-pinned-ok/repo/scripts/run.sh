#!/usr/bin/env bash
PKG="example.com/hclrunner"

RUN_MODE=${RUN_MODE:-code}

case ${RUN_MODE} in
code)
  GOFLAGS=-mod=vendor go run ${PKG}/cmd/hclrunner;
  ;;
debug)
  echo "debugging"
  GOFLAGS=-mod=vendor go run github.com/go-delve/delve/cmd/dlv debug \
    --headless --api-version=2 --log --listen=127.0.0.1:2345 ${PKG}/cmd/hclrunner
  ;;
esac
