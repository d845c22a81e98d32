// Package cli implements the generator's commands: parsing flags, running the
// work and mapping results to exit codes (0 ok, 1 the records have errors,
// 2 usage or environment problem).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

const usage = `generator keeps a GDPR Art. 30 record of processing activities as code.

Usage:
  go run ./generator <command> [flags]

Commands:
  validate      check the records and report every problem
  build         validate, then build the privacy center and the workbook
  serve         preview the privacy center on 127.0.0.1, rebuilding on change
  new activity  scaffold a commented activity record
  synth         write a synthetic register for benchmarks
  diff          list the changes to the register between two git revisions
  review        write the notice as one HTML file for legal review, changes marked

Run 'go run ./generator <command> -h' for the flags of a command.
Exit codes: 0 ok, 1 the records have errors, 2 usage or environment problem.
`

// Run runs the command in args and returns the exit code. A panic is a bug:
// it is reported as one, without a stack trace, with exit code 2.
func Run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "internal error (a bug in the generator; please report it with the input that caused it): %v\n", r)
			code = exitUsage
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "build":
		return build(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "new":
		return newRecord(args[1:], stdout, stderr)
	case "synth":
		return synthCmd(args[1:], stdout, stderr)
	case "diff":
		return diffCmd(args[1:], stdout, stderr)
	case "review":
		return reviewCmd(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// flags makes a flag set that reports to the caller instead of exiting, with
// a usage text that starts with the command line.
func flags(name, synopsis, about string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run ./generator %s\n\n%s\n\nFlags:\n", synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns done when the command should stop with code.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, done bool) {
	var out strings.Builder
	usageOut := fs.Output()
	fs.SetOutput(&out)
	err := fs.Parse(args)
	fs.SetOutput(usageOut)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(usageOut, out.String())
		return exitOK, true
	case err != nil: // the usage Parse printed to out is dropped: the error is enough
		fmt.Fprintf(stderr, "%s\nRun 'go run ./generator %s -h' for help.\n", err, fs.Name())
		return exitUsage, true
	case fs.NArg() > 0 && fs.Name() != "new activity":
		fmt.Fprintf(stderr, "unexpected argument %q\nRun 'go run ./generator %s -h' for help.\n", fs.Arg(0), fs.Name())
		return exitUsage, true
	}
	return 0, false
}

// isProject makes sure root holds hugo.toml, data/ and schemas/.
func isProject(root string, stderr io.Writer) bool {
	for _, want := range []string{"hugo.toml", "data", "schemas"} {
		if _, err := os.Stat(filepath.Join(root, want)); err != nil {
			abs, _ := filepath.Abs(root)
			fmt.Fprintf(stderr, "%s is not a project root: %s is missing (run from the repository root, or pass --root)\n", abs, want)
			return false
		}
	}
	return true
}

// checkRoot makes sure root is a project: it holds hugo.toml, data/ and
// schemas/ whose schemas compile. It returns the compiled schemas.
func checkRoot(root string, stderr io.Writer) (*register.Schemas, bool) {
	if !isProject(root, stderr) {
		return nil, false
	}
	schemas, err := register.CompileSchemas(root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, false
	}
	return schemas, true
}
