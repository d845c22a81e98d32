package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/privacy-as-code/ropa/generator/internal/history"
	"github.com/privacy-as-code/ropa/generator/internal/outputs"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
	"github.com/privacy-as-code/ropa/generator/internal/workbook"
)

func build(args []string, stdout, stderr io.Writer) int {
	set := flags("build", "build [--root DIR] [--site-dir DIR] [--workbook FILE] [--workbook-lang nl|en] [--workbook-layout art30|ico|cnil] [--strict] [--no-history]",
		"Validates the records and, only when they have no errors, builds the public\n"+
			"privacy center (a static site, both languages) and the record of processing\n"+
			"for regulators (an Excel workbook). Both are built in temporary places and\n"+
			"moved into place together, only when both are complete; Ctrl-C stops the\n"+
			"build and leaves the previous outputs as they were. The workbook is not a\n"+
			"public document: it may not be written inside the site directory, nor over\n"+
			"the project's own files, also not through a symbolic link.", stdout)
	root := set.String("root", ".", "project root holding hugo.toml, data/, schemas/, content/ and themes/")
	siteDir := set.String("site-dir", "public", "directory the site is written to, relative to the root")
	book := set.String("workbook", filepath.Join("export", "ropa.xlsx"), "path of the workbook, relative to the root")
	lang := set.String("workbook-lang", "", "language of the workbook: nl or en (default the site's default language)")
	layout := set.String("workbook-layout", "art30", "layout of the workbook: art30 (a sheet per kind of record), ico (the UK ICO's template) or cnil (a sheet per activity, for print)")
	strict := set.Bool("strict", false, "treat warnings as errors")
	noHistory := set.Bool("no-history", false, "do not read the history from git: no change log, feed or dates on the site, no dates or Changes sheet in the workbook")
	if code, done := parse(set, args, stderr); done {
		return code
	}
	schemas, ok := checkRoot(*root, stderr)
	if !ok {
		return exitUsage
	}
	if !slices.Contains(workbook.Layouts, *layout) {
		fmt.Fprintf(stderr, "unknown workbook layout %q: use art30, ico or cnil\n", *layout)
		return exitUsage
	}
	if *lang != "" && *lang != "nl" && *lang != "en" {
		fmt.Fprintf(stderr, "unknown workbook language %q: use nl or en\n", *lang)
		return exitUsage
	}
	// Where the outputs go, links followed, is checked before anything is
	// read: a link in the repository must not put the workbook on the public
	// site or an output over the project's own files.
	project, err := outputs.NewProject(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	sitePath, bookPath := under(*root, *siteDir), under(*root, *book)
	siteTarget, err := project.Site(sitePath)
	if err != nil {
		fmt.Fprintf(stderr, "site: %v\n", err)
		return exitUsage
	}
	bookTarget, err := project.Workbook(bookPath, siteTarget, sitePath)
	if err != nil {
		fmt.Fprintf(stderr, "%v; choose another --workbook\n", err)
		return exitUsage
	}

	// Ctrl-C or SIGTERM stops the build at the next step, removes what it
	// made and leaves the previous outputs as they were; a second one stops
	// at once (the next build removes the leftovers).
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	return buildOutputs(ctx, buildJob{
		root: *root, siteFlag: *siteDir, bookFlag: *book, siteDir: sitePath, siteTarget: siteTarget, book: bookPath, bookTarget: bookTarget,
		schemas: schemas, lang: *lang, layout: *layout, strict: *strict, history: !*noHistory,
	}, stdout, stderr)
}

// buildJob is a build whose flags have been checked.
type buildJob struct {
	root                string            // project root, as given
	siteFlag, bookFlag  string            // --site-dir and --workbook, for messages
	siteDir, siteTarget string            // the site directory as given and resolved
	book, bookTarget    string            // the workbook as given and resolved
	schemas             *register.Schemas // compiled schemas
	lang                string            // workbook language, or "" for the default
	layout              string            // workbook layout: art30, ico or cnil
	strict              bool              // warnings are errors
	history             bool              // read the history from git
}

// buildOutputs validates, builds the site and the workbook each in a stage
// next to its final place, and only when both are complete moves them into
// place together. When ctx is done it stops at the next step and removes the
// stages.
func buildOutputs(ctx context.Context, job buildJob, stdout, stderr io.Writer) int {
	for _, t := range outputs.Recover(job.siteTarget, job.bookTarget) {
		fmt.Fprintf(stderr, "removed %s: an interrupted build left it out of step with the other output\n", t)
	}
	interrupted := func(stages ...*outputs.Stage) int {
		for _, s := range stages {
			s.Remove()
		}
		fmt.Fprintln(stderr, "interrupted: nothing was published; the previous site and workbook are as they were")
		return exitUsage
	}

	reg, diags := job.schemas.Load(job.root)
	if err := report("text", diags, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if code := findingsCode(diags, job.strict); code != exitOK {
		fmt.Fprintln(stderr, "nothing was built: fix the errors above")
		return code
	}
	if ctx.Err() != nil {
		return interrupted()
	}

	// The history from git: the change log, its feed and the dates. Without
	// git or history the site says nothing about it.
	var hist *history.History
	if job.history {
		var err error
		if hist, err = history.Read(job.root, history.Options{Tags: history.TagsSetting(job.root)}); err != nil {
			fmt.Fprintf(stderr, "history: %v; the outputs say nothing about history\n", err)
			hist = nil
		}
	}
	var siteHistory site.History
	if hist != nil {
		siteHistory = hist
	}
	if ctx.Err() != nil {
		return interrupted()
	}

	bookStage, err := outputs.NewStage(job.bookTarget)
	if err != nil {
		fmt.Fprintf(stderr, "workbook: %v\n", err)
		return exitUsage
	}
	defer bookStage.Remove()
	version := recordsVersion(job.root)
	var bookHistory *workbook.History
	if hist != nil {
		bookHistory = hist.Workbook(cmp.Or(job.lang, reg.DefaultLanguage), reg, version)
	}
	if err := workbook.Write(bookStage.Output(), reg, workbook.Options{Lang: job.lang, Layout: job.layout, Version: version, History: bookHistory}); err != nil {
		fmt.Fprintf(stderr, "workbook: %v\n", err)
		fmt.Fprintln(stderr, "nothing was published: the previous site and workbook are as they were")
		return exitUsage
	}
	if ctx.Err() != nil {
		return interrupted(bookStage)
	}
	activities := len(reg.Activities)

	// The site last: once its view is made the register is not needed any
	// more, so Go can free it while Hugo renders (50 MB at 10,000 activities).
	siteStage, res, err := site.Prepare(site.Options{Root: job.root, PublishDir: job.siteDir, Register: reg, Log: stderr, History: siteHistory})
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "nothing was published: the previous site and workbook are as they were")
		return exitUsage
	}
	defer siteStage.Remove()
	if ctx.Err() != nil {
		return interrupted(siteStage, bookStage)
	}

	if err := outputs.Commit(siteStage, bookStage); err != nil {
		fmt.Fprintf(stderr, "publishing the outputs: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "site: %s (%d pages, %d files)\n", job.siteFlag, res.Pages, res.Files)
	fmt.Fprintf(stdout, "workbook: %s (%s)\n", job.bookFlag, count(activities, "activity", "activities"))
	return exitOK
}

// under resolves p against root unless it is absolute. It does not clean
// the path: "link/.." is where the link leads, up one, and only
// outputs.Resolve knows where that is.
func under(root, p string) string {
	if filepath.IsAbs(p) || root == "." {
		return p
	}
	return root + string(filepath.Separator) + p
}

// recordsVersion names the records the outputs were made from: the last
// commit that touched data/, marked when data/ has uncommitted changes. It is
// empty outside a git checkout or without git.
func recordsVersion(root string) string {
	out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%h", "--", register.DataDir).Output()
	if err != nil {
		return ""
	}
	v := strings.TrimSpace(string(out))
	if v == "" {
		return ""
	}
	if st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--", register.DataDir).Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		v += " (with uncommitted changes)"
	}
	return v
}
