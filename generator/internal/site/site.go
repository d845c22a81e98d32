// Package site builds the public privacy center with Hugo, used in-process as
// a library. It is the only package of this module that imports Hugo: Hugo's
// Go API carries no stability promise, so an upgrade touches this package only.
//
// The site is built from the project root (hugo.toml, content/, themes/ and an
// optional layouts/ that overrides the theme), but Hugo never sees the raw
// records in data/: the project's mounts are replaced, and the only data Hugo
// reads is the resolved public view that package publish generates.
package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/privacy-as-code/ropa/generator/internal/outputs"
	"github.com/privacy-as-code/ropa/generator/internal/publish"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// defaultTheme is the theme used when hugo.toml names none.
const defaultTheme = "privacy-center"

// dataName is the name under which the generated view is mounted: the
// templates read it as site.Data.ropa.<lang>.
const dataName = "ropa"

// historyName is the name under which the change log is mounted, when there
// is one: hugo.Data.ropa_history.<lang>.
const historyName = "ropa_history"

// Options says what to build and where.
type Options struct {
	// Root is the project root holding hugo.toml, content/, themes/ and an
	// optional layouts/ that overrides the theme's layouts.
	Root string
	// PublishDir is where the site is written; default public/ under Root.
	// It is replaced as a whole, and only when the build succeeds.
	PublishDir string
	// Register is the validated register to publish.
	Register *register.Register
	// Log receives Hugo's warnings and errors; nil discards them.
	Log io.Writer
	// History, when set, is the register's public change log from git
	// (package history): the change log page, its feed and the dates on
	// the activity pages. Without it the site says nothing about history.
	History History
}

// History gives the public change log in one language as JSON, the view
// the templates read as hugo.Data.ropa_history.<lang>.
type History interface {
	ViewJSON(lang string, formal bool) ([]byte, error)
}

// Result tells what a build produced.
type Result struct {
	// Pages is the number of pages rendered, all languages together.
	Pages int
	// Files is the number of files written to the publish directory.
	Files int
}

// Build builds the site into a temporary directory next to PublishDir and
// swaps it into place; a failed build leaves the previous site untouched.
func Build(opts Options) (*Result, error) {
	stage, res, err := Prepare(opts)
	if err != nil {
		return nil, err
	}
	defer stage.Remove()
	if err := outputs.Commit(stage); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	return res, nil
}

// Prepare checks that PublishDir may be replaced, and builds the site into a
// stage next to it, to be moved into place with outputs.Commit (together
// with the other outputs of the build) or removed. Links are followed: the
// site goes where PublishDir leads.
func Prepare(opts Options) (*outputs.Stage, *Result, error) {
	root, publishDir, err := paths(opts)
	if err != nil {
		return nil, nil, err
	}
	target, err := checkReplaceable(root, publishDir)
	if err != nil {
		return nil, nil, err
	}
	stage, err := outputs.NewStage(target)
	if err != nil {
		return nil, nil, fmt.Errorf("site: %w", err)
	}
	data := func(formal map[string]bool) (*generated, error) { return generate(opts.Register, opts.History, formal) }
	res, err := buildStage(root, stage, data, opts.Log)
	if err != nil {
		stage.Remove()
		return nil, nil, err
	}
	return stage, res, nil
}

func buildStage(root string, stage *outputs.Stage, data func(formal map[string]bool) (*generated, error), log io.Writer) (*Result, error) {
	// Made with Mkdir, not MkdirTemp, so that the site gets the modes the
	// umask allows (0755 usually) and a web server of another user can read it.
	out := stage.Output()
	if err := os.Mkdir(out, 0o777); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	work, err := stage.Work()
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	pages, err := buildInto(root, out, work, data, log)
	if err != nil {
		return nil, err
	}
	files, err := countFiles(out)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	return &Result{Pages: pages, Files: files}, nil
}

// paths returns the absolute root and publish directory.
func paths(opts Options) (root, publishDir string, err error) {
	if opts.Register == nil {
		return "", "", errors.New("site: no register to publish")
	}
	root = opts.Root
	if root == "" {
		root = "."
	}
	if root, err = filepath.Abs(root); err != nil {
		return "", "", fmt.Errorf("site: %w", err)
	}
	publishDir = opts.PublishDir
	if publishDir == "" {
		publishDir = filepath.Join(root, "public")
	} else if !filepath.IsAbs(publishDir) {
		// Relative to the working directory, as command-line users expect.
		if publishDir, err = filepath.Abs(publishDir); err != nil {
			return "", "", fmt.Errorf("site: %w", err)
		}
	}
	return root, filepath.Clean(publishDir), nil
}

// checkReplaceable refuses a publish directory whose replacement would delete
// something else than a previous build: the project itself, one of its
// sources, or a non-empty directory that holds no site; links are followed.
// It returns the publish directory resolved.
func checkReplaceable(root, publishDir string) (string, error) {
	project, err := outputs.NewProject(root)
	if err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	target, err := project.Site(publishDir)
	if err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	fi, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return target, nil
	}
	if err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("site: publish directory %s is not a directory", publishDir)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return "", fmt.Errorf("site: %w", err)
	}
	if len(entries) == 0 {
		return target, nil
	}
	if _, err := os.Stat(filepath.Join(target, "index.html")); err != nil {
		return "", fmt.Errorf("site: refusing to replace %s: it is not empty and holds no built site (no index.html)", publishDir)
	}
	return target, nil
}

// generated is what Hugo reads besides the project: the view per language and
// the machine-readable register.
type generated struct {
	site     *publish.Site
	history  map[string][]byte // language -> JSON of the change log; empty without history
	register []byte
}

// generate derives the view per language and the register, with formal
// words in the languages of formal. The views are encoded when written.
func generate(reg *register.Register, history History, formal map[string]bool) (*generated, error) {
	s, err := publish.BuildWith(reg, publish.Options{Formal: formal})
	if err != nil {
		return nil, err
	}
	g := &generated{site: s, history: map[string][]byte{}}
	if history != nil {
		for _, lang := range s.Languages() {
			if g.history[lang], err = history.ViewJSON(lang, formal[lang]); err != nil {
				return nil, err
			}
		}
	}
	if g.register, err = s.RegisterJSON(); err != nil {
		return nil, err
	}
	return g, nil
}

// makeGeneratedDirs makes the directories of the generated files under dir.
func makeGeneratedDirs(dir string) error {
	for _, d := range []string{filepath.Join(dir, "data", dataName), filepath.Join(dir, "assets", dataName), filepath.Join(dir, "static")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// write puts the generated files under dir: the view of each language as
// data/ropa/<lang>.json, the details of each activity as
// assets/ropa/<lang>/activities/<id>.json and .svg (see
// publish.WriteDataFiles), and static/register.json, ready to be mounted.
// The languages are written at the same time.
func (g *generated) write(dir string) error {
	if err := makeGeneratedDirs(dir); err != nil {
		return err
	}
	dataDir := filepath.Join(dir, "data", dataName)
	assetsDir := filepath.Join(dir, "assets", dataName)
	staticDir := filepath.Join(dir, "static")
	langs := g.site.Languages()
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		// Start empty: a file left from an earlier build would bring back
		// an activity that is gone.
		if err := os.RemoveAll(filepath.Join(assetsDir, lang)); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(assetsDir, lang, "activities"), 0o755); err != nil {
			return err
		}
		wg.Go(func() {
			errs[i] = g.site.WriteDataFiles(lang, func(name string) (io.WriteCloser, error) {
				return os.Create(filepath.Join(dataDir, filepath.FromSlash(name)))
			}, func(name string) (io.WriteCloser, error) {
				return os.Create(filepath.Join(assetsDir, filepath.FromSlash(name)))
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if len(g.history) > 0 {
		historyDir := filepath.Join(dir, "data", historyName)
		if err := os.MkdirAll(historyDir, 0o755); err != nil {
			return err
		}
		for lang, b := range g.history {
			if err := writeIfChanged(filepath.Join(historyDir, lang+".json"), b); err != nil {
				return err
			}
		}
	}
	return writeIfChanged(filepath.Join(staticDir, "register.json"), g.register)
}

// writeIfChanged writes b to name unless it already holds b, so a watcher
// sees no change when there is none.
func writeIfChanged(name string, b []byte) error {
	if old, err := os.ReadFile(name); err == nil && string(old) == string(b) {
		return nil
	}
	return os.WriteFile(name, b, 0o644)
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	return n, err
}
