package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestExitCodes checks the exit-code contract the scripts cannot see:
// 0 ok, 1 the records have errors, 2 usage or environment problem.
func TestExitCodes(t *testing.T) {
	project := func(t *testing.T) string {
		dir := t.TempDir()
		if err := copyDir("testdata/project", dir); err != nil {
			t.Fatal(err)
		}
		if err := copyDir("../../../schemas", filepath.Join(dir, "schemas")); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for _, tc := range []struct {
		name  string
		args  func(dir string) []string
		setup func(t *testing.T, dir string)
		want  int
	}{
		{"valid", func(d string) []string { return []string{"validate", "--root", d} }, nil, 0},
		{"help", func(d string) []string { return []string{"validate", "-h"} }, nil, 0},
		{"record error", func(d string) []string { return []string{"validate", "--root", d} }, func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "data/activities/x.toml"), []byte("name = 1\n"), 0o644)
		}, 1},
		{"warning", func(d string) []string { return []string{"validate", "--root", d} }, func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "data/activities/notes.txt"), []byte("x"), 0o644)
		}, 0},
		{"warning strict", func(d string) []string { return []string{"validate", "--strict", "--root", d} }, func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "data/activities/notes.txt"), []byte("x"), 0o644)
		}, 1},
		{"build with errors", func(d string) []string { return []string{"build", "--root", d} }, func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "data/activities/x.toml"), []byte("name = 1\n"), 0o644)
		}, 1},
		{"workbook inside site", func(d string) []string {
			return []string{"build", "--root", d, "--workbook", "public/ropa.xlsx"}
		}, nil, 2},
		{"missing schema", func(d string) []string { return []string{"validate", "--root", d} }, func(t *testing.T, d string) {
			os.Remove(filepath.Join(d, "schemas/measures.schema.json"))
		}, 2},
		{"broken schema", func(d string) []string { return []string{"validate", "--root", d} }, func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "schemas/measures.schema.json"), []byte("{"), 0o644)
		}, 2},
		{"not a root", func(d string) []string { return []string{"validate", "--root", filepath.Join(d, "data")} }, nil, 2},
		{"unknown flag", func(d string) []string { return []string{"build", "--nope"} }, nil, 2},
		{"no command", func(d string) []string { return nil }, nil, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := project(t)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			if got := Run(tc.args(dir), io.Discard, io.Discard); got != tc.want {
				t.Errorf("exit code %d, want %d", got, tc.want)
			}
		})
	}
}
