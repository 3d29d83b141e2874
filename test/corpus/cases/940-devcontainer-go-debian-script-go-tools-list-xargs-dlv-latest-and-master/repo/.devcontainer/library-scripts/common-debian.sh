#!/usr/bin/env bash
set -e
USERNAME=${1:-"dev"}
apt-get update && apt-get -y install --no-install-recommends git curl sudo
useradd -s /bin/bash -m "${USERNAME}" || true
