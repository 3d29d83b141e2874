#!/bin/bash
# Online scenario (GitHub workflow only; features/test/run.sh drops online_*):
# an older golang image (Go 1.21): "latest" falls back to delve v1.25.0, the
# newest release Go 1.21 can build.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "dlv was built into /usr/local/bin" ptd_dlv_is_feature_link_to /usr/local/bin/dlv
check "install record says go-install" grep -q '^DLV_SOURCE=go-install$' /usr/local/share/ptrace-doctor/delve-feature.env
check "fell back to v1.25.0" grep -q "^DLV_QUERY=v1.25.0$" /usr/local/share/ptrace-doctor/delve-feature.env
check "dlv and go are compatible" bash -c 'ptrace-check | grep "dlv and go"; ptrace-check | grep -q "^  dlv and go  *ok:"'
ptd_standard_checks

reportResults
