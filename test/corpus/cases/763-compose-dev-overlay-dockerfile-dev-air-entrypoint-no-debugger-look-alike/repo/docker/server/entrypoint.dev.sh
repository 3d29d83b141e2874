#!/bin/sh
set -e
while ! nc -z "${DB_HOST:-db}" 5432; do sleep 1; done
cd /app
exec air -c .air.toml
