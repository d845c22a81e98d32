package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// hugoSite is one configured Hugo build: the project at root, the generated
// files under gen, output to publishDir.
type hugoSite struct {
	root, gen, publishDir string
	log                   io.Writer
	logger                loggers.Logger
	sites                 *hugolib.HugoSites
}

// buildInto builds the site once into publishDir, with the generated files
// and Hugo's caches in the work directory gen, and returns the number of
// pages rendered. The generated files are made by data once hugo.toml is
// read, in the tone of address it chooses per language.
func buildInto(root, publishDir, gen string, data func(formal map[string]bool) (*generated, error), log io.Writer) (int, error) {
	// Hugo leaves out mounts whose directory does not exist when it reads
	// its configuration: make them first.
	if err := makeGeneratedDirs(gen); err != nil {
		return 0, fmt.Errorf("site: %w", err)
	}
	h := newHugoSite(root, gen, publishDir, log)
	configs, err := h.configs()
	if err != nil {
		return 0, err
	}
	g, err := data(formalLanguages(configs))
	if err != nil {
		return 0, err
	}
	if err := g.write(gen); err != nil {
		return 0, fmt.Errorf("site: %w", err)
	}
	if err := h.open(configs); err != nil {
		return 0, err
	}
	return h.build()
}

// formalLanguages returns the languages whose [params] address is "formal"
// (set for the site or for the language).
func formalLanguages(configs *allconfig.Configs) map[string]bool {
	out := map[string]bool{}
	for lang, c := range configs.LanguageConfigMap {
		if a, ok := c.Params["address"].(string); ok && a == "formal" {
			out[lang] = true
		}
	}
	return out
}

func newHugoSite(root, gen, publishDir string, log io.Writer) *hugoSite {
	if log == nil {
		log = io.Discard
	}
	h := &hugoSite{root: root, gen: gen, publishDir: publishDir, log: log}
	h.logger = loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		DistinctLevel: logg.LevelWarn,
		StdOut:        log,
		StdErr:        log,
	})
	return h
}

// configs reads hugo.toml, with our theme when it names none.
func (h *hugoSite) configs() (*allconfig.Configs, error) {
	configs, err := h.loadConfig(false)
	if err != nil {
		return nil, err
	}
	if len(configs.Base.Theme) == 0 {
		// hugo.toml names no theme: use ours.
		if configs, err = h.loadConfig(true); err != nil {
			return nil, err
		}
	}
	return configs, nil
}

// open makes Hugo's sites from the configuration.
func (h *hugoSite) open(configs *allconfig.Configs) error {
	fs := hugofs.NewFrom(afero.NewOsFs(), configs.LoadingInfo.BaseConfig)
	var err error
	h.sites, err = hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		LogLevel: h.logger.Level(),
		StdOut:   h.log,
		StdErr:   h.log,
	})
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	return nil
}

// loadConfig reads hugo.toml (and config/, if any) and overrides what the
// generator owns: where output goes, and every project mount, so that data/
// is never mounted and the generated view is. The mounts go in a config file
// of their own that is read after hugo.toml, so they replace any mounts
// there; a check afterwards refuses a configuration that still mounts data/,
// or that lets raw HTML through from Markdown pages.
func (h *hugoSite) loadConfig(withTheme bool) (*allconfig.Configs, error) {
	flags := config.New()
	flags.Set("workingDir", h.root)
	flags.Set("publishDir", h.publishDir)
	flags.Set("cacheDir", filepath.Join(h.gen, "cache"))
	flags.Set("resourceDir", filepath.Join(h.gen, "resources"))
	flags.Set("noBuildLock", true)
	flags.Set("enableGitInfo", false)
	flags.Set("buildDrafts", false)
	// Pages are dated with the notice's effective date, which may lie ahead:
	// a notice is published before it takes effect (Art. 13(3) GDPR). And
	// what is built may not depend on the day of the build, so no page is
	// left out for a date in the future or the past (no scheduling).
	flags.Set("buildFuture", true)
	flags.Set("buildExpired", true)
	if withTheme {
		flags.Set("theme", []string{defaultTheme})
	}

	mounts := []map[string]string{
		{"source": filepath.Join(h.gen, "data"), "target": "data"},
		{"source": filepath.Join(h.gen, "static"), "target": "static"},
		// Before the project's assets, so that the activities' details
		// (assets ropa/<lang>/activities/<id>.json) cannot be shadowed.
		{"source": filepath.Join(h.gen, "assets"), "target": "assets"},
	}
	for _, dir := range []string{"content", "layouts", "i18n", "archetypes", "assets", "static"} {
		mounts = append(mounts, map[string]string{"source": dir, "target": dir})
	}
	override, err := json.Marshal(map[string]any{"module": map[string]any{"mounts": mounts}})
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	overrideFile := filepath.Join(h.gen, "ropa-mounts.json")
	if err := os.WriteFile(overrideFile, override, 0o644); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	var names []string
	for _, base := range config.DefaultConfigNames {
		if found, _ := filepath.Glob(filepath.Join(h.root, base+".*")); len(found) > 0 {
			names = append(names, base)
			break
		}
	}
	names = append(names, overrideFile)

	if err := checkSourceLinks(h.root); err != nil {
		return nil, err
	}
	configDir := "config"
	if _, err := os.Stat(filepath.Join(h.root, configDir)); err != nil {
		configDir = ""
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:     flags,
		Fs:        afero.NewOsFs(),
		Filename:  strings.Join(names, ","),
		ConfigDir: configDir,
		Logger:    h.logger,
		// A fixed environment: HUGO_* variables must not change what is
		// mounted or where the site goes, and builds must be reproducible.
		Environ: []string{"HUGO_ENVIRONMENT=production"},
	})
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	if err := h.checkMounts(configs); err != nil {
		return nil, err
	}
	if err := checkMarkup(configs); err != nil {
		return nil, err
	}
	return configs, nil
}

// hugoSources are the folders of the project that Hugo reads.
var hugoSources = []string{"content", "layouts", "i18n", "archetypes", "assets", "static", "themes", "config"}

// checkSourceLinks refuses symbolic links in the folders Hugo reads. Hugo
// does not follow them there (a linked layout or static file is silently
// missing), and one that leads out of the project could bring a file from
// elsewhere into the site (content/x.md -> ~/.ssh/id_rsa, or .git/config,
// whose credentials CI may hold). The records under data/ are guarded by the
// loader.
func checkSourceLinks(root string) error {
	for _, dir := range hugoSources {
		top := filepath.Join(root, dir)
		fi, err := os.Lstat(top)
		if err != nil {
			continue
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("site: %s is a symbolic link: the folders Hugo reads must be real folders of the project, so nothing was built", dir)
		}
		err = filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			return fmt.Errorf("site: %s is a symbolic link: Hugo does not follow links in the folders it reads, and a link could bring a file from outside the project into the site; copy the file instead, so nothing was built", filepath.ToSlash(rel))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// checkMarkup refuses raw HTML in Markdown pages: Hugo leaves it out by
// default (and warns), so a content page cannot bring scripts or trackers
// into the site; hugo.toml may not switch that off, for any language.
func checkMarkup(configs *allconfig.Configs) error {
	langs := slices.Sorted(maps.Keys(configs.LanguageConfigMap))
	for _, lang := range langs {
		if configs.LanguageConfigMap[lang].Markup.Goldmark.Renderer.Unsafe {
			return fmt.Errorf("site: hugo.toml sets markup.goldmark.renderer.unsafe = true (language %s): raw HTML in Markdown pages is never published; write the pages in Markdown, or override the theme's layouts", lang)
		}
	}
	return nil
}

// checkMounts makes sure that nothing under data/ is mounted, and that the
// only Hugo data is the generated view.
func (h *hugoSite) checkMounts(configs *allconfig.Configs) error {
	records := filepath.Join(h.root, "data")
	view := filepath.Join(h.gen, "data")
	for _, m := range configs.Modules {
		for _, mnt := range m.Mounts() {
			src := mnt.Source
			if !filepath.IsAbs(src) {
				src = filepath.Join(m.Dir(), src)
			}
			if rel, err := filepath.Rel(records, src); err == nil && !strings.HasPrefix(rel, "..") {
				return fmt.Errorf("site: the configuration mounts %s as %s: the records in data/ are never given to Hugo", mnt.Source, mnt.Target)
			}
			if mnt.Component() == "data" && filepath.Clean(src) != view {
				return fmt.Errorf("site: the configuration mounts %s as %s: the only data the site may use is the generated public register", mnt.Source, mnt.Target)
			}
		}
	}
	return nil
}

// build renders the whole site and returns the number of pages rendered.
func (h *hugoSite) build() (int, error) {
	if err := h.sites.Build(hugolib.BuildCfg{}); err != nil {
		return 0, fmt.Errorf("site: %w", err)
	}
	if n := h.logger.LoggCount(logg.LevelError); n > 0 {
		return 0, fmt.Errorf("site: Hugo logged %d error(s)", n)
	}
	if err := h.copyStatic(); err != nil {
		return 0, fmt.Errorf("site: copying static files: %w", err)
	}
	pages := 0
	for _, s := range h.sites.Sites {
		pages += len(s.Pages())
	}
	if pages == 0 {
		return 0, errors.New("site: Hugo rendered no pages")
	}
	return pages, nil
}

// copyStatic copies the static files (the generated register.json, the
// theme's and the project's static/) into the publish directory, as the hugo
// command does after a build: hugolib itself does not.
func (h *hugoSite) copyStatic() error {
	for _, sfs := range h.sites.BaseFs.SourceFilesystems.Static {
		dest := filepath.Join(h.publishDir, sfs.PublishFolder)
		err := afero.Walk(sfs.Fs, "", func(name string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return err
			}
			target := filepath.Join(dest, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			src, err := sfs.Fs.Open(name)
			if err != nil {
				return err
			}
			defer src.Close()
			out, err := os.Create(target)
			if err != nil {
				return err
			}
			if _, err := io.Copy(out, src); err != nil {
				out.Close()
				return err
			}
			return out.Close()
		})
		if err != nil {
			return err
		}
	}
	return nil
}
