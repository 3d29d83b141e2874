#!/bin/bash
# Scenario: remoteUser vscode (uid 1000), installGdb=true. The container has
# CAP_SYS_PTRACE, but a non-root user gets no effective capabilities: launching
# works; attaching to one's own processes works unless the host's Yama
# ptrace_scope is >= 1 (GitHub's runners: 1); root (sudo) can always attach.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "tests run as vscode" bash -c '[ "$(id -un)" = vscode ]'
check "CapEff of vscode does not hold CAP_SYS_PTRACE" bash -c '! (source ./ptd-checks.bash; ptd_cap_has_ptrace CapEff)'
check "sudo (root) has CAP_SYS_PTRACE in CapEff" sudo bash -c 'source ./ptd-checks.bash; ptd_cap_has_ptrace CapEff'
check "gdb is installed (installGdb=true)" command -v gdb
check "ptrace-check explains the non-root limit" bash -c 'ptrace-check | grep -q "not effective for vscode"'
check "ptrace-check: vscode cannot attach to other users' processes" bash -c "ptrace-check | grep -q \"^attach to other users' processes: no\""
check "strace -p of vscode's own process" ptd_strace_attach "$(ptd_expect_attach)"
check "sudo strace -p attaches" ptd_strace_attach ok sudo
check "sudo dlv attach PID stops at a breakpoint" ptd_dlv_attach ok sudo
check "sudo gdb -p attaches" bash -c 'sleep 30 & p=$!; out=$(sudo timeout 60 gdb -batch -ex "info inferiors" -p $p 2>&1); kill $p; echo "$out" | tail -3; echo "$out" | grep -q "process $p"'
ptd_standard_checks

reportResults
