#!/bin/bash
set -e

# the toolchain from the distribution, the tools as the dev user
PACKAGES=(
  go
)
su dev -c "yay -S --needed --noconfirm ${PACKAGES[*]}"
su - dev -s /bin/zsh -c '
  go install golang.org/x/tools/gopls@latest
  go install github.com/go-delve/delve/cmd/dlv@latest
  go install mvdan.cc/gofumpt@latest
'

cp *.zsh /home/dev/.config/zsh/
