package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			work := t.TempDir()
			pages := 0
			for i, a := range reg.Activities {
				if !a.IsPublic() {
					out, files, err := activityPages(dir, work, reg, []string{a.ID})
					if err != nil || len(files) > 0 {
						t.Errorf("%s is not public: pages %v (%v) in %s", a.ID, files, err, out)
					}
					continue
				}
				ids := []string{a.ID}
				if i%5 == 1 && i+1 < len(reg.Activities) && reg.Activities[i+1].IsPublic() {
					// Two edited at once.
					ids = append(ids, reg.Activities[i+1].ID)
				}
				out, files, err := activityPages(dir, work, reg, ids)
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
