#!/bin/sh
# port comes from the pod env, 2345 otherwise
DELVE_PORT=${DELVE_PORT:-2345}
exec dlv --headless --listen=:$DELVE_PORT --api-version=2
