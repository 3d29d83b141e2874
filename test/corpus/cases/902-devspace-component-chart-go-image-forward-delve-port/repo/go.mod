module example.com/kv-operator

go 1.22
