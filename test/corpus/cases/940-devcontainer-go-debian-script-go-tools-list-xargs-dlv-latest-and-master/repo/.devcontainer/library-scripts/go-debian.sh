#!/usr/bin/env bash
# Installs Go (or uses the image's) and the Go tools the editor needs.
TARGET_GO_VERSION=${1:-"latest"}
TARGET_GOROOT=${2:-"/usr/local/go"}
TARGET_GOPATH=${3:-"/go"}
USERNAME=${4:-"automatic"}
INSTALL_GO_TOOLS=${6:-"true"}

set -e

GO_TOOLS="\
    golang.org/x/tools/gopls@latest \
    honnef.co/go/tools/cmd/staticcheck@latest \
    github.com/go-delve/delve/cmd/dlv@latest \
    github.com/golangci/golangci-lint/cmd/golangci-lint@latest"
if [ "${INSTALL_GO_TOOLS}" = "true" ]; then
    echo "Installing Go tools..."
    export PATH=${TARGET_GOROOT}/bin:${PATH}
    mkdir -p /tmp/gotools
    cd /tmp/gotools
    export GOPATH=/tmp/gotools

    go_install_command=install
    if [[ "1.16" > "$(go version | grep -oP 'go\K[0-9]+\.[0-9]+')" ]]; then
        go_install_command=get
    fi

    (echo "${GO_TOOLS}" | xargs -n 1 go ${go_install_command} -v ) 2>&1 | tee -a /tmp/go-tools.log

    mv /tmp/gotools/bin/* ${TARGET_GOPATH}/bin/

    # dlv-dap: delve built from its main branch
    go ${go_install_command} -v github.com/go-delve/delve/cmd/dlv@master 2>&1 | tee -a /tmp/go-tools.log
    mv /tmp/gotools/bin/dlv ${TARGET_GOPATH}/bin/dlv-dap

    rm -rf /tmp/gotools
fi
