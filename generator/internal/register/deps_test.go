package register_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// TestFailedRegisterAddsNothing: when a shared register fails to load, rules
// that need it are skipped, so an activity gets no diagnostic it would not
// get with the register loaded (categories.toml with a syntax error once
// gave every activity with special_category_condition a false warning).
func TestFailedRegisterAddsNothing(t *testing.T) {
	repo := "../../.."
	for _, kind := range []string{"organisation", "subjects", "categories", "recipients", "measures"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, filepath.Join(repo, "data"), filepath.Join(dir, "data"))
			copyProjectFiles(t, dir)
			_, base := register.Load(dir)
			if len(base) != 0 {
				t.Fatalf("the shipped register should validate: %v", base)
			}
			f := filepath.Join(dir, "data", kind+".toml")
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, append(b, "\n= broken\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			_, got := register.Load(dir)
			var inRegister int
			for _, d := range got {
				if d.File == "data/"+kind+".toml" && d.Severity == diag.Error {
					inRegister++
					continue
				}
				t.Errorf("broken %s.toml added %s:%d:%d: %s: %s", kind, d.File, d.Line, d.Col, d.Path, d.Message)
			}
			if inRegister == 0 {
				t.Errorf("broken %s.toml was not reported", kind)
			}
		})
	}
}

func copyTree(tb testing.TB, from, to string) {
	tb.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !strings.HasSuffix(p, ".toml") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
}
