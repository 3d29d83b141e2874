// +build tools

package tools

import (
	_ "github.com/go-delve/delve/cmd/dlv"
	_ "mvdan.cc/gofumpt"
)
