package main

import "fmt"

func main() {
	msg := "hello from the debugger"
	fmt.Println(msg)
}
