#!/usr/bin/env bash
set -euo pipefail
source ./scripts/build_lib.sh
run_build kvstore_build
