#!/bin/bash
# Online scenario (GitHub workflow only; features/test/run.sh drops online_*):
# the official Go feature (Go 1.22; it installs its own dlv@latest into /go/bin
# and puts /go/bin first on PATH) and this feature with "version": "1.22.1",
# as user vscode. The published installsAfter makes this feature install
# after the Go feature. `dlv version` must report 1.22.1 everywhere.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

PIN=1.22.1
check "tests run as vscode" bash -c '[ "$(id -un)" = vscode ]'
check "the Go feature's own dlv is in /go/bin (informational)" bash -c 'ls -l /go/bin/dlv && /go/bin/dlv version || true'
check "dlv is the feature's link to /usr/local/bin/dlv" ptd_dlv_is_feature_link_to /usr/local/bin/dlv
check "dlv version reports $PIN here (devcontainer exec, like the editor)" ptd_dlv_here_is $PIN
check "dlv version reports $PIN: vscode, login shell (bash -l)" ptd_dlv_version_is $PIN login vscode
check "dlv version reports $PIN: vscode, non-login bash -c" ptd_dlv_version_is $PIN nonlogin vscode
check "dlv version reports $PIN: root, non-login bash -c" ptd_dlv_version_is $PIN nonlogin root
check "install record says go-install v1.22.1" grep -qx "DLV_QUERY=v1.22.1" /usr/local/share/ptrace-doctor/delve-feature.env
check "ptrace-check: dlv is the feature's, no warning" ptd_ptrace_check_no_shadow
check "ptrace-check notes the Go feature's seccomp=unconfined" bash -c 'ptrace-check | grep -F "official Go feature" | grep -Fq "seccomp=unconfined"'
check "ptrace-check warns when /go/bin is put first" bash -c 'out=$(PATH=/go/bin:$PATH ptrace-check); [ $? = 1 ] && echo "$out" | grep -q "^warning:"'
ptd_standard_checks

reportResults
