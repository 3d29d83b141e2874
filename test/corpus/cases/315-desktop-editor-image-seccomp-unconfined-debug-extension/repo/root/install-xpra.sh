#!/bin/sh
apt-get install -y --no-install-recommends xpra xvfb openssh-server
