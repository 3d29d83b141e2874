module ptd.test/loop

go 1.19
