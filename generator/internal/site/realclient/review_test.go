package realclient

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/review"
	"github.com/privacy-as-code/ropa/generator/internal/site"
)

// TestReviewOpensFromDisk opens a redline of the shipped register (its
// first activity added since the other revision) in chromium from a file://
// URL, as a lawyer opens an e-mail attachment: it loads with no request but
// for itself and none failing, shows its changes marked by more than
// colour, also in print, and is photographed for the record.
// redline writes a redline of the shipped register in English: the
// register without its first activity against the register as it is.
func redline(t *testing.T) string {
	t.Helper()
	after, err := review.Read(publicDir(t))
	if err != nil {
		t.Fatal(err)
	}
	reg, diags := register.Load(repoRoot)
	if errs, _ := diags.Count(); errs > 0 {
		t.Fatal(diags)
	}
	older := *reg
	older.Activities = reg.Activities[1:]
	beforeDir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Root: repoRoot, PublishDir: beforeDir, Register: &older}); err != nil {
		t.Fatal(err)
	}
	before, err := review.Read(beforeDir)
	if err != nil {
		t.Fatal(err)
	}
	doc := &review.Document{Lang: "en", DefaultLang: reg.DefaultLanguage, From: "v1", To: "v2", Before: before["en"], After: after["en"],
		Changes: change.Compare(&older, reg)}
	var b bytes.Buffer
	if err := doc.Write(&b); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "review.en.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestReviewOpensFromDisk(t *testing.T) {
	realClients(t)
	need(t, "chromium", chromiumPath(), installChromium)
	file := redline(t)
	fileURL := "file://" + filepath.ToSlash(file)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	defer func() { cancelCtx(); cancelAlloc() }()
	var (
		mu       sync.Mutex
		requests []string
		failed   []string
	)
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if e.Request != nil {
				requests = append(requests, e.Request.URL)
			}
		case *network.EventLoadingFailed:
			failed = append(failed, e.ErrorText)
		}
	}); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	run := func(what string, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		if _, err := chromedp.Run(c, a); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	evaluate := func(js string) string {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		v, err := chromedp.Run(c, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluating %.60s: %v", js, err)
		}
		return v
	}
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	_, err := chromedp.Run(c, chromedp.NavigateResponse(fileURL))
	cancel()
	if err != nil {
		t.Fatalf("opening %s: %v", fileURL, err)
	}

	for _, check := range []struct{ js, want string }{
		{`document.documentElement.lang`, "en"},
		{`document.title`, "Privacy notice for review"},
		{`String(document.scripts.length + document.querySelectorAll('link, img, iframe, object').length)`, "0"},
		{`String(document.querySelectorAll('article.ins').length > 0)`, "true"},
		{`String(document.querySelectorAll('ins').length > 10)`, "true"},
		{`getComputedStyle(document.querySelector('ins')).textDecorationLine`, "underline"},
		{`getComputedStyle(document.querySelector('ins'), '::before').content`, `"[+ "`},
		{`document.querySelector('.summary h2').textContent`, "Material changes"},
		{`String(document.querySelectorAll('.summary li').length > 0)`, "true"},
	} {
		if got := evaluate(check.js); got != check.want {
			t.Errorf("%s = %q, want %q", check.js, got, check.want)
		}
	}

	dir := screenshotDir(t)
	run("viewport", chromedp.EmulateViewport(1280, 900, chromedp.EmulateScale(1)))
	// The top (the summary of material changes), and the first page added.
	for _, shot := range []struct{ name, scroll string }{
		{"review-en-1280.png", `window.scrollTo(0, 0); ""`},
		{"review-changes-en-1280.png", `document.querySelector('article.ins').scrollIntoView(); ""`},
	} {
		evaluate(shot.scroll)
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		png, err := chromedp.Run(c, chromedp.CaptureScreenshot())
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, shot.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if r != fileURL {
			t.Errorf("the review document made a request: %s", r)
		}
	}
	if len(failed) > 0 {
		t.Errorf("failed requests: %s", strings.Join(failed, "; "))
	}
	if len(requests) == 0 {
		t.Error("no request seen: the test does not watch the network")
	}
	t.Logf("screenshot in %s", dir)
}

// TestReviewIsValidHTML runs the Nu HTML checker, with its CSS, on a redline.
func TestReviewIsValidHTML(t *testing.T) {
	java := vnuJava(t)
	file := redline(t)
	if out, err := exec.Command(java, "-jar", vnuPath(), "--errors-only", "--also-check-css", "--format", "gnu", file).CombinedOutput(); err != nil {
		t.Errorf("the Nu HTML checker reports errors (%v):\n%s", err, out)
	}
}
