#!/bin/bash
# Run during the docker build of the build base image only.

set -e

DELVE_SRC=github.com/go-delve/delve
DELVE_PKG=${DELVE_SRC}/cmd/dlv@latest

export PATH=$PATH:/usr/local/go/bin

go install ${DELVE_PKG}
