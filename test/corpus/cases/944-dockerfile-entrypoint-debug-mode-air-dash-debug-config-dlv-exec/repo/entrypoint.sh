#!/bin/sh
export $(grep -v '^#' .env | xargs)

make generate

if [ "$DEBUG_MODE" = "true" ]; then
  echo "debug mode"
  air -c .air-debug.toml
else
  air
fi
