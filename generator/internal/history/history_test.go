package history_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/history"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../../.."

// canary is an internal note: it must never reach the site, its change log,
// its feed or its dates.
const canary = "CANARY-history-internal-7f3a"

// scratch is a project in a git repository made by the test: the CLI
// scripts' small project with the repository's schemas, theme and content
// adapter.
type scratch struct {
	t    *testing.T
	root string
}

func newScratch(t *testing.T) *scratch {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	s := &scratch{t: t, root: t.TempDir()}
	copyTree(t, filepath.Join(repoRoot, "generator/internal/cli/testdata/project"), s.root)
	for _, dir := range []string{"schemas", "themes", "content"} {
		copyTree(t, filepath.Join(repoRoot, dir), filepath.Join(s.root, dir))
	}
	s.git("", "init", "-q", "-b", "main")
	return s
}

// git runs git in the project; date, when set, is the commit's date.
func (s *scratch) git(date string, args ...string) string {
	s.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=DPO", "-c", "user.email=dpo@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = s.root
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// commit commits everything at date.
func (s *scratch) commit(date, msg string) {
	s.t.Helper()
	s.git(date, "add", "-A")
	s.git(date, "commit", "-q", "-m", msg)
}

func (s *scratch) write(name, content string) {
	s.t.Helper()
	p := filepath.Join(s.root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// edit replaces old by new in a file of the project; old must be there.
func (s *scratch) edit(name, old, new string) {
	s.t.Helper()
	p := filepath.Join(s.root, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		s.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		s.t.Fatalf("%s has no %q", name, old)
	}
	s.write(name, strings.Replace(string(b), old, new, 1))
}

// version sets data/organisation.toml's version and effective date.
func (s *scratch) version(v, date string) {
	s.t.Helper()
	p := filepath.Join(s.root, "data", "organisation.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		s.t.Fatal(err)
	}
	out := regexp.MustCompile(`(?m)^(effective_date|version) = .*\n`).ReplaceAllString(string(b), "")
	out = strings.Replace(out, "name = \"Voorbeeld\"\n", "name = \"Voorbeeld\"\neffective_date = "+date+"\nversion = \""+v+"\"\n", 1)
	s.write("data/organisation.toml", out)
}

// build builds the site into dir with the history git gives, and returns
// the history (nil without one).
func (s *scratch) build(dir string) *history.History {
	s.t.Helper()
	schemas, err := register.CompileSchemas(s.root)
	if err != nil {
		s.t.Fatal(err)
	}
	reg, diags := schemas.Load(s.root)
	if n, _ := diags.Count(); n > 0 {
		s.t.Fatalf("the register does not validate: %v", diags)
	}
	h, err := history.Read(s.root, history.Options{})
	if err != nil {
		s.t.Fatal(err)
	}
	opts := site.Options{Root: s.root, PublishDir: dir, Register: reg}
	if h != nil {
		opts.History = h
	}
	if _, err := site.Build(opts); err != nil {
		s.t.Fatal(err)
	}
	return h
}

// theHistory makes the scratch repository's history: four versions and a
// commit between versions.
//
//	v1 2026-01-05  the newsletter
//	v2 2026-02-01  an activity added (a survey), a purpose added to the newsletter
//	   2026-02-10  a commit that is no version (a typo fixed in the summary)
//	v3 2026-03-01  a recipient in a third country (with a transfer), a longer retention
//	v4 2026-04-01  only internal fields changed: an internal note, reviewed, review_interval
func theHistory(t *testing.T) *scratch {
	s := newScratch(t)
	s.version("1", "2026-01-05")
	s.commit("2026-01-05T10:00:00Z", "v1")

	s.version("2", "2026-02-01")
	s.write("data/activities/survey.toml", `#:schema ../../schemas/activity.schema.json
name = { nl = "Enquête", en = "Survey" }
summary = { nl = "We vragen je mening.", en = "We ask your opinion." }
role = "controller"
purposes = [{ nl = "Dienst verbeteren", en = "Improving the service" }]
legal_basis = "consent"
subjects = ["customers"]
categories = ["contact-details"]
recipients = []
transfers = []

[[retention]]
categories = ["contact-details"]
period = "P1Y"

[automated_decisions]
used = false

[[choices]]
kind = "withdraw-consent"
title = { nl = "Stoppen", en = "Stop" }
steps = [{ nl = "Mail ons", en = "Mail us" }]
`)
	s.edit("data/activities/newsletter.toml", `purposes = [{ nl = "Nieuws sturen", en = "Sending news" }]`,
		`purposes = [{ nl = "Nieuws sturen", en = "Sending news" }, { nl = "Aanbiedingen sturen", en = "Sending offers" }]`)
	s.commit("2026-02-01T09:00:00Z", "v2")

	s.edit("data/activities/newsletter.toml", `We sturen een nieuwsbrief.`, `We sturen je een nieuwsbrief.`)
	s.commit("2026-02-10T09:00:00Z", "a typo, no version")

	s.version("3", "2026-03-01")
	s.edit("data/recipients.toml", "[cloud-host]", `[click-stats]
name = "ClickStats Ltd"
kind = "processor"
country = "IN"
description = { nl = "Meet kliks", en = "Counts clicks" }

[cloud-host]`)
	s.edit("data/activities/newsletter.toml", `recipients = ["mail-service", "cloud-host"]`, `recipients = ["mail-service", "cloud-host", "click-stats"]`)
	s.edit("data/activities/newsletter.toml", "[[retention]]", `[[transfers]]
recipient = "click-stats"
country = "IN"
safeguard = "scc"
copy = "on-request"

[[retention]]`)
	s.edit("data/activities/newsletter.toml", `period = "P2Y"`, `period = "P3Y"`)
	s.commit("2026-03-01T08:30:00Z", "v3")

	s.version("4", "2026-04-01")
	s.edit("data/activities/newsletter.toml", "[automated_decisions]", "[internal]\nnotes = \""+canary+"\"\n\n[automated_decisions]")
	s.edit("data/activities/newsletter.toml", `role = "controller"`, "role = \"controller\"\nreviewed = 2026-04-01")
	s.edit("data/organisation.toml", "[[controllers]]", "review_interval = \"P1Y\"\n\n[[controllers]]")
	s.commit("2026-04-01T12:00:00Z", "v4: an internal note only")
	return s
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// main returns the <main> element of a page.
func main_(t *testing.T, page string) string {
	t.Helper()
	i, j := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if i < 0 || j < i {
		t.Fatalf("no <main> in\n%s", page)
	}
	return page[i : j+len("</main>")]
}

func TestChangeLogPageFeedAndDatesInBothLanguages(t *testing.T) {
	s := theHistory(t)
	out := filepath.Join(t.TempDir(), "public")
	h := s.build(out)
	if h == nil {
		t.Fatal("no history read from the scratch repository")
	}
	if got := len(h.Versions); got != 4 {
		t.Fatalf("versions: got %d, want 4", got)
	}

	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"nl change log", "changes/index.html", []string{
			`<h1 class="heading-xl">Wat is er veranderd</h1>`,
			`<h2 id="version-` + h.Versions[2].Short() + `" class="heading-m"><time datetime="2026-03-01T08:30:00Z">1 maart 2026</time> – versie 3</h2>`,
			`<li><a href="/activities/newsletter/">Nieuwsbrief: nieuwe ontvanger ClickStats Ltd (India).</a></li>`,
			`<li><a href="/activities/newsletter/">Nieuwsbrief: persoonsgegevens gaan nu naar ClickStats Ltd (India), buiten de EER, met als waarborg: Standaardcontractbepalingen.</a></li>`,
			`<li><a href="/activities/newsletter/">Nieuwsbrief: Contactgegevens bewaren we nu langer: 3 jaar (was: 2 jaar).</a></li>`,
			`<h2 id="version-` + h.Versions[1].Short() + `" class="heading-m"><time datetime="2026-02-01T09:00:00Z">1 februari 2026</time> – versie 2</h2>`,
			`<li><a href="/activities/newsletter/">Nieuwsbrief: nieuw doel “Aanbiedingen sturen” (grondslag: Toestemming).</a></li>`,
			`<li><a href="/activities/survey/">Nieuwe verwerking: Enquête.</a></li>`,
			`<p>De eerste versie in de geschiedenis van dit register.</p>`,
		}},
		{"en change log", "en/changes/index.html", []string{
			`<h1 class="heading-xl">What has changed</h1>`,
			`<time datetime="2026-03-01T08:30:00Z">1 March 2026</time> – version 3</h2>`,
			`<li><a href="/en/activities/newsletter/">Newsletter: new recipient ClickStats Ltd (India).</a></li>`,
			`<li><a href="/en/activities/newsletter/">Newsletter: personal data now goes to ClickStats Ltd (India), outside the EEA, with safeguard: Standard contractual clauses.</a></li>`,
			`<li><a href="/en/activities/newsletter/">Newsletter: we now keep Contact details longer: 3 years (was: 2 years).</a></li>`,
			// the typo fixed between versions 2 and 3 is said with version 3, in one sentence
			`<p class="hint">Editorial changes to: Newsletter.</p>`,
			`<li><a href="/en/activities/newsletter/">Newsletter: new purpose “Sending offers” (legal basis: Consent).</a></li>`,
			`<li><a href="/en/activities/survey/">New processing activity: Survey.</a></li>`,
			`<p>The first version in the history of this register.</p>`,
			`<a href="/en/changes/feed.xml" type="application/atom+xml">The changes as an Atom feed</a>`,
		}},
		{"nl activity dates", "activities/newsletter/index.html", []string{
			`<p class="hint activity-dates">Voor het eerst gepubliceerd: <time datetime="2026-01-05T10:00:00Z">5 januari 2026</time>. Laatst gewijzigd: <time datetime="2026-03-01T08:30:00Z">1 maart 2026</time>. <a href="/changes/#version-` + h.Versions[2].Short() + `">Wat is er veranderd</a></p>`,
			`<p><a href="/changes/">Wat is er veranderd</a></p>`,
		}},
		{"en activity dates", "en/activities/survey/index.html", []string{
			`<p class="hint activity-dates">First published: <time datetime="2026-02-01T09:00:00Z">1 February 2026</time>. Last changed: <time datetime="2026-02-01T09:00:00Z">1 February 2026</time>. <a href="/en/changes/#version-` + h.Versions[1].Short() + `">What has changed</a></p>`,
			`<p><a href="/en/changes/">What has changed</a></p>`,
		}},
		{"nl feed", "changes/feed.xml", []string{
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">`,
			`<id>https://privacy.example.com/changes/</id>`,
			`<link rel="self" type="application/atom+xml" href="https://privacy.example.com/changes/feed.xml"/>`,
			`<updated>2026-03-01T08:30:00Z</updated>`,
			`<id>https://privacy.example.com/changes/#version-` + h.Versions[2].Short() + `</id>`,
			"<content type=\"text\">Nieuwsbrief: nieuwe ontvanger ClickStats Ltd (India).\nNieuwsbrief: persoonsgegevens gaan nu naar ClickStats Ltd (India), buiten de EER, met als waarborg: Standaardcontractbepalingen.\nNieuwsbrief: Contactgegevens bewaren we nu langer: 3 jaar (was: 2 jaar).\nRedactionele wijzigingen in: Nieuwsbrief.</content>",
		}},
		{"en feed", "en/changes/feed.xml", []string{
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`,
			`<id>https://privacy.example.com/en/changes/</id>`,
			`<title>version 2 (1 February 2026)</title>`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := read(t, filepath.Join(out, tc.page))
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("%s lacks\n%s\n--- page:\n%s", tc.page, w, page)
				}
			}
		})
	}

	// The typo fix and the internal note are no entries: three entries,
	// the newest version with a public change first.
	page := read(t, filepath.Join(out, "en/changes/index.html"))
	if got := strings.Count(page, `class="change-entry"`); got != 3 {
		t.Errorf("entries: got %d, want 3", got)
	}
	if got := strings.Count(read(t, filepath.Join(out, "en/changes/feed.xml")), "<entry>"); got != 3 {
		t.Errorf("feed entries: got %d, want 3", got)
	}
}

// TestChangeLogLeavesInternalFieldsOut: an internal field changed (with a
// new version) leaves the change log page, its feed and the dates as they
// were, and the note is nowhere in the site.
func TestChangeLogLeavesInternalFieldsOut(t *testing.T) {
	s := theHistory(t)
	after := filepath.Join(t.TempDir(), "public")
	s.build(after)
	walk(t, after, func(name, content string) {
		if strings.Contains(content, canary) {
			t.Errorf("%s holds the internal note", name)
		}
	})

	s.git("", "checkout", "-q", "HEAD~1") // v3, before the internal change
	before := filepath.Join(t.TempDir(), "public")
	s.build(before)
	for _, name := range []string{"changes/feed.xml", "en/changes/feed.xml"} {
		if a, b := read(t, filepath.Join(before, name)), read(t, filepath.Join(after, name)); a != b {
			t.Errorf("%s changed with an internal field:\n--- before\n%s\n--- after\n%s", name, a, b)
		}
	}
	for _, name := range []string{"changes/index.html", "en/changes/index.html"} {
		if a, b := main_(t, read(t, filepath.Join(before, name))), main_(t, read(t, filepath.Join(after, name))); a != b {
			t.Errorf("%s changed with an internal field:\n--- before\n%s\n--- after\n%s", name, a, b)
		}
	}
	dates := regexp.MustCompile(`<p class="hint activity-dates">.*</p>`)
	for _, name := range []string{"activities/newsletter/index.html", "en/activities/newsletter/index.html"} {
		a, b := dates.FindString(read(t, filepath.Join(before, name))), dates.FindString(read(t, filepath.Join(after, name)))
		if a == "" || a != b {
			t.Errorf("%s: the dates changed with an internal field:\nbefore %s\nafter  %s", name, a, b)
		}
	}
}

func TestTwoBuildsOfOneCommitAreByteIdentical(t *testing.T) {
	s := theHistory(t)
	one, two := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "public")
	s.build(one)
	s.build(two)
	files := map[string]string{}
	walk(t, one, func(name, content string) { files[name] = content })
	n := 0
	walk(t, two, func(name, content string) {
		n++
		if files[name] != content {
			t.Errorf("%s differs between two builds of the same commit", name)
		}
	})
	if n != len(files) || files["changes/feed.xml"] == "" {
		t.Errorf("the builds have %d and %d files (feed present: %v)", len(files), n, files["changes/feed.xml"] != "")
	}
}

// TestWithoutHistoryTheSiteSaysNothingOfIt: a copy without .git (a
// tarball) and a shallow clone build as before: no change log, no feed, no
// dates, no footer link.
func TestWithoutHistoryTheSiteSaysNothingOfIt(t *testing.T) {
	s := theHistory(t)
	tarball := &scratch{t: t, root: t.TempDir()}
	copyTree(t, s.root, tarball.root)
	if err := os.RemoveAll(filepath.Join(tarball.root, ".git")); err != nil {
		t.Fatal(err)
	}
	shallow := &scratch{t: t, root: filepath.Join(t.TempDir(), "clone")}
	s.git("", "clone", "-q", "--depth", "1", "file://"+s.root, shallow.root)

	for _, tc := range []struct {
		name string
		s    *scratch
	}{{"tarball", tarball}, {"shallow clone", shallow}} {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.t = t
			out := filepath.Join(t.TempDir(), "public")
			if h := tc.s.build(out); h != nil {
				t.Fatalf("a history of %d versions", len(h.Versions))
			}
			walk(t, out, func(name, content string) {
				if strings.HasPrefix(name, "changes/") || strings.HasPrefix(name, "en/changes/") {
					t.Errorf("%s was made without history", name)
				}
				for _, w := range []string{"activity-dates", "/changes/", "Wat is er veranderd", "What has changed"} {
					if strings.Contains(content, w) {
						t.Errorf("%s says %q without history", name, w)
					}
				}
			})
		})
	}
}

// TestTagsMarkVersions: with a tag pattern, tagged commits are versions too,
// labelled by the tag.
func TestTagsMarkVersions(t *testing.T) {
	s := theHistory(t)
	s.git("", "tag", "privacy-2026-02", "HEAD~2") // the typo fix, no version of its own
	s.git("2026-03-02T00:00:00Z", "tag", "-a", "-m", "v3", "privacy-2026-03", "HEAD~1")
	h, err := history.Read(s.root, history.Options{Tags: "privacy-*"})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, v := range h.Versions {
		labels = append(labels, v.Label)
	}
	if got, want := strings.Join(labels, " "), "1 2 privacy-2026-02 privacy-2026-03 4"; got != want {
		t.Errorf("versions: got %q, want %q", got, want)
	}
}

func walk(t *testing.T, dir string, f func(name, content string)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f(filepath.ToSlash(rel), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// copyTree copies the files of from into to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMergedVersions: a version made on a branch is that branch's commit,
// with its date, when the branch is merged; a change to the organisation
// on main that keeps the version, and the merge, are no versions.
func TestMergedVersions(t *testing.T) {
	s := newScratch(t)
	s.version("1", "2026-01-05")
	s.commit("2026-01-05T10:00:00Z", "v1")
	s.git("", "checkout", "-q", "-b", "feature")
	s.version("2", "2026-02-01")
	s.edit("data/activities/newsletter.toml", `period = "P2Y"`, `period = "P3Y"`)
	s.commit("2026-02-01T09:00:00Z", "v2 on a branch")
	s.git("", "checkout", "-q", "main")
	s.edit("data/organisation.toml", "fg@voorbeeld.example", "dpo@voorbeeld.example")
	s.commit("2026-02-02T09:00:00Z", "a new DPO address, no version")
	s.git("2026-02-03T09:00:00Z", "merge", "-q", "--no-ff", "-m", "merge v2", "feature")

	h, err := history.Read(s.root, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range h.Versions {
		got = append(got, v.Label+" "+v.Date.Format("2006-01-02"))
	}
	if want := "1 2026-01-05, 2 2026-02-01"; strings.Join(got, ", ") != want {
		t.Errorf("versions: got %q, want %q", strings.Join(got, ", "), want)
	}
}

// TestWorkbookHistory: the regulator's history has every change from
// version to version, internal fields included, and the dates of each
// activity's record from every commit (the typo fix and the internal note
// count); changes of the working tree after the newest version come first.
func TestWorkbookHistory(t *testing.T) {
	s := theHistory(t)
	h, err := history.Read(s.root, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.edit("data/activities/survey.toml", `period = "P1Y"`, `period = "P6M"`)
	schemas, err := register.CompileSchemas(s.root)
	if err != nil {
		t.Fatal(err)
	}
	current, _ := schemas.Load(s.root)
	wb := h.Workbook("en", current, "abc1234 (with uncommitted changes)")

	var got []string
	for _, c := range wb.Changes {
		got = append(got, strings.Join([]string{c.Date, c.Revision, c.Version, c.Activity, c.Text, map[bool]string{true: "material", false: "editorial"}[c.Material]}, " | "))
	}
	v := h.Versions
	want := []string{
		"2026-04-01 | abc1234 (with uncommitted changes) |  | survey | retention of contact-details made shorter: P1Y → P6M | editorial",
		"2026-04-01 | " + v[3].Short() + " | 4 |  | text edited: review_interval | editorial",
		"2026-04-01 | " + v[3].Short() + " | 4 | newsletter | text edited: internal, reviewed | editorial",
		"2026-03-01 | " + v[2].Short() + " | 3 | newsletter | new recipient click-stats (ClickStats Ltd) | material",
		"2026-03-01 | " + v[2].Short() + " | 3 | newsletter | new third country: transfer to click-stats (India) with safeguard scc | material",
		"2026-03-01 | " + v[2].Short() + " | 3 | newsletter | retention of contact-details made longer: P2Y → P3Y | material",
		"2026-03-01 | " + v[2].Short() + " | 3 | newsletter | text edited: summary | editorial",
		"2026-02-01 | " + v[1].Short() + " | 2 | newsletter | new purpose \"Sending offers\" (legal basis consent) | material",
		"2026-02-01 | " + v[1].Short() + " | 2 | survey | activity added | material",
		"2026-02-01 | " + v[1].Short() + " | 2 | survey | activity published in the privacy center | material",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for id, want := range map[string]string{
		"newsletter": "2026-01-05 " + v[0].Short() + " 2026-04-01 " + v[3].Short(),
		"survey":     "2026-02-01 " + v[1].Short() + " 2026-02-01 " + v[1].Short(),
	} {
		d := wb.Activities[id]
		if got := d.Created + " " + d.CreatedIn + " " + d.Changed + " " + d.ChangedIn; got != want {
			t.Errorf("%s: dates %q, want %q", id, got, want)
		}
	}
}

// TestVersionWindow: with MaxVersions the older versions are not read; the
// oldest one read only serves to compare with: it is no entry, and an
// activity public in it has no date of first publication.
func TestVersionWindow(t *testing.T) {
	s := theHistory(t)
	h, err := history.Read(s.root, history.Options{MaxVersions: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(h.Versions); got != 3 {
		t.Fatalf("versions read: %d, want 3 (two and a baseline)", got)
	}
	out := filepath.Join(t.TempDir(), "public")
	schemas, err := register.CompileSchemas(s.root)
	if err != nil {
		t.Fatal(err)
	}
	reg, _ := schemas.Load(s.root)
	if _, err := site.Build(site.Options{Root: s.root, PublishDir: out, Register: reg, History: h}); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "en/changes/index.html"))
	if got := strings.Count(page, `class="change-entry"`); got != 1 || !strings.Contains(page, "version 3</h2>") || strings.Contains(page, "The first version") {
		t.Errorf("want only version 3's entry:\n%s", main_(t, page))
	}
	dates := regexp.MustCompile(`<p class="hint activity-dates">.*</p>`)
	for name, want := range map[string]string{
		// public in the baseline (version 2): only when it last changed
		"en/activities/newsletter/index.html": `<p class="hint activity-dates">Last changed: <time datetime="2026-03-01T08:30:00Z">1 March 2026</time>. <a href="/en/changes/#version-` + h.Versions[1].Short() + `">What has changed</a></p>`,
		// public in the baseline and unchanged since: no dates
		"en/activities/survey/index.html": ``,
	} {
		if got := dates.FindString(read(t, filepath.Join(out, name))); got != want {
			t.Errorf("%s: dates %q, want %q", name, got, want)
		}
	}
}

// TestVersionsInTheSameSecond: versions committed in the same second (a
// script, a rebase) are taken in the order of the history, oldest first, so
// each is compared with the one before it.
func TestVersionsInTheSameSecond(t *testing.T) {
	s := newScratch(t)
	const second = "2026-03-01T10:00:00Z"
	for _, v := range []string{"1", "2", "3"} {
		s.version(v, "2026-03-01")
		if v == "3" {
			s.edit("data/activities/newsletter.toml", `period = "P2Y"`, `period = "P3Y"`)
		}
		s.commit(second, "version "+v)
	}
	h, err := history.Read(s.root, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range h.Versions {
		got = append(got, v.Label)
	}
	if want := "1 2 3"; strings.Join(got, " ") != want {
		t.Fatalf("versions: got %q, want %q", strings.Join(got, " "), want)
	}
	if n := len(h.Versions[2].Public); n == 0 {
		t.Error("version 3 has no public change: it was compared with the wrong version")
	}
	if n := len(h.Versions[1].Public); n != 0 {
		t.Errorf("version 2 changed nothing public, but has %d changes", n)
	}
}

// TestAVersionThatDoesNotValidateIsNoBeginning: when the oldest version does
// not validate, the next one is not "the first version", and what is public
// in it was not first published with it: it only serves to compare with.
func TestAVersionThatDoesNotValidateIsNoBeginning(t *testing.T) {
	s := newScratch(t)
	s.version("1", "2026-01-05")
	s.edit("data/activities/newsletter.toml", `period = "P2Y"`, `period = "two years"`)
	s.commit("2026-01-05T10:00:00Z", "version 1, with a period that does not validate")
	s.version("2", "2026-02-01")
	s.edit("data/activities/newsletter.toml", `period = "two years"`, `period = "P2Y"`)
	s.commit("2026-02-01T10:00:00Z", "version 2")
	s.version("3", "2026-03-01")
	s.edit("data/activities/newsletter.toml", `period = "P2Y"`, `period = "P3Y"`)
	s.commit("2026-03-01T10:00:00Z", "version 3")

	out := filepath.Join(t.TempDir(), "public")
	h := s.build(out)
	if h == nil || len(h.Versions) != 2 {
		t.Fatalf("want versions 2 (a baseline) and 3, got %v", h)
	}
	if h.Versions[0].First() {
		t.Error("version 2 is called the first version, but version 1 came before it")
	}
	page := read(t, filepath.Join(out, "en/changes/index.html"))
	if strings.Contains(page, "The first version") || !strings.Contains(page, "version 3</h2>") || strings.Contains(page, "version 2</h2>") {
		t.Errorf("want only version 3's entry:\n%s", main_(t, page))
	}
	if got := read(t, filepath.Join(out, "en/activities/newsletter/index.html")); strings.Contains(got, "First published") {
		t.Errorf("the newsletter has a date of first publication, but it was public before version 2:\n%s",
			regexp.MustCompile(`<p class="hint activity-dates">.*</p>`).FindString(got))
	}
}
