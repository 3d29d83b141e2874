#!/bin/bash
podman run --rm -p 9080:9080 dev.local/hello-liberty
