#!/bin/bash

IMAGE=gpio-sample
NAME=gpio

docker build -t ${IMAGE} src
docker stop ${NAME}
docker run --name ${NAME} --rm -ti -p 3000:3000 ${IMAGE} debug.py
