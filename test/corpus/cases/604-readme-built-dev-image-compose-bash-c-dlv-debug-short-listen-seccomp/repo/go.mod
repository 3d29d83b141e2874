module example.invalid/playground

go 1.16
