module example.com/vk

go 1.22
