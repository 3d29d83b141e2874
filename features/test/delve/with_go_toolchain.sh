#!/bin/bash
# Scenario: an image with Go 1.19 whose `go` is only in /usr/local/go/bin.
# install.sh must find it there and build dlv with `go install`, and since
# the latest delve needs a newer Go, fall back to v1.21.2 (the newest release
# that builds with Go 1.19) and say so.
# NOTE: no Go module proxy is reachable here, so /usr/local/go/bin/go in this
# image is a stand-in (features/test/images/fake-go.sh): it records the
# `go install` arguments and copies a prebuilt dlv; all other go commands run
# the real Go 1.19. The real `go install` path runs in the GitHub workflow
# (online_* scenarios).
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

check "go install was asked for dlv@v1.21.2 with GOBIN=/usr/local/bin" bash -c 'cat /var/log/ptd-fake-go.log; grep -q "^go install github.com/go-delve/delve/cmd/dlv@v1.21.2 GOBIN=/usr/local/bin GOTOOLCHAIN=local CGO_ENABLED=0 " /var/log/ptd-fake-go.log'
check "exactly one go install ran" bash -c '[ "$(wc -l < /var/log/ptd-fake-go.log)" = 1 ]'
check "dlv is the feature's link to /usr/local/bin/dlv" ptd_dlv_is_feature_link_to /usr/local/bin/dlv
check "the delve package was not installed" bash -c '! dpkg -s delve >/dev/null 2>&1'
check "the build left no GOPATH or module cache behind" bash -c '[ ! -d /root/go ] && [ ! -d /go ]'
check "install record says go-install v1.21.2" bash -c 'cat /usr/local/share/ptrace-doctor/delve-feature.env; grep -q "^DLV_QUERY=v1.21.2$" /usr/local/share/ptrace-doctor/delve-feature.env'
check "ptrace-check reports the Go version and compatibility" bash -c 'ptrace-check | grep -E "^  (go|dlv and go) " ; ptrace-check | grep -q "^  go  *go1.19" && ptrace-check | grep -q "^  dlv and go  *ok: delve"'
ptd_standard_checks

reportResults
