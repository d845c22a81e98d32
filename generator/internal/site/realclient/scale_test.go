package realclient

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// The real-client checks at scale (issue 11): the site of 1,000 synthetic
// activities, whose category, recipient and section pages hold hundreds of
// links, is crawled in chromium, checked with axe and with the Nu HTML
// checker, as the shipped site is.
const scaleActivities = 1000

// scaleSite builds the site of scaleActivities synthetic activities with the
// repository's hugo.toml, content, theme and schemas, once.
func scaleSite(t *testing.T) string {
	t.Helper()
	realClients(t)
	return scaleBuilt.get(t, "ropa-realclient-scale-", func(dir string) (string, error) {
		for _, name := range []string{"hugo.toml", "content", "themes", "schemas"} {
			if out, err := exec.Command("cp", "-R", filepath.Join(repoRoot, name), filepath.Join(dir, name)).CombinedOutput(); err != nil {
				return "", fmt.Errorf("copying %s: %v: %s", name, err, out)
			}
		}
		return dir, synth.Write(dir, synth.Options{Activities: scaleActivities, Seed: 1})
	})
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

// TestCrawlAtScale crawls the site of 1,000 activities in both languages.
// Chromium opening 3,500 pages takes longer than a CI run may, so the crawl
// reads the built files, as a link checker does: from the home pages, every
// internal link leads to a page or file of the site, every #fragment to an id
// on its page, and every page is reached. Chromium then opens the hub, the
// sections and the largest pages of each kind (which the crawl of the
// shipped site does for every page) and sees them load with no request
// outside the site.
func TestCrawlAtScale(t *testing.T) {
	dir := scaleSite(t)
	href := regexp.MustCompile(`\s(?:href|action)="([^"]*)"`) // links, and the search form
	idAttr := regexp.MustCompile(`\sid="([^"]*)"`)
	lang := regexp.MustCompile(`<html lang="([a-z]+)"`)
	base, _ := url.Parse("http://site.test/")
	file := func(p string) string { // the file that serves URL path p
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		return filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	}
	ids := map[string]map[string]bool{} // page path -> its ids
	queue := []string{"/", "/en/"}
	seen := map[string]bool{"/": true, "/en/": true}
	var fragments []string // "path#id"
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		b, err := os.ReadFile(file(p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		page := string(b)
		want := "nl"
		if strings.HasPrefix(p, "/en/") {
			want = "en"
		}
		if m := lang.FindStringSubmatch(page); m == nil || m[1] != want {
			t.Errorf("%s: lang %v, want %s", p, m, want)
		}
		ids[p] = map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
			ids[p][html.UnescapeString(m[1])] = true
		}
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			u, err := base.Parse(p)
			if err == nil {
				u, err = u.Parse(html.UnescapeString(m[1]))
			}
			if err != nil {
				t.Errorf("%s: bad link %q", p, m[1])
				continue
			}
			if u.Host != base.Host {
				continue
			}
			if u.Fragment != "" {
				fragments = append(fragments, u.Path+"#"+u.Fragment)
			}
			if seen[u.Path] {
				continue
			}
			seen[u.Path] = true
			if ext := filepath.Ext(u.Path); ext != "" && ext != ".html" {
				if _, err := os.Stat(file(u.Path)); err != nil {
					t.Errorf("%s: link to %s: %v", p, u.Path, err)
				}
				continue
			}
			queue = append(queue, u.Path)
		}
	}
	for _, f := range fragments {
		p, id, _ := strings.Cut(f, "#")
		if !ids[p][id] {
			t.Errorf("link to %s: no such id on the page", f)
		}
	}
	pages := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dir, filepath.Dir(p))
		path := "/" + filepath.ToSlash(rel) + "/"
		if rel == "." {
			path = "/"
		}
		if ids[path] == nil && !isAlias(t, p) {
			t.Errorf("%s is reached by no link from the home pages", path)
		}
		return nil
	})
	if pages < 3*scaleActivities {
		t.Errorf("the site has %d pages, want at least %d", pages, 3*scaleActivities)
	}
	t.Logf("crawled %d pages with %d links to fragments", len(ids), len(fragments))

	b := newBrowserOn(t, dir)
	for _, p := range append([]string{"/", "/en/", "/activities/", "/en/personal-data/", "/recipients/", "/search/", "/en/rights/"}, largestPages(t, dir)...) {
		b.open(t, p)
	}
	if ext := b.externalRequests(); len(ext) > 0 {
		t.Errorf("the browser made %d request(s) outside the site: %v", len(ext), ext)
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

// isAlias tells whether the page in file name is one of Hugo's redirects
// (such as /nl/ to /, for the default language), which nothing links to.
func isAlias(t *testing.T, name string) bool {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(b), `<meta http-equiv="refresh"`)
}
