#!/bin/sh
# usage: dlv.sh <package dir> <delve port>
cd $1
dlv debug --headless -l 0.0.0.0:$2 --api-version=2
