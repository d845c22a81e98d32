package realclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
	"github.com/privacy-as-code/ropa/generator/internal/testtool"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../../../.."

// builtSite is a site the tests build once, into a temporary directory
// that TestMain removes.
type builtSite struct {
	once   sync.Once
	tmp    string // the temporary directory
	public string // the built site, in it
	err    error
}

// The sites under test.
var shippedSite, scaleBuilt builtSite

// get builds the site once: project makes the project to build in the
// temporary directory dir and returns its root.
func (s *builtSite) get(t *testing.T, prefix string, project func(dir string) (string, error)) string {
	t.Helper()
	s.once.Do(func() {
		if s.tmp, s.err = os.MkdirTemp("", prefix); s.err != nil {
			return
		}
		root, err := project(s.tmp)
		if err != nil {
			s.err = err
			return
		}
		s.public = filepath.Join(s.tmp, "public")
		s.err = loadAndBuild(root, s.public)
	})
	if s.err != nil {
		t.Fatal(s.err)
	}
	return s.public
}

// publicDir builds the repository's own site into a temporary directory.
func publicDir(t *testing.T) string {
	t.Helper()
	return shippedSite.get(t, "ropa-realclient-", func(string) (string, error) { return repoRoot, nil })
}

// loadAndBuild loads the register of the project at root and builds its
// site into publish.
func loadAndBuild(root, publish string) error {
	reg, diags := register.Load(root)
	if errs, _ := diags.Count(); errs > 0 {
		return fmt.Errorf("the register in %s has %d errors:\n%v", root, errs, diags)
	}
	_, err := site.Build(site.Options{Root: root, PublishDir: publish, Register: reg})
	return err
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range []*builtSite{&shippedSite, &scaleBuilt} {
		if s.tmp != "" {
			os.RemoveAll(s.tmp)
		}
	}
	os.Exit(code)
}

// need skips the test when a tool is missing, or fails it when
// ROPA_REQUIRE_TOOLS=1.
func need(t *testing.T, tool, path, install string) {
	t.Helper()
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			return
		}
	}
	testtool.Missing(t, fmt.Sprintf("%s (%q)", tool, path), install)
}

func realClients(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("real-client checks are skipped with -short")
	}
}

func nodeModules() string { return testtool.NodeModules(repoRoot) }

func chromiumPath() string {
	if p := os.Getenv("ROPA_CHROMIUM"); p != "" {
		return p
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return "/usr/bin/chromium"
}

func axePath() string {
	if p := os.Getenv("ROPA_AXE"); p != "" {
		return p
	}
	return filepath.Join(nodeModules(), "axe-core", "axe.min.js")
}

func vnuPath() string {
	if p := os.Getenv("ROPA_VNU"); p != "" {
		return p
	}
	return filepath.Join(nodeModules(), "vnu-jar", "build", "dist", "vnu.jar")
}

func screenshotDir(t *testing.T) string {
	dir := os.Getenv("ROPA_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(repoRoot, "export", "screenshots")
	}
	dir, _ = filepath.Abs(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

const installChromium = "apt-get install -y chromium"
const installNode = `npm install --prefix "$DIR" axe-core vnu-jar, then set ROPA_NODE_MODULES=$DIR/node_modules`

// browser serves the built site on a loopback address and starts chromium.
// Every request the browser makes is recorded; the host resolver maps every
// name but the loopback server's to nothing, so no request can leave the
// machine even if a page asked for one.
type browser struct {
	ctx      context.Context
	base     *url.URL
	mu       sync.Mutex
	requests []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	realClients(t)
	return newBrowserOn(t, publicDir(t))
}

// newBrowserOn is newBrowser on the site built in dir.
func newBrowserOn(t *testing.T, dir string) *browser {
	t.Helper()
	realClients(t)
	need(t, "chromium", chromiumPath(), installChromium)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	base, _ := url.Parse(srv.URL)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
		chromedp.Flag("lang", "nl"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })

	b := &browser{ctx: ctx, base: base}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			b.mu.Lock()
			b.requests = append(b.requests, e.Request.URL)
			b.mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return b
}

func (b *browser) url(path string) string { return b.base.String() + path }

// open navigates to path and checks that the document loads with status 200.
func (b *browser) open(t *testing.T, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.url(path)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if resp.Status != 200 {
		t.Fatalf("%s: status %d", path, resp.Status)
	}
}

func eval[T any](t *testing.T, b *browser, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("evaluating %.60s: %v", js, err)
	}
	return v
}

// externalRequests returns the requests that did not go to the loopback server.
func (b *browser) externalRequests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil || u.Host != b.base.Host {
			if !strings.HasPrefix(r, "data:") {
				out = append(out, r)
			}
		}
	}
	return out
}

// TestCrawlBothLanguages starts at both home pages and follows every internal
// link: each page loads with status 200 and the right lang, every #fragment
// exists, and the language switch of every page leads to the same page in the
// other language. No request may leave the loopback server.
func TestCrawlBothLanguages(t *testing.T) {
	b := newBrowser(t)
	if pages := crawl(t, b); pages < 20 {
		t.Errorf("crawled only %d pages", pages)
	}
}

// crawl crawls the site b serves as TestCrawlBothLanguages says and returns
// the number of pages it opened.
func crawl(t *testing.T, b *browser) int {
	t.Helper()
	queue := []string{"/", "/en/"}
	seen := map[string]bool{"/": true, "/en/": true}
	fragments := map[string]bool{} // "path#id" linked from somewhere
	var resources []string         // non-HTML files linked, e.g. /register.json
	pages := 0
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		b.open(t, path)
		pages++
		wantLang := "nl"
		if strings.HasPrefix(path, "/en/") {
			wantLang = "en"
		}
		if got := eval[string](t, b, `document.documentElement.lang`); got != wantLang {
			t.Errorf("%s: lang = %q, want %q", path, got, wantLang)
		}
		if got := eval[string](t, b, `document.title`); got == "" {
			t.Errorf("%s: no title", path)
		}
		switches := eval[[]string](t, b, `Array.from(document.querySelectorAll('.lang-switch a')).map(a => a.pathname)`)
		want := "/en" + path
		if wantLang == "en" {
			want = strings.TrimPrefix(path, "/en")
		}
		if len(switches) != 1 || switches[0] != want {
			t.Errorf("%s: language switch goes to %v, want [%s]", path, switches, want)
		}
		for _, l := range eval[[]string](t, b, `Array.from(document.querySelectorAll('a[href]')).map(a => a.href)`) {
			u, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: bad link %q", path, l)
				continue
			}
			if u.Host != b.base.Host {
				continue // mailto: and links to other sites are not followed
			}
			if u.Fragment != "" {
				fragments[u.Path+"#"+u.Fragment] = true
			}
			if seen[u.Path] {
				continue
			}
			seen[u.Path] = true
			if ext := filepath.Ext(u.Path); ext != "" && ext != ".html" {
				resources = append(resources, u.Path)
				continue
			}
			queue = append(queue, u.Path)
		}
	}
	byPage := map[string][]string{}
	for f := range fragments {
		path, id, _ := strings.Cut(f, "#")
		byPage[path] = append(byPage[path], id)
	}
	for path, ids := range byPage {
		b.open(t, path)
		js, _ := json.Marshal(ids)
		for _, id := range eval[[]string](t, b, fmt.Sprintf(`%s.filter(id => !document.getElementById(id))`, js)) {
			t.Errorf("link to %s#%s: no such id on the page", path, id)
		}
	}
	for _, r := range resources {
		resp, err := http.Get(b.url(r))
		if err != nil {
			t.Errorf("%s: %v", r, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", r, resp.StatusCode)
		}
	}
	if ext := b.externalRequests(); len(ext) > 0 {
		t.Errorf("the browser made %d request(s) outside the site: %v", len(ext), ext)
	}
	t.Logf("crawled %d pages, %d fragments and %d other files", pages, len(fragments), len(resources))
	return pages
}

// screenshotPages are the pages a reviewer looks at, in both languages.
var screenshotPages = []struct{ name, path string }{
	{"hub-nl", "/"},
	{"hub-en", "/en/"},
	{"activity-en", "/en/activities/"},
	{"rights-nl", "/rights/"},
	{"rights-en", "/en/rights/"},
	{"search-nl", "/search/"},
	{"search-en", "/en/search/"},
	{"choices-nl", "/choices/"},
	{"choices-en", "/en/choices/"},
}

// firstActivity returns the path of the first activity page in /en/.
func firstActivity(t *testing.T, b *browser) string {
	t.Helper()
	b.open(t, "/en/activities/")
	links := eval[[]string](t, b, `Array.from(document.querySelectorAll('main a[href*="/activities/"]')).map(a => a.pathname)`)
	for _, l := range links {
		if l != "/en/activities/" {
			return l
		}
	}
	t.Fatal("no activity page linked from /en/activities/")
	return ""
}

// TestScreenshots writes screenshots at 375 px and 1280 px, and checks that
// nothing scrolls sideways at 320 px and 375 px.
func TestScreenshots(t *testing.T) {
	b := newBrowser(t)
	dir := screenshotDir(t)
	pages := append([]struct{ name, path string }{}, screenshotPages...)
	pages[2].path = firstActivity(t, b)
	// No screenshot of an earlier run may stand in for one of this run.
	for _, p := range pages {
		for _, width := range []int{375, 1280} {
			if err := os.Remove(filepath.Join(dir, fmt.Sprintf("%s-%d.png", p.name, width))); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
	}
	for _, width := range []int64{320, 375, 1280} {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800, chromedp.EmulateScale(1)))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			b.open(t, p.path)
			if over := eval[int](t, b, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
				t.Errorf("%s at %d px: %d px wider than the screen", p.path, width, over)
			}
			if width == 320 {
				continue
			}
			ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s-%d.png", p.name, width))
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Every screenshot is there, a PNG of this run.
	for _, p := range pages {
		for _, width := range []int{375, 1280} {
			name := filepath.Join(dir, fmt.Sprintf("%s-%d.png", p.name, width))
			png, err := os.ReadFile(name)
			if err != nil || len(png) < 1000 || string(png[1:4]) != "PNG" {
				t.Errorf("%s: no screenshot (%v)", name, err)
			}
		}
	}
	t.Logf("%d screenshots in %s", 2*len(pages), dir)
}

type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// TestAxeReportsNoWCAGViolations runs axe-core on the hub, an activity page and
// the rights page in both languages, for WCAG 2.0 and 2.1 level A and AA.
func TestAxeReportsNoWCAGViolations(t *testing.T) {
	realClients(t)
	need(t, "axe-core", axePath(), installNode)
	b := newBrowser(t)
	src, err := os.ReadFile(axePath())
	if err != nil {
		t.Fatal(err)
	}
	activity := firstActivity(t, b)
	axe(t, b, string(src), "/", "/en/", activity, strings.TrimPrefix(activity, "/en"), "/rights/", "/en/rights/", "/about/", "/en/about/", "/search/?q=cookies", "/en/search/?q=cookies", "/choices/", "/en/choices/")
}

// axe runs axe-core (its source in src) on each of paths in b; a path with
// ?q= must show search results.
func axe(t *testing.T, b *browser, src string, paths ...string) {
	t.Helper()
	for _, path := range paths {
		b.open(t, path)
		if strings.Contains(path, "?q=") {
			if found, _ := b.results(t); len(found) == 0 {
				t.Errorf("%s: no results to check", path)
			}
		}
		eval[chromedp.Void](t, b, src)
		res := eval[axeResult](t, b, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})`, chromedp.EvalAwaitPromise)
		for _, v := range res.Violations {
			for _, n := range v.Nodes {
				t.Errorf("%s: %s (%s): %s: %v %s", path, v.ID, v.Impact, v.Help, n.Target, n.HTML)
			}
		}
		if len(res.Passes) == 0 {
			t.Errorf("%s: axe ran no check", path)
		}
	}
	if ext := b.externalRequests(); len(ext) > 0 {
		t.Errorf("requests outside the site: %v", ext)
	}
}

// TestNuHTMLCheckerReportsNoErrors runs the W3C Nu HTML checker on every page
// and the stylesheet.
func TestNuHTMLCheckerReportsNoErrors(t *testing.T) {
	nuCheck(t, vnuJava(t), publicDir(t))
}

// nuCheck runs the Nu HTML checker on every page and stylesheet under dir.
func nuCheck(t *testing.T, java, dir string) {
	t.Helper()
	cmd := exec.Command(java, "-jar", vnuPath(), "--errors-only", "--also-check-css", "--skip-non-html", "--format", "gnu", dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("the Nu HTML checker reports errors (%v):\n%s", err, strings.ReplaceAll(string(out), dir+string(filepath.Separator), ""))
	}
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css")) {
			n++
		}
		return nil
	})
	t.Logf("checked %d HTML and CSS files", n)
}

// vnuJava returns the java command that runs the Nu HTML checker (vnuPath),
// after checking that both are there.
func vnuJava(t *testing.T) string {
	t.Helper()
	realClients(t)
	need(t, "vnu.jar", vnuPath(), installNode)
	java, err := exec.LookPath("java")
	if err != nil {
		need(t, "java", "", "apt-get install -y default-jre-headless")
	}
	return java
}
