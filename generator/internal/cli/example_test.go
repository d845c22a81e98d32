package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// example is the second example register, a complete project of its own (see
// docs/examples/README.md); the script example_register.txtar validates and
// builds it.
const example = "../../../docs/examples/pacefield"

// TestExampleHasTheRepositorysSchemasAndAdapter keeps the example's copies
// of schemas/ and content/_content.gotmpl equal to the repository's. The
// loader reads schemas/ from the project root and refuses links out of it,
// and Hugo reads the content adapter from the project's content/, so the
// example holds copies; its theme is the repository's (themesDir in its
// hugo.toml). Set ROPA_UPDATE=1 to copy the repository's files again.
func TestExampleHasTheRepositorysSchemasAndAdapter(t *testing.T) {
	update := os.Getenv("ROPA_UPDATE") != ""
	want := map[string][]byte{}
	repoSchemas, _ := filepath.Glob("../../../schemas/*")
	for _, p := range repoSchemas {
		want[filepath.Join("schemas", filepath.Base(p))] = readFile(t, p)
	}
	want[filepath.Join("content", "_content.gotmpl")] = readFile(t, "../../../content/_content.gotmpl")
	if len(want) < 7 {
		t.Fatalf("found only %d schemas and adapter files in the repository", len(want))
	}
	exampleSchemas, _ := filepath.Glob(filepath.Join(example, "schemas", "*"))
	for _, p := range exampleSchemas {
		name := filepath.Join("schemas", filepath.Base(p))
		if _, ok := want[name]; ok {
			continue
		}
		if update {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s: the repository has no schemas/%s (run with ROPA_UPDATE=1 to remove it)", name, filepath.Base(p))
	}
	for name, b := range want {
		p := filepath.Join(example, name)
		got, err := os.ReadFile(p)
		if err == nil && bytes.Equal(got, b) {
			continue
		}
		if update {
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("docs/examples/pacefield/%s differs from the repository's %s (run with ROPA_UPDATE=1 to copy it again)", name, name)
	}
}

// TestExampleAddressesReadersAsU checks the words the example's authors wrote,
// the records and the Dutch Markdown pages, against the tone its hugo.toml
// sets: formal, u and uw, never je or jouw.
func TestExampleAddressesReadersAsU(t *testing.T) {
	if !regexp.MustCompile(`(?m)^address = "formal"$`).Match(readFile(t, filepath.Join(example, "hugo.toml"))) {
		t.Fatal(`docs/examples/pacefield/hugo.toml does not set address = "formal"`)
	}
	informal := regexp.MustCompile(`(?i)\b(je|jij|jou|jouw|jezelf)\b`)
	formal := regexp.MustCompile(`(?i)\b(u|uw|uzelf)\b`)
	uses, files := 0, 0
	err := filepath.WalkDir(example, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(example, p)
		rel = filepath.ToSlash(rel)
		if !(strings.HasPrefix(rel, "data/") && strings.HasSuffix(rel, ".toml")) && !(strings.HasPrefix(rel, "content/") && strings.HasSuffix(rel, ".nl.md")) {
			return nil
		}
		files++
		for i, line := range strings.Split(string(readFile(t, p)), "\n") {
			uses += len(formal.FindAllString(line, -1))
			if w := informal.FindString(line); w != "" {
				t.Errorf("%s:%d: %q: the example addresses the reader as u", rel, i+1, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 15 || uses < 50 {
		t.Errorf("read %d files that address the reader %d times as u; expected the whole register", files, uses)
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
