#!/bin/sh
dir=$(cd `dirname "$0"` && pwd)
$dir/install-vscode-extension.sh rust-lang rust-analyzer 0.3.2000
