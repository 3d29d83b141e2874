#!/bin/bash
here="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"
# the debug server for the IDE
ssh -t root@localhost /usr/local/bin/docker run --rm -it \
    -p 3000:3000 \
    -v $here/src:$here/src \
    -w $here/build \
    clang:latest \
    /usr/bin/lldb-server platform --listen "*:3000"
