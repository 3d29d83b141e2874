#!/usr/bin/env bash
set -euo pipefail
source ./scripts/test_utils.sh
run() {
  log_callout "% $*"
  "$@"
}
