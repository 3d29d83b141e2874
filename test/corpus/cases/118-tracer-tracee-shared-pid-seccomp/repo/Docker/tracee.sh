#!/bin/bash
docker run -it --rm --pid=container:tracer --cap-add=SYS_PTRACE --security-opt seccomp:unconfined painbox
