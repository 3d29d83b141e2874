#!/bin/bash
echo "dlv wrapper to debug as root"
if [ "$DEBUG_AS_ROOT" = "true" ]; then
	exec /usr/bin/sudo -E $HOME/go/bin/dlv --only-same-user=false "$@"
else
	exec $HOME/go/bin/dlv "$@"
fi
