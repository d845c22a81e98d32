package cli

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// gitRepo makes a repository in dir and commits what is there, with fixed
// dates and author.
func gitRepo(t testing.TB, dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	gitIn(t, dir, "init", "-q", "-b", "main")
	commitAll(t, dir, "one")
}

func commitAll(t testing.TB, dir, msg string) {
	t.Helper()
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", msg)
}

func gitIn(t testing.TB, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestDiffExitCodes checks diff's exit codes, which the scripts cannot see,
// and the case of no git on PATH, which a script cannot set up.
func TestDiffExitCodes(t *testing.T) {
	project := func(t *testing.T) string {
		dir := t.TempDir()
		if err := copyDir("testdata/project", dir); err != nil {
			t.Fatal(err)
		}
		if err := copyDir("../../../schemas", filepath.Join(dir, "schemas")); err != nil {
			t.Fatal(err)
		}
		gitRepo(t, dir)
		return dir
	}
	newsletter := "data/activities/newsletter.toml"
	edit := func(t *testing.T, dir, old, new string) {
		b, err := os.ReadFile(filepath.Join(dir, newsletter))
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s has no %q (%v)", newsletter, old, err)
		}
		os.WriteFile(filepath.Join(dir, newsletter), []byte(strings.Replace(string(b), old, new, 1)), 0o644)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		setup  func(t *testing.T, dir string)
		want   int
		stderr string // a part of what is printed on stderr
	}{
		{"no changes", nil, nil, 0, ""},
		{"editorial, fail on material", []string{"--fail-on", "material"}, func(t *testing.T, d string) {
			edit(t, d, `period = "P2Y"`, `period = "P1Y"`)
		}, 0, ""},
		{"material", nil, func(t *testing.T, d string) { edit(t, d, `period = "P2Y"`, `period = "P3Y"`) }, 0, ""},
		{"material, fail on material", []string{"--fail-on", "material"}, func(t *testing.T, d string) {
			edit(t, d, `period = "P2Y"`, `period = "P3Y"`)
		}, 1, ""},
		{"working tree invalid", nil, func(t *testing.T, d string) { edit(t, d, `"consent"`, `"consentt"`) }, 1, "the working tree does not validate"},
		{"revision invalid", []string{"--from", "HEAD"}, func(t *testing.T, d string) {
			edit(t, d, `"consent"`, `"consentt"`)
			commitAll(t, d, "broken")
			edit(t, d, `"consentt"`, `"consent"`)
		}, 1, "the register at HEAD does not validate"},
		{"unknown revision", []string{"--from", "nosuch"}, nil, 2, `revision "nosuch" is not in this repository`},
		{"bad format", []string{"--format", "xml"}, nil, 2, "unknown format"},
		{"not a project", []string{"--root", "nowhere"}, nil, 2, "nowhere"},
		{"no git", nil, func(t *testing.T, d string) { t.Setenv("PATH", t.TempDir()) }, 2, "git is not installed or not on PATH"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := project(t)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			var stderr strings.Builder
			args := append([]string{"diff"}, tc.args...)
			if !strings.Contains(strings.Join(tc.args, " "), "--root") {
				args = append(args, "--root", dir)
			}
			if got := Run(args, io.Discard, &stderr); got != tc.want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", got, tc.want, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr.String())
			}
		})
	}
}

// BenchmarkDiff compares two revisions of a synthetic register of 1,000
// activities in which every activity differs (two seeds): both revisions
// are extracted from git, loaded and checked, and compared. Target: < 2 s.
func BenchmarkDiff(b *testing.B) {
	dir := twoSyntheticRevisions(b, "hugo.toml", "schemas")
	var out strings.Builder
	for b.Loop() {
		out.Reset()
		var stderr strings.Builder
		if code := Run([]string{"diff", "--root", dir, "--from", "HEAD~1", "--to", "HEAD", "--format", "json"}, &out, &stderr); code != 0 {
			b.Fatalf("exit code %d:\n%s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(strings.Count(out.String(), `"kind"`)), "changes")
}

// twoSyntheticRevisions makes a git repository of two commits of a synthetic
// register of 1,000 activities in which every activity differs (seeds 1 and
// 2), with the repository's files named by project copied in.
func twoSyntheticRevisions(b *testing.B, project ...string) string {
	b.Helper()
	dir := b.TempDir()
	for _, name := range project {
		if err := copyTree(filepath.Join("../../..", name), filepath.Join(dir, name)); err != nil {
			b.Fatal(err)
		}
	}
	if err := synth.Write(dir, synth.Options{Activities: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	gitRepo(b, dir)
	if err := os.RemoveAll(filepath.Join(dir, "data")); err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(dir, synth.Options{Activities: 1000, Seed: 2}); err != nil {
		b.Fatal(err)
	}
	commitAll(b, dir, "two")
	return dir
}
