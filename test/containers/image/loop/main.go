// A target that loops forever, calling tick: something to debug, attach to and trace.
// With an argument, it writes its pid to that file first.
package main

import (
	"fmt"
	"os"
	"time"
)

//go:noinline
func tick(i int) int {
	return i * 2
}

func main() {
	if len(os.Args) > 1 {
		if err := os.WriteFile(os.Args[1], []byte(fmt.Sprint(os.Getpid())), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	s := 0
	for i := 0; ; i++ {
		s += tick(i)
		time.Sleep(50 * time.Millisecond)
	}
}
