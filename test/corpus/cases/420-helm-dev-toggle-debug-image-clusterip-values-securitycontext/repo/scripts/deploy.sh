#!/bin/bash
set -e
registry="$(minikube ip):5000"
tag="$(date +%s)"

if [[ $ENV == "debug" ]]; then
  tag="debug-${tag}"
  dockerfile="DockerfileDebug"
else
  dockerfile="Dockerfile"
fi

docker build -f ../${dockerfile} -t "${registry}/exporter:${tag}" ../.
docker push "${registry}/exporter:${tag}"

helm upgrade --install exporter ../chart \
  --set "image.repository=${registry}/exporter,image.tag=${tag},dev.enabled=true"

if [[ $ENV == "debug" ]]; then
  kubectl port-forward services/debug 30002:30002
fi
