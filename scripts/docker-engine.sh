#!/usr/bin/env bash
# Start a local Docker engine if none answers, and build the Debian base image
# that the container suites use (no image registry is reachable here).
#   scripts/docker-engine.sh            ensure engine + base image "ptd-bookworm"
# Idempotent: a running engine and an existing image are reused.
set -euo pipefail

log() { echo "[docker-engine] $*" >&2; }

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_engine() {
  if docker info >/dev/null 2>&1; then return 0; fi
  log "starting dockerd (--bridge=none --iptables=false)"
  mkdir -p /var/log
  nohup dockerd --bridge=none --iptables=false >/var/log/ptd-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then log "engine is up"; return 0; fi
    sleep 1
  done
  log "dockerd did not start; last log lines:"; tail -20 /var/log/ptd-dockerd.log >&2 || true
  return 1
}

ensure_base_image() {
  local name=${1:-ptd-bookworm}
  if docker image inspect "$name" >/dev/null 2>&1; then return 0; fi
  local dir; dir=$(mktemp -d /tmp/ptd-rootfs.XXXXXX)
  log "debootstrap bookworm into $dir (a few minutes)"
  debootstrap --variant=minbase bookworm "$dir" >/tmp/ptd-debootstrap.log 2>&1 || {
    tail -20 /tmp/ptd-debootstrap.log >&2; return 1; }
  tar -C "$dir" -c . | docker import - "$name" >/dev/null
  rm -rf "$dir"
  log "imported $name"
}

ensure_packages
ensure_engine
ensure_base_image "${PTD_BASE_IMAGE:-ptd-bookworm}"
