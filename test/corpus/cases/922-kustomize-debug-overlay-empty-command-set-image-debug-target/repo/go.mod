module example.com/app-operator

go 1.24
