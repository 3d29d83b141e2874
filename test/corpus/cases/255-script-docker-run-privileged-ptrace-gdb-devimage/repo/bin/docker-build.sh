#!/bin/bash

HERE=$(dirname "$0")

docker build -t acme/engine_dev -f $HERE/../docker/develop/Dockerfile .
