#!/bin/bash
set -e
python3 Tools/autotest/autotest.py build.sim "test.$CI_BUILD_TARGET"
