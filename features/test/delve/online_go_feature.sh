#!/bin/bash
# Online scenario (GitHub workflow only): the devcontainers base image with the
# official Go feature (which installs its own dlv) and this feature after it,
# as user vscode.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "tests run as vscode" bash -c '[ "$(id -un)" = vscode ]'
check "go is on PATH" go version
ptd_standard_checks

reportResults
