#!/bin/bash
set -e
su dev -c "yay -S --needed --noconfirm go"
su - dev -s /bin/zsh -c '
  go install golang.org/x/tools/gopls@latest
  go install github.com/go-delve/delve/cmd/dlv@latest
'
