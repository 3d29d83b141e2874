#!/usr/bin/env bash
# Called by skaffold's custom builder; $IMAGE is the reference to produce.
set -euo pipefail

TAG="$(make --quiet --no-print-directory tag 2>/dev/null)"
REGISTRY="${DEFAULT_IMAGE_REGISTRY:-quay.io/example}"

if docker pull "${REGISTRY}/main:${TAG}" 2>/dev/null; then
    docker tag "${REGISTRY}/main:${TAG}" "$IMAGE"
    docker push "$IMAGE"
    exit 0
fi

export CGO_ENABLED=0 GOOS=linux
make main-build-nodeps

GOARCH="$(go env GOARCH)"
docker build -f dev-tools/Dockerfile.dev \
    --build-arg BASE_IMAGE="${REGISTRY}/main:${TAG}" \
    -t "$IMAGE" "bin/linux_${GOARCH}/"
docker push "$IMAGE"
