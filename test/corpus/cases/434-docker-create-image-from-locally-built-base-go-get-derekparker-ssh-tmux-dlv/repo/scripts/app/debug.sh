#!/usr/bin/env bash
dlv exec --headless --listen=:2345 --continue --accept-multiclient --api-version=2 /mnt/src/dev.out
