#!/bin/sh
export DEBIAN_FRONTEND=noninteractive
apt-get update \
&& apt-get install -y --no-install-recommends curl unzip sudo \
&& useradd -m coder -s /bin/bash \
&& adduser coder sudo
