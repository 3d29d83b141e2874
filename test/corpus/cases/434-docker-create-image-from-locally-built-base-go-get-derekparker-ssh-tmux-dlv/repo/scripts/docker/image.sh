#!/usr/bin/env bash
docker build -t go-dd-base scripts/docker/base
docker build -t go-dd -f scripts/docker/app/Dockerfile .
