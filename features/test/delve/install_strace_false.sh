#!/bin/bash
# Scenario: installStrace=false. dlv still works; ptrace-check has no strace
# to probe with, so it infers its verdict from the settings and says so.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "strace is not installed" bash -c '! command -v strace'
check "ptrace-check says its verdict is inferred" bash -c 'ptrace-check | grep -q "^attach: .*inferred from the settings"'
ptd_standard_checks

reportResults
