#!/bin/sh
curl -fsSL -o /tmp/code.deb https://update.code.visualstudio.com/latest/linux-deb-x64/stable
apt-get install -y /tmp/code.deb
