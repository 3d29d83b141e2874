#!/bin/bash -e

# rebuild the lab image
docker build -t debugger.env .
