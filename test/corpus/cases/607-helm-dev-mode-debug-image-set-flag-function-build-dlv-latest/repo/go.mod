module example.invalid/diskmetrics

go 1.22
