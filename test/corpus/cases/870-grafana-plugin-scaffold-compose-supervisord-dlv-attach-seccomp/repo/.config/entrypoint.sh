#!/bin/sh
if [ "${DEV}" = "false" ]; then
    echo "Starting in production mode"
    exec /run.sh
fi
echo "Starting in development mode"
exec /usr/bin/supervisord -c /etc/supervisor/supervisord.conf
