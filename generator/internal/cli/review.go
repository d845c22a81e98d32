package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/gitrepo"
	"github.com/privacy-as-code/ropa/generator/internal/outputs"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/review"
	"github.com/privacy-as-code/ropa/generator/internal/site"
)

// sitePaths are what a revision needs to be built as the site is built.
var sitePaths = []string{
	register.DataDir, register.SchemasDir, register.ConfigFile, "content", "themes", "layouts",
	"i18n", "assets", "static", "archetypes", "config",
}

func reviewCmd(args []string, stdout, stderr io.Writer) int {
	fs := flags("review", "review [--from REF] [--to REF] [--lang nl|en] [--out FILE] [--root DIR]",
		"Writes the public notice as one self-contained HTML file per language, for\n"+
			"legal review: every page of the privacy center in reading order, built as\n"+
			"build builds the site. With --from, what changed since that revision is\n"+
			"marked as inserted and deleted text, under a summary of the material\n"+
			"changes; without it the file is the clean notice, for sign-off. --to\n"+
			"defaults to the working tree. Without --lang a file is written for each\n"+
			"language, the language's code put before the extension of --out. The file\n"+
			"is not a public document: it may not be written inside the site directory.", stdout)
	root := fs.String("root", ".", "project root holding hugo.toml, data/, schemas/, content/ and themes/")
	from := fs.String("from", "", "the revision to compare from (default: none, the clean notice)")
	to := fs.String("to", "", "the revision to review (default: the working tree)")
	lang := fs.String("lang", "", "language of the notice: nl or en (default: every language of the site)")
	out := fs.String("out", filepath.Join("export", "review.html"), "the file to write, relative to the root")
	siteDir := fs.String("site-dir", "public", "the site directory the file may not be written in, relative to the root")
	if code, done := parse(fs, args, stderr); done {
		return code
	}
	if *lang != "" && !slices.Contains(change.Languages, *lang) {
		fmt.Fprintf(stderr, "unknown language %q: use nl or en\n", *lang)
		return exitUsage
	}
	project, err := outputs.NewProject(*root)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	siteTarget, err := project.Site(under(*root, *siteDir))
	if err != nil {
		fmt.Fprintf(stderr, "site: %v\n", err)
		return exitUsage
	}

	// Where the files go is checked before anything is built: one file
	// per language, the language's code before the extension unless
	// --lang names one.
	langs := change.Languages
	if *lang != "" {
		langs = []string{*lang}
	}
	files, targets := map[string]string{}, map[string]string{}
	for _, l := range langs {
		file := *out
		if *lang == "" {
			ext := filepath.Ext(file)
			file = strings.TrimSuffix(file, ext) + "." + l + ext
		}
		target, err := project.Review(under(*root, file), siteTarget, *siteDir)
		if err != nil {
			fmt.Fprintf(stderr, "%v; choose another --out\n", err)
			return exitUsage
		}
		files[l], targets[l] = file, target
	}

	// The revisions, resolved before anything is built.
	var repo *gitrepo.Repo
	var fromRev, toRev string
	if *from != "" || *to != "" {
		if repo, err = gitrepo.Open(*root); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		for _, r := range []struct {
			given string
			rev   *string
		}{{*from, &fromRev}, {*to, &toRev}} {
			if r.given == "" {
				continue
			}
			if *r.rev, err = repo.Resolve(r.given); err != nil {
				fmt.Fprintln(stderr, err)
				return exitUsage
			}
		}
	}

	// Each side is loaded and built into a temporary directory, at the
	// same time; what each has to say is printed afterwards, the old side
	// first.
	type side struct {
		reg     *register.Register
		notices map[string]*review.Notice
		ok      bool
		err     error
		notes   bytes.Buffer
	}
	var before, after side
	var wg sync.WaitGroup
	if fromRev != "" {
		wg.Go(func() {
			before.reg, before.notices, before.ok, before.err = reviewRevision(repo, fromRev, *from, langs, &before.notes)
		})
	}
	if toRev != "" {
		after.reg, after.notices, after.ok, after.err = reviewRevision(repo, toRev, *to, langs, &after.notes)
	} else {
		schemas, ok := checkRoot(*root, stderr)
		if !ok {
			wg.Wait()
			return exitUsage
		}
		reg, diags := schemas.Load(*root)
		after.reg, after.ok = reg, sideValid("the working tree", diags, &after.notes)
		if after.ok {
			after.notices, after.err = buildNotices(*root, reg, langs)
		}
	}
	wg.Wait()
	stderr.Write(before.notes.Bytes())
	stderr.Write(after.notes.Bytes())
	if err := errors.Join(before.err, after.err); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if !after.ok || (fromRev != "" && !before.ok) {
		fmt.Fprintln(stderr, "nothing was written: fix the errors above")
		return exitFindings
	}

	if *lang == "" {
		langs = after.reg.Languages
	}
	var changes []change.Change
	if before.reg != nil {
		var notices []*review.Notice
		for _, side := range []map[string]*review.Notice{before.notices, after.notices} {
			for _, l := range langs {
				notices = append(notices, side[l])
			}
		}
		changes = review.PublicChanges(change.Compare(before.reg, after.reg), before.reg, after.reg, notices...)
	}
	for _, l := range langs {
		notice := after.notices[l]
		if notice == nil {
			fmt.Fprintf(stderr, "the site has no pages in %q\n", l)
			return exitUsage
		}
		doc := &review.Document{Lang: l, DefaultLang: after.reg.DefaultLanguage, From: *from, To: *to, After: notice, Changes: changes}
		if before.notices != nil {
			doc.Before = before.notices[l]
			if doc.Before == nil {
				doc.Before = &review.Notice{Lang: l}
			}
		}
		file, target := files[l], targets[l]
		if target == "" {
			fmt.Fprintf(stderr, "the site's language %q is not one review knows: use nl or en\n", l)
			return exitUsage
		}
		if err := writeReview(target, doc); err != nil {
			fmt.Fprintf(stderr, "review: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stdout, "review: %s (%s, %s)\n", file, count(len(notice.Pages), "page", "pages"), count(material(changes), "material change", "material changes"))
	}
	return exitOK
}

// writeReview writes the document next to target and moves it into place
// once complete.
func writeReview(target string, doc *review.Document) error {
	stage, err := outputs.NewStage(target)
	if err != nil {
		return err
	}
	defer stage.Remove()
	var b bytes.Buffer
	if err := doc.Write(&b); err != nil {
		return err
	}
	if err := os.WriteFile(stage.Output(), b.Bytes(), 0o644); err != nil {
		return err
	}
	return outputs.Commit(stage)
}

// reviewRevision loads the register at commit rev and builds its site, as
// loadRevision does for diff.
func reviewRevision(repo *gitrepo.Repo, rev, label string, langs []string, stderr io.Writer) (*register.Register, map[string]*review.Notice, bool, error) {
	tmp, err := outputs.NewTempDir("ropa-review-")
	if err != nil {
		return nil, nil, false, err
	}
	defer tmp.Remove()
	dir := filepath.Join(tmp.Dir(), "project")
	if err := repo.Extract(rev, sitePaths, dir); err != nil {
		return nil, nil, false, fmt.Errorf("cannot read %s from git: %v", label, err)
	}
	schemas, err := register.CompileSchemas(dir)
	if err != nil {
		fmt.Fprintf(stderr, "the register at %s cannot be checked: %v\n", label, err)
		return nil, nil, false, nil
	}
	reg, diags := schemas.Load(dir)
	if !sideValid("the register at "+label, diags, stderr) {
		return reg, nil, false, nil
	}
	notices, err := buildNotices(dir, reg, langs)
	if err != nil {
		return nil, nil, false, fmt.Errorf("the site at %s: %v", label, err)
	}
	return reg, notices, true, nil
}

// buildNotices builds the site of the project at root into a temporary
// directory and reads the notice in the languages langs from it.
func buildNotices(root string, reg *register.Register, langs []string) (map[string]*review.Notice, error) {
	tmp, err := outputs.NewTempDir("ropa-review-site-")
	if err != nil {
		return nil, err
	}
	defer tmp.Remove()
	var log bytes.Buffer
	dir := filepath.Join(tmp.Dir(), "public")
	if _, err := site.Build(site.Options{Root: root, PublishDir: dir, Register: reg, Log: &log}); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, log.String())
	}
	return review.Read(dir, langs...)
}

func material(changes []change.Change) int {
	n := 0
	for _, c := range changes {
		if c.Material {
			n++
		}
	}
	return n
}
