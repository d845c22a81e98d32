package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
)

// navOf returns the main menu of a built page, one "label -> href" line per
// entry, with " (current)" after the entry marked as the current page.
func navOf(b *builtSite, name string) string {
	b.t.Helper()
	page := b.file(name)
	start := strings.Index(page, `<nav class="nav"`)
	if start < 0 {
		b.t.Fatalf("%s has no main menu", name)
	}
	end := strings.Index(page[start:], "</nav>")
	var lines []string
	entry := regexp.MustCompile(`<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>`)
	for _, m := range entry.FindAllStringSubmatch(page[start:start+end], -1) {
		line := m[3] + " -> " + m[1]
		if m[2] != "" {
			line += " (current)"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func assertNav(t *testing.T, b *builtSite, name, want string) {
	t.Helper()
	want = strings.TrimSpace(want)
	if got := navOf(b, name); got != want {
		t.Errorf("main menu of %s:\n%s\nwant:\n%s", name, got, want)
	}
}

// aboutPages is a Markdown page in both languages.
const aboutPages = `
-- content/about.nl.md --
---
title: Over deze privacyverklaring
linkTitle: Over deze verklaring
---
Voor wie deze verklaring geldt.
-- content/about.en.md --
---
title: About this privacy notice
linkTitle: About this notice
---
Whom this notice covers.
`

func TestWithoutMenusInHugoTomlTheThemesMenuApplies(t *testing.T) {
	b := buildSite(t, hugoTOML+aboutPages, publishtest.Sample())
	assertNav(t, b, "public/index.html", `
Overzicht -> / (current)
Jouw keuzes -> /choices/
Verwerkingen -> /activities/
Persoonsgegevens -> /personal-data/
Ontvangers -> /recipients/
Jouw rechten -> /rights/
`)
	assertNav(t, b, "public/en/recipients/index.html", `
Overview -> /en/
Your choices -> /en/choices/
Processing activities -> /en/activities/
Personal data -> /en/personal-data/
Recipients -> /en/recipients/ (current)
Your rights -> /en/rights/
`)
	// A page below a section marks no entry as the current page.
	assertNav(t, b, "public/en/activities/account/index.html", `
Overview -> /en/
Your choices -> /en/choices/
Processing activities -> /en/activities/
Personal data -> /en/personal-data/
Recipients -> /en/recipients/
Your rights -> /en/rights/
`)
	// The Markdown page builds, but nothing in the menu links to it.
	b.assertFileExists("public/about/index.html", true)
	b.assertFileContent("public/about/index.html", `! href="/about/"`)
	b.assertFileContent("public/index.html", `! <nav aria-label="Meer over privacy">`)
}

func TestAMenuEntryInHugoTomlAppearsInTheNavigation(t *testing.T) {
	b := buildSite(t, hugoTOML+`
[[menus.main]]
identifier = "home"
pageRef = "/"
weight = 1
[[menus.main]]
identifier = "rights_title"
pageRef = "/rights"
weight = 2
[[menus.main]]
pageRef = "/about"
weight = 3
[[menus.main]]
name = "Klankwolk"
url = "https://klankwolk.example/"
weight = 4
`+aboutPages, publishtest.Sample())
	// The project's menu replaces the theme's: only its four entries, in the
	// order of their weights; a page entry without a name shows the page's
	// link title in each language, an identifier that is a theme string
	// shows that string.
	assertNav(t, b, "public/about/index.html", `
Overzicht -> /
Jouw rechten -> /rights/
Over deze verklaring -> /about/ (current)
Klankwolk -> https://klankwolk.example/
`)
	assertNav(t, b, "public/en/index.html", `
Overview -> /en/ (current)
Your rights -> /en/rights/
About this notice -> /en/about/
Klankwolk -> https://klankwolk.example/
`)
	assertNav(t, b, "public/en/rights/index.html", `
Overview -> /en/
Your rights -> /en/rights/ (current)
About this notice -> /en/about/
Klankwolk -> https://klankwolk.example/
`)
}

func TestFrontMatterAddsAPageToTheThemesMenu(t *testing.T) {
	b := buildSite(t, hugoTOML+`
-- content/cookies.nl.md --
---
title: Cookies
menus: main
weight: 60
---
Over cookies.
-- content/cookies.en.md --
---
title: Cookies
menus: main
weight: 60
---
About cookies.
`, publishtest.Sample())
	assertNav(t, b, "public/en/cookies/index.html", `
Overview -> /en/
Your choices -> /en/choices/
Processing activities -> /en/activities/
Personal data -> /en/personal-data/
Recipients -> /en/recipients/
Your rights -> /en/rights/
Cookies -> /en/cookies/ (current)
`)
}

func TestTheFooterMenu(t *testing.T) {
	b := buildSite(t, hugoTOML+`
[[menus.footer]]
pageRef = "/about"
weight = 1
[[menus.footer]]
identifier = "rights_title"
pageRef = "/rights"
weight = 2
`+aboutPages, publishtest.Sample())
	b.assertFileContent("public/activities/account/index.html",
		`<nav aria-label="Meer over privacy">`,
		`<li><a href="/about/">Over deze verklaring</a></li>`,
		`<li><a href="/rights/">Jouw rechten</a></li>`,
	)
	b.assertFileContent("public/en/activities/account/index.html",
		`<nav aria-label="More about privacy">`,
		`<li><a href="/en/about/">About this notice</a></li>`,
		`<li><a href="/en/rights/">Your rights</a></li>`,
	)
	// A footer menu does not replace the theme's main menu.
	assertNav(t, b, "public/en/index.html", `
Overview -> /en/ (current)
Your choices -> /en/choices/
Processing activities -> /en/activities/
Personal data -> /en/personal-data/
Recipients -> /en/recipients/
Your rights -> /en/rights/
`)
}

func TestMenusPerLanguage(t *testing.T) {
	b := buildSite(t, hugoTOML+`
[[languages.nl.menus.main]]
identifier = "home"
pageRef = "/"
[[languages.nl.menus.footer]]
name = "Toegankelijkheid"
url = "https://klankwolk.example/toegankelijkheid"
[[languages.en.menus.main]]
identifier = "home"
pageRef = "/"
[[languages.en.menus.footer]]
name = "Accessibility"
url = "https://klankwolk.example/accessibility"
`, publishtest.Sample())
	assertNav(t, b, "public/index.html", "Overzicht -> / (current)")
	b.assertFileContent("public/index.html",
		`<li><a href="https://klankwolk.example/toegankelijkheid">Toegankelijkheid</a></li>`, `! Accessibility`)
	b.assertFileContent("public/en/index.html",
		`<li><a href="https://klankwolk.example/accessibility">Accessibility</a></li>`, `! Toegankelijkheid`)
}

func TestALanguageWithMenusOfItsOwnButNoMainMenuIsRefused(t *testing.T) {
	// Menus under [languages.en] replace the project's and the theme's
	// menus for English, so English would have no main menu at all.
	root := project(t, hugoTOML+`
[[languages.en.menus.footer]]
name = "Accessibility"
url = "https://klankwolk.example/accessibility"
`)
	var log bytes.Buffer
	_, err := Build(Options{Root: root, Register: publishtest.Sample(), Log: &log})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	want := "hugo.toml: the en pages have no main menu: menus under [languages.en] replace the [menus] of hugo.toml and the theme's default menu for that language, so list the main menu there too (see docs/site.md)"
	if !strings.Contains(log.String(), want) {
		t.Errorf("Hugo's log does not say %q:\n%s", want, log.String())
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("a site was written")
	}
}

func TestTheShippedMenuLinksTheScopePage(t *testing.T) {
	var archive strings.Builder
	for _, name := range []string{"hugo.toml", "content/about.nl.md", "content/about.en.md"} {
		archive.WriteString("-- " + name + " --\n" + readRepoFile(t, name))
	}
	b := buildSite(t, archive.String(), publishtest.Sample())
	assertNav(t, b, "public/about/index.html", `
Overzicht -> /
Jouw keuzes -> /choices/
Verwerkingen -> /activities/
Persoonsgegevens -> /personal-data/
Ontvangers -> /recipients/
Jouw rechten -> /rights/
Cookies -> /cookies/
Over deze verklaring -> /about/ (current)
`)
	assertNav(t, b, "public/en/about/index.html", `
Overview -> /en/
Your choices -> /en/choices/
Processing activities -> /en/activities/
Personal data -> /en/personal-data/
Recipients -> /en/recipients/
Your rights -> /en/rights/
Cookies -> /en/cookies/
About this notice -> /en/about/ (current)
`)
}
