#!/bin/bash
# Online scenario (GitHub workflow only; features/test/run.sh drops online_*):
# the official golang image, real `go install` of the newest delve that its Go
# can build.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "dlv was built into /usr/local/bin" ptd_dlv_is_feature_link_to /usr/local/bin/dlv
check "install record says go-install" grep -q '^DLV_SOURCE=go-install$' /usr/local/share/ptrace-doctor/delve-feature.env
check "dlv and go are compatible" bash -c 'ptrace-check | grep "dlv and go"; ptrace-check | grep -q "^  dlv and go  *ok:"'
ptd_standard_checks

reportResults
