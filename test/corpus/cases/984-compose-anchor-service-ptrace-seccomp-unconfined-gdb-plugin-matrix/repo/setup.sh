#!/bin/sh
set -e
apt-get update
apt-get install -y gdb python3-dev python3-venv git
