#!/bin/bash
DEBUG_CMD="dlv debug ./cmd/app --listen=0.0.0.0:2345 --headless --api-version=2 -- start"
echo "To debug, run: ${DEBUG_CMD}"
bash
