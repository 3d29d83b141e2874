#!/bin/bash

# start minikube when it is not running
minikube ip > /dev/null
if [ $? -ne 0 ]; then
  minikube start
fi

# build straight into minikube's docker
eval $(minikube docker-env)

echo "building the debug image"
docker build . -t go-app:debug -f ./.debug/debug.Dockerfile

kubectl delete po app-debug --ignore-not-found=true
kubectl delete svc app-debug-svc --ignore-not-found=true
while kubectl get po app-debug > /dev/null; do :; done

kubectl create -f ./.debug/debug.podspec.yml

# 32345 -> dlv, point launch.json at it
minikube service app-debug-svc --url

until kubectl logs app-debug | grep "API server listening at:" > /dev/null; do sleep 1; done
