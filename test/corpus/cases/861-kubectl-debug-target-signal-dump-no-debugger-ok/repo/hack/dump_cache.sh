#!/usr/bin/env bash
# Ask the running controller to write its cache to the log.
set -euo pipefail
NAMESPACE=${NAMESPACE:-kueue-system}
POD=$(kubectl get pods -n "$NAMESPACE" -l control-plane=controller-manager -o name | head -1)
IMAGE=${DEBUG_IMAGE:-registry.example.com/kueue/debugpod:main}

kubectl debug -n "$NAMESPACE" "$POD" --image="$IMAGE" --target=manager --profile=restricted -q -- sh -c 'kill -USR2 1'
kubectl logs -n "$NAMESPACE" "$POD" -c manager --tail=200
