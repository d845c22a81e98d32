package cli

import (
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reviewProject makes a project from testdata/project with the repository's
// schemas, theme and content adapter, committed to a new git repository.
func reviewProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := copyDir("testdata/project", dir); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"schemas", "themes", "content"} {
		if err := copyDir(filepath.Join("../../..", d), filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	gitRepo(t, dir)
	return dir
}

// editFile replaces old by new in the file name under dir, which must hold old.
func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q (%v)", name, old, err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runReview runs the review command and returns the file it wrote.
func runReview(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "review.html")
	var stdout, stderr strings.Builder
	args = append([]string{"review", "--root", dir, "--out", out}, args...)
	if code := Run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("review: exit code %d\n%s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// theRedlineChanges commits the changes the redline tests mark: a purpose
// added, a recipient removed (and a transfer to it), a retention period made
// longer.
func theRedlineChanges(t *testing.T, dir string) {
	t.Helper()
	nl := "data/activities/newsletter.toml"
	editFile(t, dir, nl, `purposes = [{ nl = "Nieuws sturen", en = "Sending news" }]`,
		`purposes = [{ nl = "Nieuws sturen", en = "Sending news" }, { nl = "Acties aankondigen", en = "Announcing offers" }]`)
	editFile(t, dir, nl, `recipients = ["mail-service", "cloud-host"]`, `recipients = ["cloud-host"]`)
	editFile(t, dir, "data/recipients.toml", "[mail-service]\nname = \"Mailer GmbH\"\nkind = \"processor\"\ncountry = \"DE\"\ndescription = { nl = \"Verstuurt e-mail\", en = \"Sends e-mail\" }\n", "")
	editFile(t, dir, nl, `period = "P2Y"`, `period = "P3Y"`)
	commitAll(t, dir, "two")
}

// TestReviewMarksTheChanges checks a redline between two commits of a
// scratch repository: the added purpose is inserted, the removed recipient
// deleted (its page as well), the longer retention marked word by word, and
// the material changes summarised at the top.
func TestReviewMarksTheChanges(t *testing.T) {
	dir := reviewProject(t)
	theRedlineChanges(t, dir)
	got := runReview(t, dir, "--from", "HEAD~1", "--to", "HEAD", "--lang", "en")
	for _, want := range []string{
		// The summary, first.
		`<section class="summary" aria-labelledby="summary">
<h2 id="summary">Material changes</h2>
<h3>activity newsletter: Newsletter</h3>
<ul>
<li>new purpose &#34;Announcing offers&#34; (legal basis consent)</li>
<li>retention of contact-details made longer: P2Y → P3Y</li>
</ul>
<p>Editorial changes: 1, marked in the text only.</p>
</section>`,
		// The purpose, on the activity page.
		`<li class="ins"><ins>Announcing offers</ins></li>`,
		// The recipient, on the activity page and its own page.
		`<li class="del"><del>Mailer GmbH (Germany) Service providers working for us</del></li>`,
		`<article id="p9" class="del">
<p class="path">Page /en/recipients/mail-service/ <span class="status">removed page</span></p>
<p class="del"><del>Recipient</del></p>
<h2 class="del"><del>Mailer GmbH</del></h2>`,
		// The retention period.
		`<del>2</del> <ins>3</ins> years`,
		// The page is listed as changed.
		`Newsletter</a> <span class="status">changed</span></li>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the redline lacks\n%s", want)
		}
	}
	if t.Failed() {
		t.Logf("the redline:\n%s", got)
	}
}

// TestReviewCleanNotice checks the notice without --from: every page of the
// site in reading order, nothing marked, no summary.
func TestReviewCleanNotice(t *testing.T) {
	dir := reviewProject(t)
	got := runReview(t, dir, "--lang", "nl")
	for _, bad := range []string{"<ins>", "<del>", `class="summary"`, `class="status"`, "<script", "<link", " src=", "<img"} {
		if strings.Contains(got, bad) {
			t.Errorf("the clean notice holds %q", bad)
		}
	}
	var paths []string
	for _, m := range regexp.MustCompile(`<p class="path">Pagina ([^ <]*)`).FindAllStringSubmatch(got, -1) {
		paths = append(paths, m[1])
	}
	want := "/ /activities/ /activities/hearing-test/ /activities/newsletter/ /personal-data/ /personal-data/contact-details/ " +
		"/personal-data/health/ /recipients/ /recipients/mail-service/ /recipients/cloud-host/ /rights/ /choices/ /about/"
	if strings.Join(paths, " ") != want {
		t.Errorf("pages in the order\n%s\nwant\n%s", strings.Join(paths, " "), want)
	}
	if !strings.Contains(got, `<p class="meta">De volledige privacyverklaring zoals het privacycentrum die publiceert, bij de werkmap.</p>`) {
		t.Error("the clean notice does not say what it is")
	}
	if again := runReview(t, dir, "--lang", "nl"); again != got {
		t.Error("two runs on the same records wrote different files")
	}
}

// TestReviewSaysWhatTheSiteSays checks that every sentence of the redline's
// "after" side (its text without deletions) is on the page of the built
// site it comes from: the lawyer approves what is published.
func TestReviewSaysWhatTheSiteSays(t *testing.T) {
	dir := reviewProject(t)
	theRedlineChanges(t, dir)
	var stderr strings.Builder
	if code := Run([]string{"build", "--root", dir}, io.Discard, &stderr); code != 0 {
		t.Fatalf("build: exit code %d\n%s", code, stderr.String())
	}
	for _, lang := range []string{"nl", "en"} {
		got := runReview(t, dir, "--from", "HEAD~1", "--lang", lang)
		pagePath := regexp.MustCompile(`<p class="path">[^ ]* ([^ <]*)`)
		articles := regexp.MustCompile(`(?s)<article id="p\d+"( class="del")?>(.*?)</article>`).FindAllStringSubmatch(got, -1)
		if len(articles) < 8 {
			t.Fatalf("%s: %d pages in the redline", lang, len(articles))
		}
		sentences := 0
		for _, a := range articles {
			if a[1] != "" {
				continue // a removed page
			}
			path := pagePath.FindStringSubmatch(a[2])[1]
			site, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(path), "index.html"))
			if err != nil {
				t.Errorf("%s: the page of the redline is not on the site: %v", path, err)
				continue
			}
			onSite := squash(textOf(string(site)))
			body := pagePath.ReplaceAllString(a[2], "")
			body = regexp.MustCompile(`(?s)<del>.*?</del>`).ReplaceAllString(body, "")
			for _, block := range regexp.MustCompile(`(?s)<(?:h\d|p|li|td|th)[^>]*>(.*?)</(?:h\d|p|li|td|th)>`).FindAllStringSubmatch(body, -1) {
				for _, s := range regexp.MustCompile(`[.:;!?]\s`).Split(textOf(block[1]), -1) {
					if squash(s) == "" {
						continue
					}
					sentences++
					if !strings.Contains(onSite, squash(s)) {
						t.Errorf("%s %s: the redline says %q, the site does not", lang, path, s)
					}
				}
			}
		}
		if sentences < 50 {
			t.Errorf("%s: only %d sentences checked", lang, sentences)
		}
	}
}

// textOf is the text of an HTML fragment: tags removed, entities decoded.
func textOf(s string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " "))
}

// squash removes all white space, so that texts compare whatever the markup
// put between words.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// TestReviewHasNoInternalFields puts a canary in internal fields and in a
// non-public activity, on both sides and in what changed: it is in neither
// language of the redline.
func TestReviewHasNoInternalFields(t *testing.T) {
	const canary = "REVIEW-INTERNAL-CANARY"
	dir := reviewProject(t)
	editFile(t, dir, "data/activities/hearing-test.toml", `owner = "Product"`, `owner = "Product `+canary+`"`)
	editFile(t, dir, "data/recipients.toml", `internal = { contract = "DPA-1" }`, `internal = { contract = "`+canary+`-1" }`)
	commitAll(t, dir, "canary")
	editFile(t, dir, "data/recipients.toml", `internal = { contract = "`+canary+`-1" }`, `internal = { contract = "`+canary+`-2" }`)
	editFile(t, dir, "data/activities/hearing-test.toml", `owner = "Product `+canary+`"`, `owner = "Product `+canary+`-2"`)
	hidden := `#:schema ../../schemas/activity.schema.json
name = { nl = "Intern ` + canary + `", en = "Internal ` + canary + `" }
summary = { nl = "Intern.", en = "Internal." }
role = "controller"
public = false
purposes = [{ nl = "Doel ` + canary + `", en = "Purpose ` + canary + `" }]
legal_basis = "consent"
subjects = ["customers"]
categories = ["contact-details"]

[[retention]]
categories = ["contact-details"]
period = "P1Y"

[automated_decisions]
used = false

[[choices]]
kind = "withdraw-consent"
title = { nl = "Stoppen", en = "Stop" }
steps = [{ nl = "Mail ons", en = "Mail us" }]

[internal]
owner = "` + canary + `"
`
	if err := os.WriteFile(filepath.Join(dir, "data/activities/hidden.toml"), []byte(hidden), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nl", "en"} {
		got := runReview(t, dir, "--from", "HEAD", "--lang", lang)
		if strings.Contains(strings.ToLower(got), strings.ToLower(canary)) {
			t.Errorf("%s: the redline holds an internal field", lang)
		}
		if !strings.Contains(got, `class="summary"`) {
			t.Errorf("%s: no summary: the test does not test a redline", lang)
		}
	}
}

// TestReviewExitCodes checks the exit codes of review, and the case of no
// git on PATH, which a script cannot set up.
func TestReviewExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		setup  func(t *testing.T, dir string)
		want   int
		stderr string
	}{
		{"clean notice", nil, nil, 0, ""},
		{"no git, clean notice", nil, func(t *testing.T, d string) { t.Setenv("PATH", t.TempDir()) }, 0, ""},
		{"no git, redline", []string{"--from", "HEAD"}, func(t *testing.T, d string) { t.Setenv("PATH", t.TempDir()) }, 2, "git is not installed or not on PATH"},
		{"unknown revision", []string{"--from", "nosuch"}, nil, 2, `revision "nosuch" is not in this repository`},
		{"working tree invalid", []string{"--from", "HEAD"}, func(t *testing.T, d string) {
			editFile(t, d, "data/activities/newsletter.toml", `"consent"`, `"consentt"`)
		}, 1, "the working tree does not validate"},
		{"revision invalid", []string{"--from", "HEAD"}, func(t *testing.T, d string) {
			editFile(t, d, "data/activities/newsletter.toml", `"consent"`, `"consentt"`)
			commitAll(t, d, "broken")
			editFile(t, d, "data/activities/newsletter.toml", `"consentt"`, `"consent"`)
		}, 1, "the register at HEAD does not validate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := reviewProject(t)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			var stderr strings.Builder
			args := append([]string{"review", "--root", dir, "--lang", "en", "--out", filepath.Join(t.TempDir(), "r.html")}, tc.args...)
			if got := Run(args, io.Discard, &stderr); got != tc.want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", got, tc.want, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr.String())
			}
		})
	}
}

// BenchmarkReview writes the redline between two revisions of a synthetic
// register of 1,000 activities in which every activity differs (two
// seeds): both revisions are extracted from git, loaded, checked and built
// as sites, and their notices compared, in one language.
func BenchmarkReview(b *testing.B) {
	dir := twoSyntheticRevisions(b, "hugo.toml", "schemas", "themes", "content")
	out := filepath.Join(b.TempDir(), "review.html")
	cpu, n := cpuSeconds(), 0
	for b.Loop() {
		n++
		var stderr strings.Builder
		if code := Run([]string{"review", "--root", dir, "--from", "HEAD~1", "--to", "HEAD", "--lang", "en", "--out", out}, io.Discard, &stderr); code != 0 {
			b.Fatalf("exit code %d:\n%s", code, stderr.String())
		}
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(n), "cpu-s/op")
	fi, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(fi.Size())/1e6, "MB")
}
