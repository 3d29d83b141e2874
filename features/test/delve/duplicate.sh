#!/bin/bash
# Duplicate test: the CLI installs the feature twice in one image, once with
# every option flipped from its default (installStrace=false, installGdb=true,
# version=os-provided) and once with the defaults. Both runs must succeed and
# the result is the union.
set -e
source dev-container-features-test-lib
source ./ptd-checks.bash

echo "options of the flipped copy: version=${version:-} installStrace=${installStrace:-} installGdb=${installGdb:-}"
check "gdb is installed (by the copy with installGdb=true)" command -v gdb
check "strace is installed (by the copy with the defaults)" command -v strace
check "only one dlv on PATH" bash -c 'type -ap dlv; [ "$(type -ap dlv | xargs -n1 readlink -f | sort -u | wc -l)" = 1 ]'
ptd_standard_checks

reportResults
