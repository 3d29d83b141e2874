module example.com/drip

go 1.22
