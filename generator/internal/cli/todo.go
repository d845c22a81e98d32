package cli

import (
	"fmt"
	"io"
)

func build(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "build: not wired yet")
	return exitUsage
}

func serve(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "serve: not wired yet")
	return exitUsage
}
