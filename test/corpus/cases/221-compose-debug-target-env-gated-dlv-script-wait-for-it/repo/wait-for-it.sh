#!/bin/sh
# wait-for-it.sh host:port -- command...
hostport=$1; shift; [ "$1" = "--" ] && shift
until nc -z "${hostport%:*}" "${hostport#*:}"; do sleep 1; done
exec "$@"
