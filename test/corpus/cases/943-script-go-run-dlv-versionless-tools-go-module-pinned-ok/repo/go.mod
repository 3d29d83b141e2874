module example.com/hclrunner

go 1.15

require (
	github.com/go-delve/delve v1.6.0
	github.com/hashicorp/hcl/v2 v2.8.2
	mvdan.cc/gofumpt v0.1.0
)
