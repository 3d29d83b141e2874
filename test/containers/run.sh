#!/usr/bin/env bash
# The real-container suite (issue 6): npm run test:containers
#   1. starts a Docker engine if none answers, with the base image ptd-bookworm
#      (scripts/docker-engine.sh);
#   2. builds the Go debugging image (Debian's golang-go, delve, strace) once,
#      tagged with a hash of test/containers/image/, so it rebuilds only when
#      that directory changes;
#   3. runs the vitest suite in test/containers/, which writes docs/truth-table.md.
# The last line is "container suite: N passed, N failed, N skipped"; the exit
# code is non-zero when anything failed.
# Environment: PTD_CT_CASES=a,b (only these cases; the truth table is not
# written), PTD_CT_JOBS (parallel cases, default 3), PTD_BASE_IMAGE.
set -uo pipefail
cd "$(dirname "$0")/../.."

summary() { echo "container suite: $1 passed, $2 failed, $3 skipped"; }
die() { echo "[containers] $*" >&2; summary 0 1 0; exit 1; }

bash scripts/docker-engine.sh || die "could not start a Docker engine (scripts/docker-engine.sh failed)"

base=${PTD_BASE_IMAGE:-ptd-bookworm}
hash=$( (cd test/containers/image && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; echo "base=$base") | sha256sum | cut -c1-12)
image="ptd-go-debug:$hash"
if ! docker image inspect "$image" >/dev/null 2>&1; then
  echo "[containers] building $image from $base (golang-go, delve, strace)" >&2
  docker build --network host --build-arg "BASE=$base" -t "$image" test/containers/image >/tmp/ptd-ct-image.log 2>&1 \
    || { tail -30 /tmp/ptd-ct-image.log >&2; die "image build failed"; }
fi
export PTD_GO_IMAGE="$image"
# Older builds of the image (from an earlier test/containers/image/) are dropped.
docker image ls ptd-go-debug --format '{{.Repository}}:{{.Tag}}' | grep -vx "$image" | xargs -r docker rmi >/dev/null 2>&1 || true

net=${PTD_CT_NETWORK:-ptd-ct-net}
if ! docker network inspect "$net" >/dev/null 2>&1; then
  docker network create --internal "$net" >/dev/null || die "could not create the internal network $net"
fi
export PTD_CT_NETWORK="$net"

report=$(mktemp /tmp/ptd-ct-report.XXXXXX.json)
npx vitest run -c test/containers/vitest.config.ts --reporter=verbose --reporter=json --outputFile.json="$report"
rc=$?

counts=$(node -e '
  const fs = require("fs");
  let r; try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { console.log("0 1 0"); process.exit(0); }
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  let failed = r.numFailedTests ?? 0;
  // A file that failed to load has no tests but is a failure.
  if (failed === 0 && (r.numFailedTestSuites ?? 0) > 0) failed = r.numFailedTestSuites;
  console.log(`${r.numPassedTests ?? 0} ${failed} ${skipped}`);
' "$report")
rm -f "$report"
read -r passed failed skipped <<<"$counts"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ] && [ "$rc" -eq 0 ]
