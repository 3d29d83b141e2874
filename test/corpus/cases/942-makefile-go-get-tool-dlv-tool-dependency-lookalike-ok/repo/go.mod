module example.com/showsbot

go 1.24

tool (
	github.com/go-delve/delve/cmd/dlv
	github.com/golangci/golangci-lint/cmd/golangci-lint
	honnef.co/go/tools/cmd/staticcheck
)

require github.com/go-delve/delve v1.24.2 // indirect
