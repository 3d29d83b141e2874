#!/bin/bash
# Scenario (issue #19, "the feature's pin wins"): the Go feature (stand-in, see
# go_feature_pinned.sh) installs AFTER the delve feature, so its containerEnv
# puts /go/bin before the delve feature's directory in the image's PATH (a
# later feature's ENV line comes first). This happens when
# overrideFeatureInstallOrder says so, or with a Go feature that installsAfter
# does not name. Login shells (and so this environment, VS Code's, which comes
# from a login shell) still get the pinned dlv through
# /etc/profile.d/zz-ptrace-doctor-dlv.sh; a non-login `bash -c` started from
# the container's environment gets /go/bin/dlv, and ptrace-check says so and
# how to fix it. Runs as root. Pin 1.20.2: see go_feature_pinned.sh.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

PIN=1.20.2
check "the container's PATH has /go/bin before the feature's directory" bash -c 'p=$(source ./ptd-checks.bash; ptd_container_path); echo "$p"; case ":$p:" in *:/go/bin:*/usr/local/lib/ptrace-doctor/bin:*) ;; *) exit 1 ;; esac'
check "dlv version reports $PIN here (devcontainer exec, like the editor)" ptd_dlv_here_is $PIN
check "dlv version reports $PIN: login shell (bash -l)" ptd_dlv_version_is $PIN login root
check "dlv version reports $PIN: login shell (sh -l)" ptd_dlv_version_is $PIN login-sh root
check "a non-login bash -c gets /go/bin/dlv (1.99.0): ENV order, the documented limit" ptd_dlv_version_is 1.99.0 nonlogin root
check "ptrace-check in that non-login environment warns: /go/bin/dlv, 1.99.0, the fix" bash -c 'source ./ptd-checks.bash; p=$(ptd_container_path); out=$(env -i PATH="$p" HOME=/root ptrace-check); rc=$?; echo "$out" | sed -n "/^warning:/,/^fix:/p"; [ $rc = 1 ] && echo "$out" | grep -Fq "runs /go/bin/dlv (delve 1.99.0), not /usr/local/lib/ptrace-doctor/bin/dlv -> /usr/local/bin/dlv (delve 1.20.2" && echo "$out" | grep -Fq "overrideFeatureInstallOrder"'
check "ptrace-check here: no warning" ptd_ptrace_check_no_shadow
ptd_standard_checks

reportResults
