module example.com/debug-go-docker

go 1.20
