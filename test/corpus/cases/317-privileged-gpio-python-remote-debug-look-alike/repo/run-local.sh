#!/bin/bash

IMAGE=gpio-sample
NAME=gpio

docker build -t ${IMAGE} src
docker stop ${NAME}
# privileged for /dev/gpiomem on the board
docker run --name ${NAME} --privileged --rm -ti -p 3000:3000 ${IMAGE} $1
