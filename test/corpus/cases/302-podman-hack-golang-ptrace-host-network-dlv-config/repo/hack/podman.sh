#!/usr/bin/env bash
# Run a hack/ task (or an interactive shell) inside a throwaway Go container.

cd "$(dirname "${BASH_SOURCE[0]}")"

task=$1

if [ "$task" ]; then
    [ -x "$task.sh" ] && task=hack/$task.sh
else
    mkdir -p .dlv
    extra="-it -v $PWD/.dlv:/root/.config/dlv"
fi

# SYS_PTRACE so that dlv works inside; host network to reach the local cluster
podman run --rm \
    -v gocache:/root/.cache/go-build \
    -v $(realpath $PWD/..):/src -w /src \
    $extra \
    --cap-add SYS_PTRACE \
    --network host \
    docker.io/golang $task
