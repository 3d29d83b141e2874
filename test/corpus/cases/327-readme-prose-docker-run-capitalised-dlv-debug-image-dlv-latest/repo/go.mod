module example.com/webdbg

go 1.20
