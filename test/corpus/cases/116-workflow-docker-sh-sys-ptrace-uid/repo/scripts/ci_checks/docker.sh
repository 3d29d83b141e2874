#!/usr/bin/env bash
# run a check script inside a toolchain image as the calling user
set -euo pipefail

tty_flags=-t
[ -n "${CI:-}" ] || tty_flags=-ti

exec docker run --rm ${tty_flags} --cap-add SYS_PTRACE -u "${UID}" -v "$PWD:/work" -w /work -e CI "$@"
