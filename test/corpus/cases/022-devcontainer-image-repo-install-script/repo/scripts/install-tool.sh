#!/usr/bin/env bash
set -o errexit -o pipefail -o nounset

case $1 in
  "golangci-lint")
    curl -sSfL https://raw.githubusercontent.com/golangci/golangci-lint/master/install.sh | sh -s -- -b "$(go env GOPATH)/bin" "v$2"
    ;;
  "gopls")
    go install golang.org/x/tools/gopls@v$2
    ;;
  "delve")
    DELVE_VERSION="$2"
    go install github.com/go-delve/delve/cmd/dlv@v${DELVE_VERSION}
    ;;
  *)
    echo "unknown tool: $1"
    ;;
esac
