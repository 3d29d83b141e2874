#!/bin/bash -x

sudo podman run --rm -p 9080:9080 inventory-og
