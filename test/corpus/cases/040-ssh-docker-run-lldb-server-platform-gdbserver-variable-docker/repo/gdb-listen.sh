#!/bin/bash
here="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"
ESCALATE=$(which really)
if [ "" = "$ESCALATE" ]; then
    ESCALATE="sudo"
fi
DOCKER=$(which docker)
$ESCALATE $DOCKER run --rm -it \
    --security-opt seccomp:unconfined \
    -p 127.0.0.1:3000:3000 \
    -v $here/src:$here/src \
    clang:latest \
    /usr/bin/gdbserver ":3000" build/tool
