#!/usr/bin/env bash

set -euo pipefail

target="${1}"

docker run \
    --interactive \
    --tty \
    --rm \
    --pid="container:${target}" \
    --net="container:${target}" \
    --privileged \
    --cap-add sys_admin \
    --cap-add sys_ptrace \
    --volume="$(pwd):/from-host" \
    --workdir="/from-host" \
    acme/toolbox
