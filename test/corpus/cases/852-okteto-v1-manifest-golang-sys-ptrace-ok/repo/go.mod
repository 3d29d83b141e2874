module example.com/conductor

go 1.21
