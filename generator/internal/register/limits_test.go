package register_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// testProject copies the CLI scripts' small project and replaces the
// newsletter activity's line old by new.
func testProject(t *testing.T, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, "../cli/testdata/project/data", filepath.Join(dir, "data"))
	copyProjectFiles(t, dir)
	f := filepath.Join(dir, "data", "activities", "newsletter.toml")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("newsletter.toml has no %q", old)
	}
	if err := os.WriteFile(f, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// rewrite changes a file of the project at dir.
func rewrite(t *testing.T, dir, name string, change func(string) string) {
	t.Helper()
	f := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, []byte(change(string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCellLimitIsAValidationRule: texts that each fit, but together fill a
// cell of the workbook past the 32,767 characters it holds, are an error of
// validate at the list, not a failure of build half-way.
func TestCellLimitIsAValidationRule(t *testing.T) {
	p := `{ nl = "` + strings.Repeat("n", 9000) + `", en = "` + strings.Repeat("e", 9000) + `" }`
	dir := testProject(t, `purposes = [{ nl = "Nieuws sturen", en = "Sending news" }]`, "purposes = ["+strings.Repeat(p+", ", 3)+p+"]")
	_, diags := register.Load(dir)
	if len(diags) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %v", len(diags), diags)
	}
	d := diags[0]
	want := "the purposes with their legal bases together take up to 36,800 characters in one cell of the workbook, which holds 32,767; shorten them"
	if d.File != "data/activities/newsletter.toml" || d.Line != 5 || d.Col != 12 || d.Path != "purposes" || d.Message != want {
		t.Errorf("got %s:%d:%d: %s: %s\nwant data/activities/newsletter.toml:5:12: purposes: %s", d.File, d.Line, d.Col, d.Path, d.Message, want)
	}
}

// TestReadsStayInside: a record linked out of data/ is refused by name and
// never read: its text appears in no diagnostic and it is not loaded.
func TestReadsStayInside(t *testing.T) {
	dir := testProject(t, "#:schema", "#:schema")
	outside := filepath.Join(t.TempDir(), "credentials.toml")
	secret := `name = "SECRET-CREDENTIAL"` + "\n"
	if err := os.WriteFile(outside, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".git", "config"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{
		"absolute.toml": outside,
		"relative.toml": func() string { r, _ := filepath.Rel(filepath.Join(dir, "data", "activities"), outside); return r }(),
		"git.toml":      "../../.git/config",
	} {
		if err := os.Symlink(target, filepath.Join(dir, "data", "activities", name)); err != nil {
			t.Fatal(err)
		}
	}
	reg, diags := register.Load(dir)
	if len(diags) != 3 {
		t.Errorf("got %d diagnostics, want 3", len(diags))
	}
	for _, d := range diags {
		if d.Message != "is a symbolic link that leads out of data/; records are read only inside data/, so it is not read" {
			t.Errorf("%s: %s", d.File, d.Message)
		}
		if strings.Contains(d.Message+d.Source+d.Path, "SECRET") {
			t.Errorf("%s shows the text of the file it links to", d.File)
		}
	}
	if len(reg.Activities) != 2 {
		t.Errorf("loaded %d activities, want the 2 of the project", len(reg.Activities))
	}
}

// TestRightStepsFitTheirCell: the steps, channel and notes of a right share
// one cell of the workbook's Organisation sheet, so together they are
// bounded like the other joined cells.
func TestRightStepsFitTheirCell(t *testing.T) {
	dir := testProject(t, "#:schema", "#:schema")
	step := `{ nl = "` + strings.Repeat("n", 9000) + `", en = "` + strings.Repeat("e", 9000) + `" }`
	rewrite(t, dir, "data/organisation.toml", func(s string) string {
		return s + "\n[rights.access]\nsteps = [" + strings.Repeat(step+", ", 3) + step + "]\n"
	})
	_, diags := register.Load(dir)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", d.File, d.Line, d.Col, d.Path, d.Message))
	}
	want := "the steps, channel and notes of this right together take up to"
	if len(diags) != 1 || diags[0].Path != "rights.access" || !strings.Contains(diags[0].Message, want) {
		t.Errorf("got %q, want one diagnostic at rights.access: %s …", got, want)
	}
}
