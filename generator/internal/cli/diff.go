package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/gitrepo"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// recordPaths are what a revision needs to be loaded as validate loads it.
var recordPaths = []string{register.DataDir, register.SchemasDir, register.ConfigFile}

func diffCmd(args []string, stdout, stderr io.Writer) int {
	fs := flags("diff", "diff [--from REF] [--to REF] [--format text|markdown|json] [--lang nl|en] [--fail-on material] [--root DIR]",
		"Compares the register at two git revisions and prints what changed in Art. 30\n"+
			"terms, each change classed as material or editorial. --from defaults to the\n"+
			"merge base of HEAD with the default branch (origin/HEAD, else main or master),\n"+
			"--to to the working tree. Both sides are loaded and checked as validate does;\n"+
			"a side with errors is reported with its diagnostics (exit 1).", stdout)
	root := fs.String("root", ".", "project root holding hugo.toml, data/ and schemas/, inside a git repository")
	from := fs.String("from", "", "the revision to compare from (default: the merge base with the default branch)")
	to := fs.String("to", "", "the revision to compare to (default: the working tree)")
	format := fs.String("format", "text", "output format: text, markdown (a pull-request comment) or json")
	lang := fs.String("lang", "", "language of the output: nl or en (default: the site's default language)")
	failOn := fs.String("fail-on", "", "exit 1 when a change of this class is present: material")
	if code, done := parse(fs, args, stderr); done {
		return code
	}
	switch {
	case !slices.Contains([]string{"text", "markdown", "json"}, *format):
		fmt.Fprintf(stderr, "unknown format %q: use text, markdown or json\n", *format)
		return exitUsage
	case *lang != "" && !slices.Contains(change.Languages, *lang):
		fmt.Fprintf(stderr, "unknown language %q: use nl or en\n", *lang)
		return exitUsage
	case *failOn != "" && *failOn != "material":
		fmt.Fprintf(stderr, "unknown --fail-on %q: use material\n", *failOn)
		return exitUsage
	}
	repo, err := gitrepo.Open(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}

	// The revisions: both are resolved before anything is loaded, so a
	// missing one is reported at once.
	var fromRev, fromLabel, defaultBranch string
	if *from == "" {
		branch, err := repo.DefaultBranch()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		head, err := repo.Resolve("HEAD")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		if fromRev, err = repo.MergeBase(branch, head); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		fromLabel = fromRev[:7]
		defaultBranch = branch
	} else {
		if fromRev, err = repo.Resolve(*from); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		fromLabel = *from
	}
	toRev, toLabel := "", ""
	if *to != "" {
		if toRev, err = repo.Resolve(*to); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		toLabel = *to
	}

	// The two sides load at the same time; what each has to say is
	// printed afterwards, the old side first.
	var (
		old, new           *register.Register
		oldOK, newOK       bool
		oldErr, newErr     error
		oldNotes, newNotes bytes.Buffer
		wg                 sync.WaitGroup
	)
	wg.Go(func() { old, oldOK, oldErr = loadRevision(repo, fromRev, fromLabel, &oldNotes) })
	if toRev == "" {
		schemas, ok := checkRoot(*root, stderr)
		if !ok {
			wg.Wait()
			return exitUsage
		}
		reg, diags := schemas.Load(*root)
		new, newOK = reg, sideValid("the working tree", diags, &newNotes)
	} else {
		new, newOK, newErr = loadRevision(repo, toRev, toLabel, &newNotes)
	}
	wg.Wait()
	stderr.Write(oldNotes.Bytes())
	stderr.Write(newNotes.Bytes())
	if err := errors.Join(oldErr, newErr); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if !oldOK || !newOK {
		return exitFindings
	}

	r := &change.Report{From: fromLabel, To: *to, Lang: *lang, DefaultLang: new.DefaultLanguage, Changes: change.Compare(old, new)}
	if r.Lang == "" {
		r.Lang = "en"
		if slices.Contains(change.Languages, new.DefaultLanguage) {
			r.Lang = new.DefaultLanguage
		}
	}
	if defaultBranch != "" {
		r.FromNote = fmt.Sprintf(map[string]string{"nl": " (de splitsing van HEAD en %s)", "en": " (the merge base of HEAD and %s)"}[r.Lang], defaultBranch)
	}
	switch *format {
	case "markdown":
		err = r.WriteMarkdown(stdout)
	case "json":
		err = r.WriteJSON(stdout)
	default:
		err = r.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *failOn == "material" && r.Material() > 0 {
		return exitFindings
	}
	return exitOK
}

// loadRevision loads the register as it is at commit rev: its records,
// schemas and hugo.toml are written to a temporary directory, removed
// afterwards, and loaded as validate loads a project. ok is false when the
// register has errors (they are printed); err is a problem with git or the
// file system.
func loadRevision(repo *gitrepo.Repo, rev, label string, stderr io.Writer) (reg *register.Register, ok bool, err error) {
	dir, err := os.MkdirTemp("", "ropa-diff-")
	if err != nil {
		return nil, false, err
	}
	defer os.RemoveAll(dir)
	if err := repo.Extract(rev, recordPaths, dir); err != nil {
		return nil, false, fmt.Errorf("cannot read %s from git: %v", label, err)
	}
	schemas, err := register.CompileSchemas(dir)
	if err != nil {
		fmt.Fprintf(stderr, "the register at %s cannot be checked: %v\n", label, err)
		return nil, false, nil
	}
	reg, diags := schemas.Load(dir)
	return reg, sideValid("the register at "+label, diags, stderr), nil
}

// sideValid prints the errors of one side, if any, and reports whether it
// has none. Warnings do not stop a comparison and are not printed.
func sideValid(side string, diags diag.List, stderr io.Writer) bool {
	var errs diag.List
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		return true
	}
	fmt.Fprintf(stderr, "%s does not validate; fix it, or compare other revisions:\n", side)
	diag.WriteText(stderr, errs)
	return false
}
