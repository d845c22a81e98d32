package cli

import (
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
	"github.com/privacy-as-code/ropa/generator/internal/workbook"
)

func build(args []string, stdout, stderr io.Writer) int {
	set := flags("build", "build [--root DIR] [--site-dir DIR] [--workbook FILE] [--workbook-lang nl|en] [--workbook-layout art30|ico|cnil] [--strict]",
		"Validates the records and, only when they have no errors, builds the public\n"+
			"privacy center (a static site, both languages) and the record of processing\n"+
			"for regulators (an Excel workbook). Each output is built in a temporary place\n"+
			"and moved into place only when complete. The workbook is not a public\n"+
			"document: it may not be written inside the site directory.", stdout)
	root := set.String("root", ".", "project root holding hugo.toml, data/, schemas/, content/ and themes/")
	siteDir := set.String("site-dir", "public", "directory the site is written to, relative to the root")
	book := set.String("workbook", filepath.Join("export", "ropa.xlsx"), "path of the workbook, relative to the root")
	lang := set.String("workbook-lang", "", "language of the workbook: nl or en (default the site's default language)")
	layout := set.String("workbook-layout", "art30", "layout of the workbook: art30 (a sheet per kind of record), ico (the UK ICO's template) or cnil (a sheet per activity, for print)")
	strict := set.Bool("strict", false, "treat warnings as errors")
	if code, done := parse(set, args, stderr); done {
		return code
	}
	schemas, ok := checkRoot(*root, stderr)
	if !ok {
		return exitUsage
	}
	sitePath, bookPath := under(*root, *siteDir), under(*root, *book)
	if inside(bookPath, sitePath) {
		fmt.Fprintf(stderr, "the workbook %s would be inside the site directory %s: a record of processing is not a public document; choose another --workbook\n", *book, *siteDir)
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

	reg, diags := schemas.Load(*root)
	if err := report("text", diags, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if code := findingsCode(diags, *strict); code != exitOK {
		fmt.Fprintln(stderr, "nothing was built: fix the errors above")
		return code
	}
	res, err := site.Build(site.Options{Root: *root, PublishDir: sitePath, Register: reg, Log: stderr})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "site: %s (%d pages, %d files)\n", *siteDir, res.Pages, res.Files)
	if err := workbook.Write(bookPath, reg, workbook.Options{Lang: *lang, Layout: *layout, Version: recordsVersion(*root)}); err != nil {
		fmt.Fprintf(stderr, "workbook: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "workbook: %s (%s)\n", *book, count(len(reg.Activities), "activity", "activities"))
	return exitOK
}

// under resolves p against root unless it is absolute.
func under(root, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(root, p)
}

// inside reports whether path is dir or lies within it.
func inside(path, dir string) bool {
	ap, err1 := filepath.Abs(path)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(ad, ap)
	return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "..")
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
