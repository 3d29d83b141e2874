module example.com/mygrep

go 1.22
