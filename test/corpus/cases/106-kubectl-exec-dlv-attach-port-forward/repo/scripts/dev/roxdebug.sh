#!/usr/bin/env bash
# Attach dlv to the main process of a running pod (debug builds only).
set -euo pipefail

deployment="${1:-deploy/central}"
port="${PORT:-40000}"

ptrace_scope_file="/proc/sys/kernel/yama/ptrace_scope"

allow_ptrace() {
  local state node
  state=$(kubectl -n platform exec "${deployment}" -- /bin/sh -c "[ -e ${ptrace_scope_file} ] && cat ${ptrace_scope_file} || echo 0")
  if [[ "${state}" != "0" ]]; then
    node=$(kubectl -n platform get pods --selector="app=${deployment#deploy/}" -o jsonpath="{.items[0].spec.nodeName}")
    # one-off pod on that node that relaxes yama for every pod there
    kubectl -n platform run -it --rm --restart=Never \
      --privileged \
      --overrides "{ \"spec\": { \"nodeName\": \"${node}\" } }" \
      --image=alpine yama-relax -- /bin/sh -c "echo 0 > ${ptrace_scope_file}"
  fi
}

allow_ptrace

trap 'jobs -pr | xargs -r kill -INT' EXIT
kubectl --namespace platform port-forward "${deployment}" "${port}":"${port}" &

kubectl --namespace platform exec -it "${deployment}" -- /bin/sh -c "cd /tmp; /go/bin/dlv --headless --listen=:\"${port}\" --api-version=2 --accept-multiclient attach 1 --continue"
