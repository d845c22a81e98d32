package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/completeness"
	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/history"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

func validate(args []string, stdout, stderr io.Writer) int {
	fs := flags("validate", "validate [--root DIR] [--format text|json|github] [--strict] [--report completeness] [--as-of DATE]",
		"Checks every record under data/ against the JSON Schemas in schemas/ and the\n"+
			"cross-record rules, and reports every problem as file:line:col: path: message.\n"+
			"Text diagnostics go to stderr and a summary to stdout; json and github output\n"+
			"go to stdout. --report completeness then prints, per activity, which item of\n"+
			"Art. 30 and Art. 13/14 is answered by which field, and which is implied or\n"+
			"missing (only when the records have no errors).", stdout)
	root := fs.String("root", ".", "project root holding hugo.toml, data/, schemas/, content/ and themes/")
	format := fs.String("format", "text", "output format: text, json or github (GitHub Actions annotations)")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	reportKind := fs.String("report", "", "also print a report: completeness (text format only)")
	asOf := fs.String("as-of", "", "the date (YYYY-MM-DD) the organisation's review_interval is counted to (default: today)")
	if code, done := parse(fs, args, stderr); done {
		return code
	}
	switch *format {
	case "text", "json", "github":
	default:
		fmt.Fprintf(stderr, "unknown format %q: use text, json or github\n", *format)
		return exitUsage
	}
	switch {
	case *reportKind != "" && *reportKind != "completeness":
		fmt.Fprintf(stderr, "unknown report %q: use completeness\n", *reportKind)
		return exitUsage
	case *reportKind != "" && *format != "text":
		fmt.Fprintf(stderr, "--report %s needs --format text\n", *reportKind)
		return exitUsage
	}
	today := time.Now()
	if *asOf != "" {
		d, err := time.Parse(time.DateOnly, *asOf)
		if err != nil {
			fmt.Fprintf(stderr, "--as-of %q is not a date in the form YYYY-MM-DD\n", *asOf)
			return exitUsage
		}
		today = d
	}
	if !isProject(*root, stderr) {
		return exitUsage
	}
	// The schemas compile while the records are read (CompileAndLoad); a
	// schema that does not compile is the tooling's problem, as in checkRoot.
	_, reg, diags, err := register.CompileAndLoad(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if errs, _ := diags.Count(); errs == 0 {
		// Opt-in (organisation.toml review_interval): activities not
		// changed nor confirmed within it, per git.
		diags = append(diags, history.ReviewWarnings(*root, reg, today)...).Sort()
	}
	if err := report(*format, diags, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	code := findingsCode(diags, *strict)
	if *format == "text" && code == exitOK {
		fmt.Fprintf(stdout, "ok: %s, %s\n", count(len(reg.Activities), "activity", "activities"), count(len(reg.Files)-len(reg.Activities), "shared definition", "shared definitions"))
	}
	if errs, _ := diags.Count(); *reportKind == "completeness" && errs == 0 {
		if err := completeness.WriteText(stdout, reg); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
	}
	return code
}

// report prints diagnostics in the chosen format.
func report(format string, diags diag.List, stdout, stderr io.Writer) error {
	switch format {
	case "json":
		return diag.WriteJSON(stdout, diags)
	case "github":
		return diag.WriteGitHub(stdout, diags)
	}
	return diag.WriteText(stderr, diags)
}

func findingsCode(diags diag.List, strict bool) int {
	errs, warns := diags.Count()
	if errs > 0 || strict && warns > 0 {
		return exitFindings
	}
	return exitOK
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
