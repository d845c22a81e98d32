package completeness

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// flagged maps what a rule says about an activity to the items it concerns:
// by the first key of the diagnostic's data path and a part of its message.
var flagged = []struct {
	path, message string
	items         []string
}{
	{"categories", "no retention rule", []string{"30.1.f", "13.2.a"}},
	{"retention", "", []string{"30.1.f", "13.2.a"}},
	{"categories", "special category", []string{"13.1.c"}},
	{"categories", "unknown data category", []string{"30.1.c"}},
	{"subjects", "unknown", []string{"30.1.c"}},
	{"measures", "unknown", []string{"30.1.g", "30.2.d"}},
	{"recipients", "unknown recipient", []string{"30.1.d", "13.1.e"}},
	{"recipients", "outside the EEA", []string{"30.1.e", "13.1.f", "30.2.c"}},
	{"transfers", "", []string{"30.1.e", "13.1.f", "30.2.c"}},
	{"purposes", "legitimate interests need the interest", []string{"13.1.d"}},
	{"purposes", "balancing test", nil}, // the LIA is not an Art. 13 item
	{"purposes", "withdraw", []string{"13.2.c"}},
	{"purposes", "legitimate_interest", []string{"13.1.d"}},
	{"purposes", "legal basis", []string{"13.1.c"}},
	{"purposes", "law", []string{"13.1.c"}},
	{"legal_basis", "balancing test", nil},
	{"legal_basis", "legitimate interests", []string{"13.1.d"}},
	{"legitimate_interest", "", []string{"13.1.d"}},
	{"legal_basis", "law", []string{"13.1.c"}},
	{"legal_basis", "withdraw", []string{"13.2.c"}},
	{"role", "on_behalf_of", []string{"30.2.a"}},
	{"purposes", "", []string{"30.1.b", "30.2.b", "13.1.c"}},
	{"law", "", []string{"13.1.c"}},
	{"source_details", "", []string{"14.2.f"}},
	{"requirement", "", []string{"13.2.e"}},
	{"automated_decisions", "", []string{"13.2.f"}},
}

var firstKey = regexp.MustCompile(`^[a-z_]+`)

// TestAgreesWithRules loads the records of every rule's CLI script (the
// project of the CLI tests with the script's files on top) and checks that
// no item a rule flags for an activity is reported as answered.
func TestAgreesWithRules(t *testing.T) {
	scripts, err := filepath.Glob("../cli/testdata/script/*.txtar")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	checked := 0
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(script)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("../cli/testdata/project")); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(filepath.Join(dir, "schemas"), os.DirFS("../../../schemas")); err != nil {
				t.Fatal(err)
			}
			records := false
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "data/") {
					continue
				}
				records = true
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, fs.FileMode(0o644)); err != nil {
					t.Fatal(err)
				}
			}
			if !records {
				t.Skip("the script adds no records")
			}
			reg, diags := register.Load(dir)
			if reg == nil {
				return
			}
			byFile := map[string]*register.Activity{}
			for _, a := range reg.Activities {
				byFile[reg.Files["activity:"+a.ID]] = a
			}
			for _, d := range diags {
				a := byFile[d.File]
				if a == nil {
					continue
				}
				key := firstKey.FindString(d.Path)
				results := Check(reg, a)
				for _, f := range flagged {
					if f.path != key || !strings.Contains(d.Message, f.message) {
						continue
					}
					for _, r := range results {
						for _, item := range f.items {
							if r.Item.Key == item && r.Status == Answered {
								t.Errorf("%s: %s is reported answered, but the rules say %s: %s", a.ID, r.Item.Ref, d.Path, d.Message)
							}
						}
					}
					checked++
					break // the first entry that matches says which items
				}
			}
		})
	}
	if checked < 10 {
		t.Errorf("only %d diagnostics were compared; the scripts should give more", checked)
	}
}
