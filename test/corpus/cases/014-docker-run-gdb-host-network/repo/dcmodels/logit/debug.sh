#!/bin/sh
docker run --cap-add=SYS_PTRACE --security-opt seccomp=unconfined --rm --name logit-debug --volumes-from pgdata --net host -it --entrypoint /bin/bash registry.example.com/models/logit-main -c "gdb main -tui"
