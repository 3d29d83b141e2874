#!/bin/bash
POD=$(kubectl -n training get pod -l app=greeter -o jsonpath='{.items[0].metadata.name}')
kubectl alpha debug -n training -it "${POD}" --image=busybox:1.36 --target=greeter
