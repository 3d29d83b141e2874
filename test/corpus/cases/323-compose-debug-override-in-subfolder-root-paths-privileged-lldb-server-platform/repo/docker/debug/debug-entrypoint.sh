#!/bin/sh
set -e
LLDB_SERVER_PORT=${LLDB_SERVER_PORT:-10586}
cargo build
/usr/bin/lldb-server platform \
  --listen "*:${LLDB_SERVER_PORT}" \
  --server \
  --min-gdbserver-port 10600 \
  --max-gdbserver-port 10700 &
exec /usr/src/proxy/target/debug/proxy -p /app/config
