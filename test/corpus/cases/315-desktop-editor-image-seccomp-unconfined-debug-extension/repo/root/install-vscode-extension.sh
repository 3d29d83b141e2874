#!/bin/sh
# publisher name version
code --install-extension "$1.$2@$3"
