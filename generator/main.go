// Command generator validates a record of processing activities kept as TOML
// files and builds the public privacy center and the regulator's workbook.
//
//	go run ./generator build
//	go run ./generator validate
package main

import (
	"os"

	"github.com/privacy-as-code/ropa/generator/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
