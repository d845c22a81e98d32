package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// orderedProject is the CLI tests' project with its shared registers written
// in an order that is neither by id nor by name, and an activity that lists
// its recipients and measures in yet another order.
const orderedProject = `
-- data/categories.toml --
#:schema ../schemas/categories.schema.json
[health]
name = { nl = "Gezondheid", en = "Health" }
description = { nl = "Gehoorprofiel", en = "Hearing profile" }
source = "provided"
special = true

[contact-details]
name = { nl = "Contactgegevens", en = "Contact details" }
description = { nl = "Naam en e-mailadres", en = "Name and e-mail address" }
source = "provided"
-- data/measures.toml --
#:schema ../schemas/measures.schema.json
[encryption]
name = { nl = "Versleuteling", en = "Encryption" }
description = { nl = "Alles versleuteld", en = "Everything encrypted" }
kind = "technical"

[access-control]
name = { nl = "Toegangsbeheer", en = "Access control" }
description = { nl = "Alleen wie het nodig heeft", en = "Only who needs it" }
kind = "organisational"
`

// loadOrdered loads orderedProject through the loader, as build does.
func loadOrdered(t *testing.T) *register.Register {
	t.Helper()
	root := t.TempDir()
	copyDir(t, filepath.Join(repoRoot, "generator/internal/cli/testdata/project"), root)
	copyDir(t, filepath.Join(repoRoot, "schemas"), filepath.Join(root, "schemas"))
	for name, content := range parseArchive(orderedProject) {
		writeFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	news := filepath.Join(root, "data/activities/newsletter.toml")
	b, err := os.ReadFile(news)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `recipients = ["mail-service", "cloud-host"]`, `recipients = ["cloud-host", "mail-service"]`, 1)
	s = strings.Replace(s, `measures = ["encryption"]`, `measures = ["access-control", "encryption"]`, 1)
	writeFile(t, news, s)
	reg, diags := register.Load(root)
	if n, _ := diags.Count(); n > 0 {
		t.Fatalf("the project does not load:\n%v", diags)
	}
	return reg
}

// TestSharedDefinitionsInFileOrder: the lists of categories, recipients and
// measures on the hub, the section pages and the activity pages follow the
// order of their files, in both languages, not the ids or the names.
func TestSharedDefinitionsInFileOrder(t *testing.T) {
	reg := loadOrdered(t)
	site := buildSite(t, hugoTOML, reg)
	pages := map[string][][2]string{
		"public/index.html":                          {{"Gezondheid", "Contactgegevens"}},
		"public/en/index.html":                       {{"Health", "Contact details"}},
		"public/personal-data/index.html":            {{"Gezondheid", "Contactgegevens"}},
		"public/en/personal-data/index.html":         {{"Health", "Contact details"}},
		"public/recipients/index.html":               {{"Mailer GmbH", "Cloud Inc."}},
		"public/en/recipients/index.html":            {{"Mailer GmbH", "Cloud Inc."}},
		"public/activities/newsletter/index.html":    {{"Mailer GmbH", "Cloud Inc."}, {"Versleuteling", "Toegangsbeheer"}},
		"public/en/activities/newsletter/index.html": {{"Mailer GmbH", "Cloud Inc."}, {"Encryption", "Access control"}},
	}
	for page, pairs := range pages {
		text := site.file(page)
		for _, p := range pairs {
			first, second := strings.Index(text, p[0]), strings.Index(text, p[1])
			if first < 0 || second < 0 || first > second {
				t.Errorf("%s: want %q (at %d) before %q (at %d), as the file lists them", page, p[0], first, p[1], second)
			}
		}
	}
}
