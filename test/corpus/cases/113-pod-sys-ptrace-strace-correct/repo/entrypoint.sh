#!/bin/bash
set -x
uname -r
# can this runtime trace a child under its seccomp profile?
strace -f --seccomp-bpf true
getpcaps $$
