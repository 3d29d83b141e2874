#!/usr/bin/env bash

docker run -p 8080:8080 --name demo-remote-debug demo-remote-debug:0.0.1
