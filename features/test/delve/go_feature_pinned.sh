#!/bin/bash
# Scenario (issue #19, "the feature's pin wins"): a Go feature that puts /go/bin
# first on PATH and has its own dlv there, installed BEFORE the delve feature
# (what the delve feature's installsAfter asks of the real Go feature), with
# "version" pinned. `dlv version` must report the pin wherever dlv is looked
# up: this environment (devcontainer exec, like VS Code: the remote user's
# login shell), login and non-login shells started fresh from the container's
# own environment, as the remote user (vscode) and as root.
#
# NOTE, offline stand-ins (features/test/run.sh):
#   - "./fake-go" is features/test/_fixtures/fake-go, a stand-in for
#     ghcr.io/devcontainers/features/go (no registry here): the same
#     containerEnv (PATH=/usr/local/go/bin:/go/bin:${PATH}), securityOpt
#     seccomp=unconfined and 00-restore-env.sh, and a dlv in /go/bin that
#     reports version 1.99.0.
#   - The order is set with overrideFeatureInstallOrder: the offline copy of
#     the feature has no installsAfter, and installsAfter names the ghcr.io
#     feature, which a local feature never matches.
#   - The pin is 1.20.2, not 1.22.1: no Go module proxy is reachable, so
#     `go install ...dlv@v1.20.2` is answered by the go stand-in
#     (images/fake-go.sh) with Debian's real delve 1.20.2 binary; 1.22.1 would
#     also need Go >= 1.21 (the image has 1.19). online_go_feature_pinned pins
#     1.22.1 with the real Go feature in the GitHub workflow.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

PIN=1.20.2
check "tests run as vscode" bash -c '[ "$(id -un)" = vscode ]'
check "the Go stand-in's own dlv (1.99.0) is in /go/bin" bash -c '/go/bin/dlv version | grep -qx "Version: 1.99.0"'
check "the container's PATH has the Go stand-in's /go/bin" bash -c 'p=$(source ./ptd-checks.bash; ptd_container_path); echo "$p"; case ":$p:" in *:/go/bin:*) ;; *) exit 1 ;; esac'
check "dlv version reports $PIN here (devcontainer exec, like the editor)" ptd_dlv_here_is $PIN
check "dlv version reports $PIN: vscode, login shell (bash -l)" ptd_dlv_version_is $PIN login vscode
check "dlv version reports $PIN: vscode, login shell (sh -l)" ptd_dlv_version_is $PIN login-sh vscode
check "dlv version reports $PIN: vscode, interactive login shell (bash -li)" ptd_dlv_version_is $PIN interactive-login vscode
check "dlv version reports $PIN: vscode, non-login bash -c" ptd_dlv_version_is $PIN nonlogin vscode
check "dlv version reports $PIN: root, login shell (bash -l)" ptd_dlv_version_is $PIN login root
check "dlv version reports $PIN: root, non-login bash -c" ptd_dlv_version_is $PIN nonlogin root
check "dlv is the feature's link to /usr/local/bin/dlv" ptd_dlv_is_feature_link_to /usr/local/bin/dlv
check "the go.alternateTools path (VS Code's Go extension) reports $PIN" bash -c "$PTD_PIN_DIR/dlv version | grep -qx 'Version: $PIN'"
check "install record: pinned $PIN, dlv path" bash -c 'cat /usr/local/share/ptrace-doctor/delve-feature.env; grep -qx "DLV_REQUESTED=1.20.2" /usr/local/share/ptrace-doctor/delve-feature.env && grep -qx "DLV_PATH=/usr/local/bin/dlv" /usr/local/share/ptrace-doctor/delve-feature.env'
check "ptrace-check: dlv is the feature's, no warning" ptd_ptrace_check_no_shadow
check "ptrace-check warns when /go/bin is put first (which dlv, its version, the fix)" ptd_ptrace_check_warns_shadow /go/bin 1.99.0
check "ptrace-check's warning names the Go feature and the pinned version" bash -c 'out=$(PATH=/go/bin:$PATH ptrace-check); echo "$out" | grep -F "official Go feature" && echo "$out" | grep -F "the version you pinned with \"version\": \"1.20.2\""'
check "ptrace-check notes the Go feature's seccomp=unconfined and how to avoid it" bash -c 'out=$(ptrace-check); echo "$out" | sed -n "/^note:/,\$p"; echo "$out" | grep -q "^  seccomp  *disabled" && echo "$out" | grep -F "official Go feature" | grep -F "seccomp=unconfined" | grep -Fq "get Go another way"'
ptd_standard_checks

reportResults
