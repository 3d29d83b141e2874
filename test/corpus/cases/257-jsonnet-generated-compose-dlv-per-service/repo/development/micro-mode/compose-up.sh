#!/bin/bash
set -e

HERE=$(cd "$(dirname -- "$0")" && pwd)
BUILD_IMAGE=$(make -s -C "${HERE}"/../.. print-build-image)
# regenerate docker-compose.yml from the jsonnet
cd "$HERE" && make

# no optimisations, so delve can step through
CGO_ENABLED=0 GOOS=linux go build -gcflags "all=-N -l" -o "${HERE}"/tsdb "${HERE}"/../../cmd/tsdb
docker compose -f "${HERE}"/docker-compose.yml build --build-arg BUILD_IMAGE="${BUILD_IMAGE}" distributor-1
docker compose -f "${HERE}"/docker-compose.yml up "$@"
