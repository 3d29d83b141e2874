#!/bin/bash

NAME=hello-liberty-checkpoint
set -x

# let the server start and take a CRIU checkpoint after the apps are loaded
podman run --name $NAME --privileged --env WLP_CHECKPOINT=applications dev.local/hello-liberty

podman commit $NAME dev.local/hello-liberty-instanton

podman rm $NAME
