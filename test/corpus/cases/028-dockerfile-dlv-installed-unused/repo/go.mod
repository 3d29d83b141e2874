module tracker

go 1.22
