#!/bin/sh
# Open a root shell on a node through a privileged pod in the host's namespaces.
kubectl run node-shell --restart=Never -it --rm --image unused --overrides '
{
  "spec": {
    "hostPID": true,
    "hostNetwork": true,
    "containers": [
      {
        "name": "node-shell",
        "image": "debian:12",
        "command": ["nsenter", "--all", "--target=1", "--", "su", "-"],
        "stdin": true,
        "tty": true,
        "securityContext": { "privileged": true }
      }
    ]
  }
}' --attach "$@"
