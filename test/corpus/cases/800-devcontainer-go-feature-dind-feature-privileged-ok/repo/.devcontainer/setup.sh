#!/usr/bin/env bash
set -eu
make install-deps
