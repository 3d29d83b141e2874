#!/usr/bin/env bash
set -ex

PID=$(pgrep "$EXECUTABLE")

# run dlv with the target's uid/gid so that the kernel's credential check passes
USER_ID=$(stat -c "%u" /proc/${PID})
GROUP_ID=$(stat -c "%g" /proc/${PID})
if (( USER_ID != 0 )); then
    useradd -u ${USER_ID} debugger
fi
if (( GROUP_ID != 0 )); then
    groupadd -g ${GROUP_ID} debugger 2>/dev/null || true
fi
echo 'root ALL=(ALL:ALL) ALL' >> /etc/sudoers

exec sudo -u#${USER_ID} -g#${GROUP_ID} dlv attach ${PID} --continue --accept-multiclient --api-version 2 --headless --listen :4000
