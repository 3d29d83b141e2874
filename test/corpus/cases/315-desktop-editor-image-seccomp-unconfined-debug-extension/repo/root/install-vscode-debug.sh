#!/bin/sh
dir=$(cd `dirname "$0"` && pwd)
# the editor's debug front-end extension
$dir/install-vscode-extension.sh webfreak debug 0.27.0
