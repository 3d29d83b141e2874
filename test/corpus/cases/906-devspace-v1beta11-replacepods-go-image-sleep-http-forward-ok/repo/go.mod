module example.com/go-api

go 1.17
