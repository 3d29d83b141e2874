#!/bin/bash

/workspace/bin/air.linux --build.cmd "$BUILD_COMMAND" --build.bin $BUILD_BINARY_PATH
