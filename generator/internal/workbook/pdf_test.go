package workbook

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/testtool"
)

// TestPrintedByLibreOffice prints the workbook of the shipped register in
// every layout to PDF with LibreOffice, as a case handler would, and checks
// the PDF's text with positions (poppler's pdftotext -bbox): no two words
// overlap (a row too low for its wrapped text makes the text of one cell run
// into the next row's), no font is printed below 8 pt, every page has its
// number and the register's date and version. It writes the first pages as
// PNG to $ROPA_SCREENSHOTS (default export/screenshots/) for a person to
// look at.
func TestPrintedByLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	install := "apt-get install -y --no-install-recommends poppler-utils"
	pdftotext := testtool.Find(t, "pdftotext (poppler-utils)", install, "pdftotext")
	pdftohtml := testtool.Find(t, "pdftohtml (poppler-utils)", install, "pdftohtml")
	pdftoppm := testtool.Find(t, "pdftoppm (poppler-utils)", install, "pdftoppm")
	if testing.Short() && !testtool.Required() {
		t.Skip("slow: starts LibreOffice")
	}
	reg := shippedRegister(t)
	dir := t.TempDir()
	cases := []struct{ layout, lang string }{{"art30", "nl"}, {"art30", "en"}, {"ico", "en"}, {"cnil", "nl"}}
	var inputs []string
	for _, tc := range cases {
		p := filepath.Join(dir, "workbook-"+tc.layout+"-"+tc.lang+".xlsx")
		// With a history from git: the index's dates and the Changes sheet are printed too.
		if err := Write(p, reg, Options{Lang: tc.lang, Layout: tc.layout, Version: "abc123", History: sampleHistory()}); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	args := append([]string{
		"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir,
	}, inputs...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", soffice, err, b)
	}
	shots := screenshotDir(t)

	for _, tc := range cases {
		name := "workbook-" + tc.layout + "-" + tc.lang
		t.Run(name, func(t *testing.T) {
			pdf := filepath.Join(dir, name+".pdf")
			out, err := exec.Command(pdftotext, "-bbox", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pages := parseBBox(string(out))
			if len(pages) == 0 {
				t.Fatal("the PDF has no pages")
			}
			for i, words := range pages {
				for _, p := range overlaps(words) {
					t.Errorf("page %d: %q at %.1f,%.1f overlaps %q at %.1f,%.1f", i+1, p[0].text, p[0].x0, p[0].y0, p[1].text, p[1].x0, p[1].y0)
				}
				text := pageText(words)
				if want := fmt.Sprintf(" %d %s %d", i+1, map[string]string{"en": "of", "nl": "van"}[tc.lang], len(pages)); !strings.Contains(text, want) {
					t.Errorf("page %d has no page number %q", i+1, want)
				}
				if want := reg.Organisation.EffectiveDate + ", " + dictionary[tc.lang]["doc.version"] + " abc123"; !strings.Contains(text, want) {
					t.Errorf("page %d has no date and version %q", i+1, want)
				}
			}
			if smallest := smallestFont(t, pdftohtml, pdf); smallest < 8 {
				t.Errorf("smallest font is %.1f pt, want at least 8", smallest)
			}
			if tc.layout == "cnil" {
				// One sheet per activity: each starts a page with its id in the page header.
				for _, a := range reg.Activities {
					found := false
					for _, words := range pages {
						if strings.Contains(pageText(words[:min(len(words), 40)]), " "+a.ID+" ") {
							found = true
							break
						}
					}
					if !found {
						t.Errorf("no page is headed by activity %s", a.ID)
					}
				}
			}
			t.Logf("%d pages", len(pages))
			if b, err := exec.Command(pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "6", pdf, filepath.Join(shots, name)).CombinedOutput(); err != nil {
				t.Errorf("pdftoppm: %v\n%s", err, b)
			}
		})
	}
}

// word is a word of a PDF page with its box, in points from the top left.
type word struct {
	text           string
	x0, y0, x1, y1 float64
}

var (
	pageRE = regexp.MustCompile(`<page width=`)
	wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// parseBBox reads pdftotext -bbox output: the words of each page.
func parseBBox(s string) [][]word {
	var pages [][]word
	for _, page := range pageRE.Split(s, -1)[1:] {
		var words []word
		for _, m := range wordRE.FindAllStringSubmatch(page, -1) {
			var w word
			w.x0, _ = strconv.ParseFloat(m[1], 64)
			w.y0, _ = strconv.ParseFloat(m[2], 64)
			w.x1, _ = strconv.ParseFloat(m[3], 64)
			w.y1, _ = strconv.ParseFloat(m[4], 64)
			w.text = html.UnescapeString(m[5])
			words = append(words, w)
		}
		pages = append(pages, words)
	}
	return pages
}

// overlaps returns the pairs of words whose boxes overlap: by more than a
// point across, and by more than a third of their height, which the lines
// of one cell never do (their boxes may touch by the font's descent).
func overlaps(words []word) [][2]word {
	var out [][2]word
	for i, a := range words {
		for _, b := range words[i+1:] {
			dx := min(a.x1, b.x1) - max(a.x0, b.x0)
			dy := min(a.y1, b.y1) - max(a.y0, b.y0)
			if dx > 1 && dy > min(a.y1-a.y0, b.y1-b.y0)/3 {
				out = append(out, [2]word{a, b})
			}
		}
	}
	return out
}

// pageText joins the words of a page with spaces, with a space around.
func pageText(words []word) string {
	var b strings.Builder
	b.WriteByte(' ')
	for _, w := range words {
		b.WriteString(w.text)
		b.WriteByte(' ')
	}
	return b.String()
}

var fontSizeRE = regexp.MustCompile(`<fontspec id="[0-9]+" size="(-?[0-9]+)"`)

// smallestFont returns the smallest font size in the PDF, in points, less
// the rounding error: pdftohtml gives whole sizes, at most at zoom 3, so
// thirds of a point, rounded.
func smallestFont(t *testing.T, pdftohtml, pdf string) float64 {
	t.Helper()
	out, err := exec.Command(pdftohtml, "-xml", "-i", "-stdout", "-zoom", "3", pdf).Output()
	if err != nil {
		t.Fatalf("pdftohtml: %v", err)
	}
	smallest := 0.0
	for _, m := range fontSizeRE.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[1])
		if size := (float64(n) - 0.5) / 3; smallest == 0 || size < smallest {
			smallest = size
		}
	}
	if smallest == 0 {
		t.Fatal("pdftohtml found no fonts")
	}
	return smallest
}

// screenshotDir is where the PNG pages go: $ROPA_SCREENSHOTS, else
// export/screenshots/ at the repository root.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("ROPA_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(projectRoot, "export", "screenshots")
	}
	dir, _ = filepath.Abs(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
