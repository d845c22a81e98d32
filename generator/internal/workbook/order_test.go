package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// TestReferenceSheetsInFileOrder: the Recipients, Data categories and
// Measures sheets list the definitions in the order of their files, neither
// by id nor by name.
func TestReferenceSheetsInFileOrder(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{"generator/internal/cli/testdata/project", "schemas"} {
		from := filepath.Join("../../..", dir)
		err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, path)
			if dir == "schemas" {
				rel = filepath.Join("schemas", rel)
			}
			b, err := os.ReadFile(path)
			if err == nil {
				write(filepath.ToSlash(rel), string(b))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The CLI project lists mail-service before cloud-host already.
	write("data/categories.toml", `#:schema ../schemas/categories.schema.json
[health]
name = { nl = "Gezondheid", en = "Health" }
description = { nl = "Gehoorprofiel", en = "Hearing profile" }
source = "provided"
special = true

[contact-details]
name = { nl = "Contactgegevens", en = "Contact details" }
description = { nl = "Naam en e-mailadres", en = "Name and e-mail address" }
source = "provided"
`)
	write("data/measures.toml", `#:schema ../schemas/measures.schema.json
[encryption]
name = { nl = "Versleuteling", en = "Encryption" }
description = { nl = "Alles versleuteld", en = "Everything encrypted" }
kind = "technical"

[access-control]
name = { nl = "Toegangsbeheer", en = "Access control" }
description = { nl = "Alleen wie het nodig heeft", en = "Only who needs it" }
kind = "organisational"
`)
	reg, diags := register.Load(root)
	if n, _ := diags.Count(); n > 0 {
		t.Fatalf("the project does not load:\n%v", diags)
	}
	for _, lang := range []string{"nl", "en"} {
		f := open(t, encode(t, reg, Options{Lang: lang}))
		for sheet, want := range map[string][]string{
			"recipients": {"mail-service", "cloud-host"},
			"categories": {"health", "contact-details"},
			"measures":   {"encryption", "access-control"},
		} {
			name := dictionary[lang].get("sheet." + sheet)
			var got []string
			for _, row := range rows(t, f, name)[1:] {
				got = append(got, row[0])
			}
			if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
				t.Errorf("%s: sheet %s lists %q, want %q as the file does", lang, name, got, want)
			}
		}
	}
}
