#!/bin/sh
set -e

. ./versions
NAMESPACE=$1
POD=$2
CONTAINER=$3
EXECUTABLE=$4
LOCAL_PORT="${5:-4000}"

kubectl --namespace "$NAMESPACE" port-forward "pod/$POD" "$LOCAL_PORT:4000" &
FORWARD_PID=$!
kubectl --namespace "$NAMESPACE" debug -it "pod/$POD" --image=ghcr.io/example/dlv-attacher:$DLV_VERSION-$DELVE_DEBUGGER_VERSION --target="$CONTAINER" --env="[EXECUTABLE=$EXECUTABLE]"
kill "$FORWARD_PID"
