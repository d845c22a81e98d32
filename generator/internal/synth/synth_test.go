package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// project writes a synthetic register of n activities into a project root
// holding the repository's hugo.toml and schemas.
func project(t testing.TB, n int, seed uint64) string {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Options{Activities: n, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"hugo.toml", "schemas/activity.schema.json", "schemas/organisation.schema.json", "schemas/subjects.schema.json", "schemas/categories.schema.json", "schemas/recipients.schema.json", "schemas/measures.schema.json"} {
		b, err := os.ReadFile(filepath.Join("../../..", f))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSyntheticRegistersAreValidWithoutWarnings(t *testing.T) {
	for _, n := range []int{1, 7, 100, 400} {
		dir := project(t, n, 42)
		reg, diags := register.Load(dir)
		if len(diags) > 0 {
			t.Fatalf("%d activities: %d diagnostics, first: %s:%d:%d: %s: %s", n, len(diags), diags[0].File, diags[0].Line, diags[0].Col, diags[0].Path, diags[0].Message)
		}
		if len(reg.Activities) != n {
			t.Errorf("%d activities written, %d loaded", n, len(reg.Activities))
		}
	}
}

func TestSyntheticShapes(t *testing.T) {
	reg, diags := register.Load(project(t, 1000, 1))
	if len(diags) > 0 {
		t.Fatalf("%d diagnostics", len(diags))
	}
	if len(reg.Categories) != 300 || len(reg.Recipients) != 500 || len(reg.Measures) != 60 {
		t.Errorf("shared registers: %d categories, %d recipients, %d measures; want 300, 500, 60", len(reg.Categories), len(reg.Recipients), len(reg.Measures))
	}
	var cats, recs, transfers int
	for _, a := range reg.Activities {
		cats += len(a.Categories)
		recs += len(a.Recipients)
		transfers += len(a.Transfers)
	}
	if cats != 10000 || recs != 4000 {
		t.Errorf("per activity: %d categories and %d recipients in all; want 10 and 4 each", cats, recs)
	}
	if per := float64(transfers) / 1000; per < 1.2 || per > 2.0 {
		t.Errorf("%.2f transfers per activity; want about 1.6", per)
	}
}

func TestSyntheticIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := synth.Write(dir, synth.Options{Activities: 50, Seed: 7}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"data/categories.toml", "data/activities/activity-00049.toml"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", f)
		}
	}
}
