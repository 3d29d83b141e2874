#!/usr/bin/env bash
# Run a command with another Node.js release first on PATH.
#
#   bash scripts/with-node.sh 24.22.3 node node_modules/vitest/vitest.mjs run
#
# The Action runs on the runner's node24 (action.yml: runs.using), the CLI on
# whatever Node users have (>= 20). The official binaries are published on the
# npm registry as node-<platform>-<arch> packages: fetched once with npm pack
# into node_modules/.cache/, so this needs nothing but npm.
set -euo pipefail
version=${1:?usage: with-node.sh VERSION COMMAND...}
shift
platform=$(node -p process.platform)
arch=$(node -p process.arch)
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/node_modules/.cache/node-$version-$platform-$arch"
if [ ! -x "$dir/bin/node" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-$platform-$arch@$version" >/dev/null)
  mkdir -p "$dir.partial"
  tar -xzf "$tmp"/node-"$platform"-"$arch"-*.tgz -C "$dir.partial" --strip-components=1
  rm -rf "$dir"
  mv "$dir.partial" "$dir"
fi
got=$("$dir/bin/node" --version)
if [ "$got" != "v$version" ]; then
  echo "with-node: $dir/bin/node is $got, not v$version" >&2
  exit 1
fi
echo "with-node: $got ($dir/bin/node)" >&2
PATH="$dir/bin:$PATH" exec "$@"
