#!/usr/bin/env bash
cd /app
go test -v --tags=integrated ./tests/ "$@"
