module example.com/runner-operator

go 1.24
