package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../../.."

// hugoTOML is a project configuration like the shipped one.
const hugoTOML = `
-- hugo.toml --
baseURL = "https://privacy.example.com/"
title = "Privacy Center"
defaultContentLanguage = "nl"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = true
theme = "privacy-center"

[languages.nl]
label = "Nederlands"
title = "Privacycentrum"
weight = 1

[languages.en]
label = "English"
title = "Privacy Center"
weight = 2
`

// parseArchive reads files in the txtar form Hugo's integration tests use:
// "-- name --" lines, each followed by the file's content.
func parseArchive(s string) map[string]string {
	files := map[string]string{}
	name := ""
	var body strings.Builder
	flush := func() {
		if name != "" {
			files[name] = strings.TrimPrefix(body.String(), "\n")
		}
		body.Reset()
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
			flush()
			name = strings.TrimSpace(line[3 : len(line)-3])
			continue
		}
		body.WriteString(line)
		body.WriteString("\n")
	}
	flush()
	return files
}

// project makes a project root in a temporary directory: the repository's
// theme and content adapter (not its Markdown pages), with the archive's
// files on top.
func project(t testing.TB, archive string) string {
	t.Helper()
	root := t.TempDir()
	copyDir(t, filepath.Join(repoRoot, "themes"), filepath.Join(root, "themes"))
	writeFile(t, filepath.Join(root, "content", "_content.gotmpl"), readRepoFile(t, "content/_content.gotmpl"))
	for name, content := range parseArchive(archive) {
		writeFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	return root
}

// readRepoFile returns a file of the repository, named relative to its root.
func readRepoFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t testing.TB, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// builtSite is a site built for a test, with assertions on its files.
type builtSite struct {
	t      testing.TB
	root   string
	public string
	result *Result
}

// buildSite builds the project given as an archive with the register.
func buildSite(t testing.TB, archive string, reg *register.Register) *builtSite {
	t.Helper()
	b, err := buildSiteE(t, archive, reg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func buildSiteE(t testing.TB, archive string, reg *register.Register) (*builtSite, error) {
	t.Helper()
	root := project(t, archive)
	var log bytes.Buffer
	res, err := Build(Options{Root: root, Register: reg, Log: &log})
	if err == nil && strings.Contains(log.String(), "WARN") {
		t.Errorf("Hugo warned:\n%s", log.String())
	}
	return &builtSite{t: t, root: root, public: filepath.Join(root, "public"), result: res}, err
}

func (b *builtSite) file(name string) string {
	b.t.Helper()
	content, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(name)))
	if err != nil {
		b.t.Fatal(err)
	}
	return string(content)
}

// assertFileContent checks that the file contains each match, or, for a
// match starting with "! ", that it does not.
func (b *builtSite) assertFileContent(name string, matches ...string) {
	b.t.Helper()
	content := b.file(name)
	for _, m := range matches {
		if neg, ok := strings.CutPrefix(m, "! "); ok {
			if strings.Contains(content, neg) {
				b.t.Errorf("%s contains %q", name, neg)
			}
			continue
		}
		if !strings.Contains(content, m) {
			b.t.Errorf("%s does not contain %q", name, m)
		}
	}
	if b.t.Failed() && os.Getenv("ROPA_TEST_VERBOSE") != "" {
		b.t.Logf("%s:\n%s", name, content)
	}
}

func (b *builtSite) assertFileExists(name string, exists bool) {
	b.t.Helper()
	_, err := os.Stat(filepath.Join(b.root, filepath.FromSlash(name)))
	if exists && err != nil {
		b.t.Errorf("%s does not exist", name)
	}
	if !exists && err == nil {
		b.t.Errorf("%s exists", name)
	}
}

// files returns the built files, relative to public/ with forward slashes, sorted.
func (b *builtSite) files() []string {
	b.t.Helper()
	return listFiles(b.t, b.public)
}

func listFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

var (
	hrefRe = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRe   = regexp.MustCompile(`\sid="([^"]*)"`)
)
