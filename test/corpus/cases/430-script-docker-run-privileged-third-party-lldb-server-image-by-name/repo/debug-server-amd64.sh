#!/bin/sh
docker pull acme/swift-runtime:amd64-latest
if [ ! "$(docker ps --all -q -f name=swift_runtime)" ]; then
    docker run --name swift_runtime -d acme/swift-runtime:amd64-latest
fi
docker pull acme/lldb-server:amd64-latest
if [ ! "$(docker ps --all -q -f name=lldb_server)" ]; then
    docker run -d --rm --privileged --name lldb_server -p 9293:9293 -v /tmp:/debug --volumes-from swift_runtime acme/lldb-server:amd64-latest
fi
