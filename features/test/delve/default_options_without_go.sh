#!/bin/bash
# Scenario: default options on Debian 12 without Go: dlv comes from the
# distribution's delve package.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "no Go toolchain in this image" bash -c '! command -v go'
check "dlv is Debian's delve package" bash -c 'dpkg -s delve | grep -q "^Status: install ok installed" && [ "$(readlink -f "$(command -v dlv)")" = /usr/bin/dlv ]'
check "dlv is the feature's link to /usr/bin/dlv" ptd_dlv_is_feature_link_to /usr/bin/dlv
check "strace is installed" command -v strace
check "apt lists were cleaned by install.sh" bash -c '[ -z "$(ls /var/lib/apt/lists 2>/dev/null | grep -v -e partial -e lock)" ]'
check "install record says package" grep -q '^DLV_SOURCE=package$' /usr/local/share/ptrace-doctor/delve-feature.env
check "strace -p PID attaches to a running process" ptd_strace_attach ok
ptd_standard_checks

reportResults
