#!/bin/bash
# Scenario: Go is present but version=os-provided: the distribution's package
# is used and go install is not run.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "go install was not run" bash -c '[ ! -s /var/log/ptd-fake-go.log ]'
check "dlv is Debian's delve package" bash -c 'dpkg -s delve >/dev/null && [ "$(readlink -f "$(command -v dlv)")" = /usr/bin/dlv ]'
check "dlv is the feature's link to /usr/bin/dlv" ptd_dlv_is_feature_link_to /usr/bin/dlv
ptd_standard_checks

reportResults
