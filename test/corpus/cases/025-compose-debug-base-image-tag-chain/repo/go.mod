module shopdemo

go 1.14
