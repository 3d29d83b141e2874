#!/usr/bin/env bash

#dlv --listen=:2345 --headless=true --api-version=2 exec /opt/tool/bootstrapper -- --in-cluster --verbose
dlv --listen=:2345 --headless=true --api-version=2 exec /opt/tool/bootstrapper -- --in-cluster
