#!/bin/sh
# TEST STAND-IN for `go`, installed as /usr/local/go/bin/go in the test image
# ptd-feature-debian-go. No Go module proxy is reachable where these tests run,
# so `go install github.com/go-delve/delve/cmd/dlv@QUERY` is recorded in
# /var/log/ptd-fake-go.log and answered with a prebuilt dlv (Debian's delve
# 1.20.2 binary, whatever QUERY asked for). Everything else runs the real Go
# (Debian's go1.19). The real `go install` path runs in the GitHub workflow.
#   PTD_FAKE_GO_VERSION=go1.25.1  pretend to be another Go version
#   PTD_FAKE_GO_LATEST_FAILS=1    make @latest fail with "requires go >= ..."
REAL=/usr/lib/go-1.19/bin/go
if [ "${1:-}" = install ]; then
  case ${2:-} in
    github.com/go-delve/delve/cmd/dlv@*)
      echo "go $* GOBIN=${GOBIN:-} GOTOOLCHAIN=${GOTOOLCHAIN:-} CGO_ENABLED=${CGO_ENABLED:-} GOPATH=${GOPATH:-}" >>/var/log/ptd-fake-go.log
      if [ -n "${PTD_FAKE_GO_LATEST_FAILS:-}" ] && [ "$2" = github.com/go-delve/delve/cmd/dlv@latest ]; then
        echo "go: github.com/go-delve/delve/cmd/dlv@latest: github.com/go-delve/delve@v1.99.0 requires go >= 1.99 (running go ${PTD_FAKE_GO_VERSION#go}; GOTOOLCHAIN=local)" >&2
        exit 1
      fi
      mkdir -p "${GOBIN:-$HOME/go/bin}"
      cp /opt/ptd-fake-go/dlv "${GOBIN:-$HOME/go/bin}/dlv"
      exit 0
      ;;
  esac
fi
if [ -n "${PTD_FAKE_GO_VERSION:-}" ]; then
  if [ "${1:-}" = version ] && [ $# -eq 1 ]; then echo "go version $PTD_FAKE_GO_VERSION linux/amd64"; exit 0; fi
  if [ "${1:-}" = env ] && [ "${2:-}" = GOVERSION ]; then echo "$PTD_FAKE_GO_VERSION"; exit 0; fi
fi
exec "$REAL" "$@"
