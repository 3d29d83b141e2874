module example.com/podbug

go 1.22
