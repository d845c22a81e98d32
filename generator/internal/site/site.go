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
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/publish"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// defaultTheme is the theme used when hugo.toml names none.
const defaultTheme = "privacy-center"

// dataName is the name under which the generated view is mounted: the
// templates read it as site.Data.ropa.<lang>.
const dataName = "ropa"

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
	root, publishDir, err := paths(opts)
	if err != nil {
		return nil, err
	}
	if err := checkReplaceable(root, publishDir); err != nil {
		return nil, err
	}
	data, err := generate(opts.Register)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(publishDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(publishDir)+".new-")
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op after a successful swap

	pages, err := buildInto(root, tmp, data, opts.Log)
	if err != nil {
		return nil, err
	}
	files, err := countFiles(tmp)
	if err != nil {
		return nil, err
	}
	if err := swap(tmp, publishDir); err != nil {
		return nil, err
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
// source folders, or a non-empty directory that holds no site.
func checkReplaceable(root, publishDir string) error {
	if rel, err := filepath.Rel(publishDir, root); err == nil && !strings.HasPrefix(rel, "..") {
		return fmt.Errorf("site: publish directory %s holds the project itself", publishDir)
	}
	if rel, err := filepath.Rel(root, publishDir); err == nil && !strings.HasPrefix(rel, "..") {
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		switch top {
		case "content", "data", "themes", "layouts", "schemas", "generator", "i18n", "static", "assets", "archetypes", ".git":
			return fmt.Errorf("site: publish directory %s is inside the project's %s/ folder", publishDir, top)
		}
	}
	fi, err := os.Stat(publishDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("site: publish directory %s is not a directory", publishDir)
	}
	entries, err := os.ReadDir(publishDir)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(publishDir, "index.html")); err != nil {
		return fmt.Errorf("site: refusing to replace %s: it is not empty and holds no built site (no index.html)", publishDir)
	}
	return nil
}

// generated is what Hugo reads besides the project: the view per language and
// the machine-readable register.
type generated struct {
	views    map[string][]byte // language -> JSON
	register []byte
}

func generate(reg *register.Register) (*generated, error) {
	s, err := publish.Build(reg)
	if err != nil {
		return nil, err
	}
	g := &generated{views: map[string][]byte{}}
	for _, lang := range s.Languages() {
		if g.views[lang], err = s.DataJSON(lang); err != nil {
			return nil, err
		}
	}
	if g.register, err = s.RegisterJSON(); err != nil {
		return nil, err
	}
	return g, nil
}

// write puts the generated files under dir: data/ropa/<lang>.json and
// static/register.json, ready to be mounted.
func (g *generated) write(dir string) error {
	dataDir := filepath.Join(dir, "data", dataName)
	staticDir := filepath.Join(dir, "static")
	for _, d := range []string{dataDir, staticDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for lang, b := range g.views {
		if err := writeIfChanged(filepath.Join(dataDir, lang+".json"), b); err != nil {
			return err
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

// swap moves the freshly built dir into place of publishDir.
func swap(built, publishDir string) error {
	old := ""
	if _, err := os.Stat(publishDir); err == nil {
		old = built + ".old"
		if err := os.Rename(publishDir, old); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	if err := os.Rename(built, publishDir); err != nil {
		if old != "" {
			_ = os.Rename(old, publishDir)
		}
		return fmt.Errorf("site: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("site: removing the previous site: %w", err)
		}
	}
	return nil
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
