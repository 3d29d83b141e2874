#!/bin/bash
here="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"
ssh -t root@localhost /usr/local/bin/docker run --rm -it \
    --security-opt seccomp:unconfined \
    -p 127.0.0.1:3000:3000 \
    -v $here/src:$here/src \
    clang:latest \
    /usr/bin/lldb-server platform --listen "*:3000" --log-file=lldb-server.log
