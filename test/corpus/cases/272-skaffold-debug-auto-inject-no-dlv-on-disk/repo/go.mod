module example.com/sumsvc

go 1.13
