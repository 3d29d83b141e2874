#!/bin/bash
set -x
podman build -t dev.local/hello-liberty .
