#!/usr/bin/env bash
set -e
apt-get update && apt-get install -y moby-engine moby-cli
cat > /usr/local/share/docker-init.sh <<'INIT'
#!/bin/sh
dockerd > /tmp/dockerd.log 2>&1 &
exec "$@"
INIT
chmod +x /usr/local/share/docker-init.sh
