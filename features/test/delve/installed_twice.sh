#!/bin/bash
# Scenario: the image (ptd-feature-preinstalled, built by features/test/run.sh)
# already ran install.sh with Go, strace and gdb, and then lost its apt
# sources. The feature's second run must be a no-op that needs neither apt nor
# go install.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "the image has no apt sources (so apt could not have run)" bash -c '[ ! -s /etc/apt/sources.list ] && [ -z "$(ls /etc/apt/sources.list.d)" ]'
check "go install ran once (at the first install only)" bash -c 'cat /var/log/ptd-fake-go.log; [ "$(wc -l < /var/log/ptd-fake-go.log)" = 1 ]'
check "gdb and strace are present" bash -c 'command -v gdb && command -v strace'
ptd_standard_checks

reportResults
