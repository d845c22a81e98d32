package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// TestShippedRegister builds the repository itself: its hugo.toml, content/,
// themes/ and the register in data/, as `go run ./generator build` does.
func TestShippedRegister(t *testing.T) {
	reg, diags := register.Load(repoRoot)
	if errs, _ := diags.Count(); errs > 0 {
		t.Fatalf("the shipped register does not load:\n%v", diags)
	}
	public := filepath.Join(t.TempDir(), "public")
	var log bytes.Buffer
	start := time.Now()
	res, err := Build(Options{Root: repoRoot, PublishDir: public, Register: reg, Log: &log})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	t.Logf("%d public of %d activities: %d pages, %d files in %v", countPublic(reg), len(reg.Activities), res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
	for _, a := range reg.Activities {
		for _, dir := range []string{"", "en/"} {
			_, err := os.Stat(filepath.Join(public, dir+"activities", a.ID, "index.html"))
			if a.IsPublic() && err != nil {
				t.Errorf("public activity %s has no page in /%s", a.ID, dir)
			}
			if !a.IsPublic() && err == nil {
				t.Errorf("non-public activity %s has a page in /%s", a.ID, dir)
			}
		}
	}
	if strings.Contains(log.String(), "ERROR") {
		t.Errorf("Hugo logged errors:\n%s", log.String())
	}

	// No internal value of the real records reaches the site.
	secrets := internalValues(reg)
	if len(secrets) < 20 {
		t.Errorf("only %d internal values in the shipped register", len(secrets))
	}
	for _, name := range listFiles(t, public) {
		content, _ := os.ReadFile(filepath.Join(public, name))
		for _, s := range secrets {
			if bytes.Contains(content, []byte(s)) {
				t.Errorf("%s contains the internal value %q", name, s)
			}
		}
	}

	// A second build of the same records is byte-identical.
	again := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: repoRoot, PublishDir: again, Register: reg}); err != nil {
		t.Fatal(err)
	}
	first, second := listFiles(t, public), listFiles(t, again)
	if strings.Join(first, "\n") != strings.Join(second, "\n") {
		t.Fatalf("the two builds have different files")
	}
	for _, name := range first {
		a, _ := os.ReadFile(filepath.Join(public, name))
		b, _ := os.ReadFile(filepath.Join(again, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// internalValues returns the values of the internal fields of reg, and the
// names and summaries of its non-public activities, that are long enough to
// be recognised (12 characters or more).
// A value that is also public, such as an internal contact that is a joint
// controller's published e-mail address, is left out.
func internalValues(reg *register.Register) []string {
	public := map[string]bool{}
	o := reg.Organisation
	parties := append([]register.Party{}, o.Controllers...)
	for _, j := range o.JointControllers {
		parties = append(parties, j.Party)
	}
	if o.Representative != nil {
		parties = append(parties, *o.Representative)
	}
	for _, p := range parties {
		public[p.Email], public[p.Phone], public[p.Website], public[p.Address] = true, true, true, true
	}
	if o.DPO != nil {
		public[o.DPO.Email] = true
	}
	for _, c := range o.Rights.Channels {
		public[c.Address] = true
	}
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if len(s) >= 12 && !public[s] {
				out = append(out, s)
			}
		}
	}
	if n := reg.Organisation.Internal; n != nil {
		add(n.RecordOwner, n.Notes)
	}
	for _, r := range reg.Recipients {
		if n := r.Internal; n != nil {
			add(n.Contract, n.Contact, n.Notes)
		}
	}
	for _, a := range reg.Activities {
		if n := a.Internal; n != nil {
			add(n.Owner, n.BusinessFunction, n.LIA, n.ConsentRecord, n.Notes)
			add(n.Systems...)
			add(n.ProcessorContracts...)
			if n.DPIA != nil {
				add(n.DPIA.Link)
			}
		}
		if !a.IsPublic() {
			for _, t := range []register.Text{a.Name, a.Summary} {
				for _, s := range t {
					add(s)
				}
			}
		}
	}
	return out
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func countPublic(reg *register.Register) int {
	n := 0
	for _, a := range reg.Activities {
		if a.IsPublic() {
			n++
		}
	}
	return n
}

// TestScale builds a synthetic register of ROPA_SCALE activities (e.g.
// 10000) and reports the time; skipped unless the variable is set.
func TestScale(t *testing.T) {
	n := 0
	if s := os.Getenv("ROPA_SCALE"); s != "" {
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
	}
	if n <= 0 {
		t.Skip("set ROPA_SCALE=10000 to build a synthetic register of that many activities")
	}
	archive := hugoTOML
	if os.Getenv("ROPA_SCALE_MINIMAL") != "" {
		// Trivial layouts: what Hugo itself costs for the same pages and data.
		archive += `
-- layouts/baseof.html --
<!DOCTYPE html><html lang="{{ site.Language.Lang }}"><body>{{ block "main" . }}{{ end }}</body></html>
-- layouts/home.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/section.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/page.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/activities/page.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/activities/section.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/personal-data/page.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/personal-data/section.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/recipients/page.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/recipients/section.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/rights/section.html --
{{ define "main" }}{{ .Title }}{{ end }}
`
	}
	archive += os.Getenv("ROPA_SCALE_EXTRA") // experiments: extra files in txtar form
	root := project(t, archive)
	copyDir(t, filepath.Join(repoRoot, "schemas"), filepath.Join(root, "schemas"))
	if err := synth.Write(root, synth.Options{Activities: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	reg, diags := register.Load(root)
	if errs, _ := diags.Count(); errs > 0 {
		t.Fatalf("%v", diags)
	}
	loaded := time.Now()
	cpu := cpuTime()
	var log bytes.Buffer
	res, err := Build(Options{Root: root, Register: reg, Log: &log})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	t.Logf("%d activities: load %v, build %v (CPU %v): %d pages, %d files", n, loaded.Sub(start).Round(time.Millisecond),
		time.Since(loaded).Round(time.Millisecond), (cpuTime() - cpu).Round(time.Millisecond), res.Pages, res.Files)
}

// BenchmarkBuildShippedRegister builds the repository's own site.
func BenchmarkBuildShippedRegister(b *testing.B) {
	reg, diags := register.Load(repoRoot)
	if errs, _ := diags.Count(); errs > 0 {
		b.Fatalf("%v", diags)
	}
	public := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(Options{Root: repoRoot, PublishDir: public, Register: reg}); err != nil {
			b.Fatal(err)
		}
	}
}
