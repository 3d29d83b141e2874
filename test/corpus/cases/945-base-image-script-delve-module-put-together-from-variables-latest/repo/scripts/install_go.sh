#!/bin/bash
# Run during the docker build only.
set -e
VERSION=1.20.4
ARCH=$(dpkg --print-architecture)
FN="go${VERSION}.linux-${ARCH}.tar.gz"
wget "https://go.dev/dl/$FN"
tar -C /usr/local -xzf "$FN"
rm "$FN"
