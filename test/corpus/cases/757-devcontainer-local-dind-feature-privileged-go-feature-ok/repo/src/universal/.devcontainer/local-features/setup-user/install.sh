#!/usr/bin/env bash
set -e
mkdir -p /home/codespace/.local/bin
chown -R codespace:codespace /home/codespace
