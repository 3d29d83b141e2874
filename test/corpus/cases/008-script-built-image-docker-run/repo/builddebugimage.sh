#!/bin/bash
set -e

docker build -f Dockerfile.base -t example/weather-base . && \
    docker build -f Dockerfile.debug -t example/weather-debug .
