module webdebug

go 1.20
