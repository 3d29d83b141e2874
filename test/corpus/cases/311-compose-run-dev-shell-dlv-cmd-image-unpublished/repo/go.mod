module example.com/sniff

go 1.22
