#!/usr/bin/env bash
log_callout() {
  >&2 echo -n "$(tput setaf 6)"
  >&2 echo "$@"
}
