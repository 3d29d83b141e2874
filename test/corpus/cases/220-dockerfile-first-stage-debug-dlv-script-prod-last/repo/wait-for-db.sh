#!/bin/sh
until pg_isready -h "${DB_HOST:-db}" -p "${DB_PORT:-5432}"; do sleep 1; done
exec "$@"
