package register_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// TestEachFileKeepsItsOwnText: activity files are read into reused buffers
// by several workers at once. Every decoded value and every quoted source
// line must still be the file's own after all the others were read: a value
// or line that pointed into a buffer would show another file's text.
func TestEachFileKeepsItsOwnText(t *testing.T) {
	const n = 300
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Options{Activities: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	copyProjectFiles(t, dir)
	number := func(id string) int {
		i, err := strconv.Atoi(strings.TrimPrefix(id, "activity-"))
		if err != nil {
			t.Fatalf("activity id %q", id)
		}
		return i
	}

	reg, diags := register.Load(dir)
	if len(diags) > 0 || len(reg.Activities) != n {
		t.Fatalf("%d diagnostics, %d activities", len(diags), len(reg.Activities))
	}
	for _, a := range reg.Activities {
		if want := fmt.Sprintf("Processing %d", number(a.ID)); a.Name["en"] != want {
			t.Errorf("%s: name %q, want %q", a.ID, a.Name["en"], want)
		}
	}

	// Every other file now has a number for a name: an error that quotes
	// the line.
	nameLine := regexp.MustCompile(`(?m)^name = .*$`)
	files, _ := filepath.Glob(filepath.Join(dir, "data", "activities", "*.toml"))
	for i, f := range files {
		if i%2 == 1 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".toml")
		b = nameLine.ReplaceAll(b, []byte(fmt.Sprintf("name = %d", number(id))))
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, diags = register.Load(dir)
	seen := 0
	for _, d := range diags {
		if d.Path != "name" {
			continue
		}
		seen++
		id := strings.TrimSuffix(filepath.Base(d.File), ".toml")
		if want := fmt.Sprintf("name = %d", number(id)); d.Source != want {
			t.Errorf("%s: quotes %q, want %q", d.File, d.Source, want)
		}
	}
	if seen != n/2 {
		t.Errorf("%d diagnostics on name, want %d: %v", seen, n/2, diags)
	}
}
