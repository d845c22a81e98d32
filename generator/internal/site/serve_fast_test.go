package site

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// shippedProject copies the repository's project (records, schemas, site
// files) into a temporary directory.
func shippedProject(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"hugo.toml", "schemas", "content", "themes", "data"} {
		if err := copyTreeForBench(filepath.Join(repoRoot, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// synthTestProject writes a synthetic register of n activities with the
// repository's site files and schemas.
func synthTestProject(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"hugo.toml", "schemas", "content", "themes"} {
		if err := copyTreeForBench(filepath.Join(repoRoot, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := synth.Write(dir, synth.Options{Activities: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The pages serve shows ahead of the full rebuild are built from a register
// that holds only the edited activities: each must be the page the full
// build makes, byte for byte, in every language, for every public activity.
func TestTheEarlyPagesOfAnEditAreThoseOfTheFullBuild(t *testing.T) {
	for _, tt := range []struct {
		name string
		dir  func(testing.TB) string
	}{
		{"shipped", shippedProject},
		{"synthetic", func(t testing.TB) string { return synthTestProject(t, 25) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir(t)
			reg, diags := register.Load(dir)
			if errs, _ := diags.Count(); errs > 0 {
				t.Fatalf("%d errors, first: %s", errs, diags[0].Message)
			}
			full := filepath.Join(t.TempDir(), "public")
			if _, err := Build(Options{Root: dir, PublishDir: full, Register: reg}); err != nil {
				t.Fatal(err)
			}
			pages := 0
			for i, a := range reg.Activities {
				if !a.IsPublic() {
					files, err := activityPages(dir, t.TempDir(), reg, []string{a.ID})
					if err != nil || len(files) > 0 {
						t.Errorf("%s is not public: pages %v (%v)", a.ID, files, err)
					}
					continue
				}
				ids := []string{a.ID}
				if i%5 == 1 && i+1 < len(reg.Activities) && reg.Activities[i+1].IsPublic() {
					// Two edited at once.
					ids = append(ids, reg.Activities[i+1].ID)
				}
				work := t.TempDir()
				files, err := activityPages(dir, work, reg, ids)
				out := filepath.Join(work, "public")
				if err != nil {
					t.Fatalf("%s: %v", a.ID, err)
				}
				langs := map[string]bool{}
				for _, id := range ids {
					for _, f := range files {
						if strings.HasSuffix(f, "/"+id+"/index.html") {
							langs[strings.TrimSuffix(f, "activities/"+id+"/index.html")] = true
						}
					}
				}
				if len(langs) != 2 || !langs[""] || !langs["en/"] {
					t.Errorf("%v: files %v, want the page in nl and en", ids, files)
				}
				for _, f := range files {
					got, err := os.ReadFile(filepath.Join(out, f))
					if err != nil {
						t.Fatal(err)
					}
					want, err := os.ReadFile(filepath.Join(full, f))
					if err != nil {
						t.Errorf("%v: %s is not in the full build", ids, f)
						continue
					}
					if string(got) != string(want) {
						t.Errorf("%v: %s differs from the full build's:\n%s", ids, f, firstDifference(string(got), string(want)))
					}
					pages++
				}
			}
			if pages == 0 {
				t.Fatal("no pages compared")
			}
			t.Logf("%d pages compared", pages)
		})
	}
}

// firstDifference shows where two texts part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return "got:  ..." + got[from:min(len(got), i+200)] + "\nwant: ..." + want[from:min(len(want), i+200)]
}

// syncBuffer is a log that the test reads while serve writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe serves the project at root as the serve command does (the
// records loaded and checked again on every change, their diagnostics in
// the log), and returns the site's URL; serve stops when the test ends.
func startServe(t *testing.T, root string, log io.Writer, hold <-chan struct{}) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{
			Root: root, Addr: "127.0.0.1:0", Interval: 20 * time.Millisecond, Log: log, holdRebuild: hold,
			Load: func() (*register.Register, error) {
				reg, diags := register.Load(root)
				if err := diag.WriteText(log, diags); err != nil {
					return nil, err
				}
				if errs, _ := diags.Count(); errs > 0 {
					return nil, fmt.Errorf("the records have %d errors", errs)
				}
				return reg, nil
			},
			Ready: func(u string) { ready <- u },
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve = %v", err)
		}
	})
	select {
	case u := <-ready:
		return u
	case err := <-done:
		t.Fatal(err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

// waitFor fetches url until its body holds want.
func waitFor(t *testing.T, url, want, what string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(fetch(url), want) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s never showed %q", what, url, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// editRecord replaces old by new in a record of the project.
func editRecord(t *testing.T, root, name, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	writeFile(t, p, strings.Replace(string(b), old, new, 1))
}

func TestServeShowsAnEditedActivityFirstAndTheListsAfterTheFullRebuild(t *testing.T) {
	root := shippedProject(t)
	hold := make(chan struct{})
	log := &syncBuffer{}
	url := startServe(t, root, log, hold)
	page, list := url+"en/activities/fraud-prevention/", url+"en/activities/"
	released := false
	defer func() {
		if !released {
			close(hold)
		}
	}()
	if !strings.Contains(fetch(page), "Preventing fraud and abuse") || !strings.Contains(fetch(list), "Preventing fraud and abuse") {
		t.Fatal("the shipped site does not name the activity")
	}

	editRecord(t, root, "data/activities/fraud-prevention.toml", `en = "Preventing fraud and abuse"`, `en = "Stopping fraud, edited"`)
	// The full rebuild is held: the edited page comes from the early build.
	waitFor(t, page, "Stopping fraud, edited", "the edited activity")
	waitFor(t, url+"activities/fraud-prevention/", "<html lang=\"nl\"", "the Dutch page of the edited activity")
	if body := fetch(list); !strings.Contains(body, "Preventing fraud and abuse") || strings.Contains(body, "Stopping fraud, edited") {
		t.Errorf("the list of activities changed before the full rebuild:\n%s", body)
	}
	// The other pages are those of the first build, still served.
	if body := fetch(url + "en/activities/account-creation/"); !strings.Contains(body, "<main") {
		t.Errorf("another activity's page is gone:\n%.300s", body)
	}

	close(hold)
	released = true
	waitFor(t, list, "Stopping fraud, edited", "the list of activities after the full rebuild")
	waitFor(t, url+"en/personal-data/", "Personal data", "a section after the full rebuild")
	if body := fetch(page); !strings.Contains(body, "Stopping fraud, edited") {
		t.Errorf("the edited page lost the edit after the full rebuild:\n%.300s", body)
	}
	if strings.Contains(log.String(), "failed") {
		t.Errorf("log:\n%s", log)
	}
}

func TestServeKeepsTheSiteWhileAnEditBreaksARecordAndLogsWhy(t *testing.T) {
	root := shippedProject(t)
	log := &syncBuffer{}
	url := startServe(t, root, log, nil)
	page := url + "en/activities/fraud-prevention/"

	editRecord(t, root, "data/activities/fraud-prevention.toml", `legal_basis = "legitimate-interests"`, `legal_basis = "because-we-can"`)
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(log.String(), "rebuild failed, still serving the previous site") {
		if time.Now().After(deadline) {
			t.Fatalf("no failure in the log:\n%s", log)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := log.String(); !strings.Contains(got, "data/activities/fraud-prevention.toml:") || !strings.Contains(got, "because-we-can") {
		t.Errorf("the log does not say what is wrong where:\n%s", got)
	}
	if body := fetch(page); !strings.Contains(body, "Preventing fraud and abuse") {
		t.Errorf("the previous page is not served:\n%.300s", body)
	}

	// Put right (and renamed), the record shows again.
	editRecord(t, root, "data/activities/fraud-prevention.toml", `legal_basis = "because-we-can"`, `legal_basis = "legitimate-interests"`)
	editRecord(t, root, "data/activities/fraud-prevention.toml", `en = "Preventing fraud and abuse"`, `en = "Fraud, put right"`)
	waitFor(t, page, "Fraud, put right", "the activity put right")
	waitFor(t, url+"en/activities/", "Fraud, put right", "the list of activities")
}

func TestOnlyAnEditOfActivityRecordsIsShownEarly(t *testing.T) {
	root := shippedProject(t)
	reg, diags := register.Load(root)
	if errs, _ := diags.Count(); errs > 0 {
		t.Fatalf("%d errors", errs)
	}
	var eleven []string
	for _, a := range reg.Activities[:11] {
		eleven = append(eleven, "data/activities/"+a.ID+".toml")
	}
	for _, tt := range []struct {
		name    string
		changed []string
		want    string
	}{
		{"one record", []string{"data/activities/fraud-prevention.toml"}, "fraud-prevention"},
		{"two records", []string{"data/activities/whistleblowing.toml", "data/activities/fraud-prevention.toml"}, "fraud-prevention whistleblowing"},
		{"a record and an editor's backup", []string{"data/activities/fraud-prevention.toml", "data/activities/fraud-prevention.toml~", "data/activities/4913"}, "fraud-prevention"},
		{"a shared register", []string{"data/activities/fraud-prevention.toml", "data/recipients.toml"}, ""},
		{"the organisation", []string{"data/organisation.toml"}, ""},
		{"the theme", []string{"data/activities/fraud-prevention.toml", "themes/privacy-center/layouts/activities/page.html"}, ""},
		{"a record removed", []string{"data/activities/gone.toml"}, ""},
		{"hugo.toml", []string{"hugo.toml"}, ""},
		{"more than ten records", eleven, ""},
	} {
		changed := map[string]bool{}
		for _, c := range tt.changed {
			changed[filepath.Join(root, filepath.FromSlash(c))] = true
		}
		if got := strings.Join(editedActivities(root, reg, changed), " "); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestServeDoesNotWatchHiddenFilesInData(t *testing.T) {
	root := shippedProject(t)
	before := fingerprint(root)
	writeFile(t, filepath.Join(root, "data", "activities", ".fraud-prevention.toml.swp"), "swap")
	writeFile(t, filepath.Join(root, "data", ".git", "x"), "x")
	if changed := map[string]bool{}; changedSince(before, fingerprint(root), changed) {
		t.Errorf("hidden files in data/ count as changes: %v", changed)
	}
	writeFile(t, filepath.Join(root, "data", "activities", "new.toml"), "")
	writeFile(t, filepath.Join(root, "themes", ".hidden"), "")
	changed := map[string]bool{}
	if !changedSince(before, fingerprint(root), changed) || len(changed) != 2 {
		t.Errorf("changed = %v, want data/activities/new.toml and themes/.hidden", changed)
	}
}
