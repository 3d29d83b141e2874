#!/bin/bash
set +e
DEBUG_CMD="dlv debug ./cmd/ctl --listen=0.0.0.0:2345 --api-version=2 --headless -- start"
echo "Run: go run ./cmd/ctl start"
echo "Debug: ${DEBUG_CMD} and attach your editor to localhost:2346"
history -s "$DEBUG_CMD"
bash
