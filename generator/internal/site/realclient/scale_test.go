package realclient

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// The real-client checks at scale (issue 11): the site of 1,000 synthetic
// activities, whose category, recipient and section pages hold hundreds of
// links, is crawled in chromium, checked with axe and with the Nu HTML
// checker, as the shipped site is.
const scaleActivities = 1000

var (
	scaleOnce sync.Once
	scaleDir  string // the built site
	scaleErr  error
)

// scaleSite builds the site of scaleActivities synthetic activities with the
// repository's hugo.toml, content, theme and schemas, once.
func scaleSite(t *testing.T) string {
	t.Helper()
	realClients(t)
	scaleOnce.Do(func() {
		var dir string
		if dir, scaleErr = os.MkdirTemp("", "ropa-realclient-scale-"); scaleErr != nil {
			return
		}
		for _, name := range []string{"hugo.toml", "content", "themes", "schemas"} {
			if out, err := exec.Command("cp", "-R", filepath.Join(repoRoot, name), filepath.Join(dir, name)).CombinedOutput(); err != nil {
				scaleErr = fmt.Errorf("copying %s: %v: %s", name, err, out)
				return
			}
		}
		if scaleErr = synth.Write(dir, synth.Options{Activities: scaleActivities, Seed: 1}); scaleErr != nil {
			return
		}
		reg, diags := register.Load(dir)
		if errs, _ := diags.Count(); errs > 0 {
			scaleErr = fmt.Errorf("the synthetic register has %d errors, first: %s", errs, diags[0].Message)
			return
		}
		scaleDir = filepath.Join(dir, "public")
		_, scaleErr = site.Build(site.Options{Root: dir, PublishDir: scaleDir, Register: reg})
	})
	if scaleErr != nil {
		t.Fatal(scaleErr)
	}
	return scaleDir
}

// largestPages returns, per folder of the site (activities, personal-data,
// recipients, in both languages), the path of its largest page: the pages
// with the longest lists.
func largestPages(t *testing.T, dir string) []string {
	t.Helper()
	largest := map[string]string{} // folder -> path
	size := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(p))
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if parts[0] == "en" {
			parts = parts[1:]
		}
		if len(parts) != 2 {
			return nil // a section or the hub
		}
		folder := strings.TrimSuffix(filepath.ToSlash(rel), "/"+parts[1])
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if fi.Size() > size[folder] {
			size[folder], largest[folder] = fi.Size(), "/"+filepath.ToSlash(rel)+"/"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range largest {
		out = append(out, p)
	}
	sort.Strings(out)
	if len(out) != 6 {
		t.Fatalf("largest pages: %v, want one in each of 6 folders", out)
	}
	return out
}

// TestCrawlAtScale crawls the site of 1,000 activities in both languages, as
// TestCrawlBothLanguages does the shipped site: every page is reached from
// the home pages and loads, and every link and #fragment resolves.
func TestCrawlAtScale(t *testing.T) {
	dir := scaleSite(t)
	b := newBrowserOn(t, dir)
	want := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "index.html" && !strings.Contains(p, string(filepath.Separator)+"changes"+string(filepath.Separator)) {
			want++
		}
		return nil
	})
	if got := crawl(t, b); got < want {
		t.Errorf("crawled %d pages, but the site has %d index.html files: some pages are reached by no link", got, want)
	}
}

// TestAxeAtScale runs axe-core on the hub, the sections and the largest
// activity, category and recipient pages of the site of 1,000 activities.
func TestAxeAtScale(t *testing.T) {
	dir := scaleSite(t)
	need(t, "axe-core", axePath(), installNode)
	src, err := os.ReadFile(axePath())
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowserOn(t, dir)
	paths := []string{"/", "/en/", "/activities/", "/en/personal-data/", "/recipients/", "/en/rights/", "/choices/", "/en/search/"}
	axe(t, b, string(src), append(paths, largestPages(t, dir)...)...)
}

// TestNuHTMLCheckerAtScale runs the Nu HTML checker on every page of the site
// of 1,000 activities.
func TestNuHTMLCheckerAtScale(t *testing.T) {
	java := vnuJava(t)
	nuCheck(t, java, scaleSite(t))
}
