#!/usr/bin/env bash

docker build -t demo-remote-debug:0.0.1 .
