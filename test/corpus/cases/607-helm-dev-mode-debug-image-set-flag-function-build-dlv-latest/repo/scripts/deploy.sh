#!/bin/bash
source helpers.sh

registry="localhost:5000"
tag="$(date +%s)"

if [[ $ENV == "debug" ]]; then
  image_tag="debug-${tag}"
  dockerfile="DockerfileDebug"
else
  image_tag="${tag}"
  dockerfile="Dockerfile"
fi

build_dev_image "disk-metrics:${image_tag}" "${dockerfile}" "${registry}"

helm upgrade --install disk-metrics ../chart \
  --set image.repository="${registry}/disk-metrics" \
  --set image.tag="${image_tag}" \
  --set dev.enabled=true

if [[ $ENV == "debug" ]]; then
  kubectl port-forward services/debug 30002:30002
fi
