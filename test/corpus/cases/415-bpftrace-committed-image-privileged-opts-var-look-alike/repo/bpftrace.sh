#!/bin/bash
set -eou pipefail
cd $(dirname $0)
if ! docker inspect arch:bpftrace &>/dev/null; then
    id=$(cat /proc/sys/kernel/random/uuid)
    if docker run --name $id -it --network host archlinux:latest bash -c "pacman -Sy --noconfirm bpftrace python-bcc"; then
        docker commit $id arch:bpftrace
    fi
fi
kernel=$(uname -r)
opts="--privileged -v /sys/fs/cgroup:/sys/fs/cgroup:ro -v /usr/lib/modules/$kernel:/usr/lib/modules/$kernel:ro -v /sys/kernel/debug:/sys/kernel/debug"
container=$1
script=$2
docker run -it --rm $opts --network host -v $(pwd)/scripts:/scripts arch:bpftrace bpftrace -e "$(cat $script)" -- $container
