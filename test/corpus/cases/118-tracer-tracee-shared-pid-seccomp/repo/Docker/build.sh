#!/bin/sh
docker build -t painbox $(dirname $0)/..
