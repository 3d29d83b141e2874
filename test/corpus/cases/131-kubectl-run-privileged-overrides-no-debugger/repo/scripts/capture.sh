#!/bin/sh
kubectl run -it --rm --privileged --image=alpine --overrides='{"apiVersion": "v1", "spec": {"hostNetwork": true}}' capture -- /bin/ash -c 'apk add termshark && termshark'
kubectl delete pod capture --force
