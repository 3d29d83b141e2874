module example.com/node

go 1.22
