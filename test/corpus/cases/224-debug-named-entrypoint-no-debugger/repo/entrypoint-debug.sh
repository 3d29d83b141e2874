#!/bin/bash
set -e

# "debug" start: print the environment (no secrets) and the user, then run the server
echo "PORT: ${PORT}"
echo "BUCKET: ${BUCKET_NAME}"
echo "BUCKET_KEY set: $([ -n "$BUCKET_KEY" ] && echo yes || echo no)"
echo "user: $(whoami) ($(id -u))"

mkdir -p /data /music
ls -la /data /music || true

export ND_MUSICFOLDER=/music
export ND_DATAFOLDER=/data
export ND_LOGLEVEL=debug
export ND_PORT=${PORT:-4533}
exec /app/navidrome
