#!/bin/sh
exec geth --datadir /db "$@"
