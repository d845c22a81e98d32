package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
)

func TestMarkdownPagesInBothLanguages(t *testing.T) {
	b := buildSite(t, hugoTOML+`
-- content/about.nl.md --
---
title: Over deze privacyverklaring
description: Voor wie deze verklaring geldt.
---
Deze verklaring geldt voor **iedereen** die Klankwolk gebruikt.

## Wijzigingen

Zie ook [je rechten](/rights/) en het [contact](/#contact).
-- content/about.en.md --
---
title: About this privacy notice
description: Whom this notice covers.
---
This notice covers **everyone** who uses Klankwolk.

## Changes

See also [your rights](/rights/) and [contact](/#contact).
`, publishtest.Sample())
	b.assertFileContent("public/about/index.html",
		`<html lang="nl" dir="ltr">`,
		`<title>Over deze privacyverklaring – Privacycentrum</title>`,
		`<meta name="description" content="Voor wie deze verklaring geldt.">`,
		`<link rel="alternate" hreflang="en" href="https://privacy.example.com/en/about/">`,
		`<li><a href="/en/about/" hreflang="en" lang="en">English</a></li>`,
		`<li><a href="/">Overzicht</a></li>`, // the breadcrumbs
		`<h1 class="heading-xl">Over deze privacyverklaring</h1>`,
		`<div class="prose"><p>Deze verklaring geldt voor <strong>iedereen</strong> die Klankwolk gebruikt.</p>`,
		`<h2 id="wijzigingen">Wijzigingen</h2>`,
		// Links to pages resolve in the page's own language.
		`<a href="/rights/">je rechten</a>`,
		`<a href="/#contact">contact</a>`,
	)
	b.assertFileContent("public/en/about/index.html",
		`<html lang="en" dir="ltr">`,
		`<title>About this privacy notice – Privacy Center</title>`,
		`<li><a href="/about/" hreflang="nl" lang="nl">Nederlands</a></li>`,
		`<h2 id="changes">Changes</h2>`,
		`<a href="/en/rights/">your rights</a>`,
		`<a href="/en/#contact">contact</a>`,
	)
	// Per language: home, 4 sections, the choices and the cookies page, 5
	// activities, 5 categories, 4 recipients, the search page and the
	// Markdown page.
	if b.result.Pages != 46 {
		t.Errorf("Pages = %d, want 46", b.result.Pages)
	}
}

// hostileMarkdown is a content page with raw HTML and script URLs in it.
const hostileMarkdown = `
-- content/hostile.md --
---
title: Vijandig
---
Gewone tekst.

<script>alert("HOSTILE-SCRIPT")</script>

<img src="x" onerror="alert('HOSTILE-ONERROR')">

<iframe src="https://tracker.example/HOSTILE-IFRAME"></iframe>

Een <span style="color:red" onclick="alert('HOSTILE-INLINE')">inline</span> stuk.

[klik](javascript:alert('HOSTILE-LINK')) en ![plaatje](javascript:alert('HOSTILE-IMAGE'))

<a href="javascript:alert('HOSTILE-A')">a</a>
`

func TestRawHTMLInAMarkdownPageNeverReachesTheSite(t *testing.T) {
	root := project(t, hugoTOML+hostileMarkdown)
	var log bytes.Buffer
	res, err := Build(Options{Root: root, Register: publishtest.Sample(), Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	b := &builtSite{t: t, root: root, public: filepath.Join(root, "public"), result: res}
	// The author is told.
	if !strings.Contains(log.String(), `WARN  Raw HTML omitted while rendering "`+filepath.Join(root, "content", "hostile.md")+`"`) {
		t.Errorf("Hugo did not warn about the raw HTML:\n%s", log.String())
	}
	b.assertFileContent("public/hostile/index.html",
		`<p>Gewone tekst.</p>`,
		`<!-- raw HTML omitted -->`,
		`<a href="#ZgotmplZ">klik</a>`,
		`! <script`, `! onerror`, `! <iframe`, `! onclick`, `! javascript:`,
	)
	for _, f := range b.files() {
		if strings.Contains(b.file("public/"+f), "HOSTILE-") {
			t.Errorf("%s contains hostile content", f)
		}
	}
}

func TestHugoTomlCannotLetRawHTMLThrough(t *testing.T) {
	for name, toml := range map[string]string{
		"for all languages": strings.Replace(hugoTOML, `enableRobotsTXT = true`, `enableRobotsTXT = true
[markup.goldmark.renderer]
unsafe = true`, 1),
		"for one language": hugoTOML + `
[languages.en.markup.goldmark.renderer]
unsafe = true
`,
	} {
		t.Run(name, func(t *testing.T) {
			root := project(t, toml+hostileMarkdown)
			_, err := Build(Options{Root: root, Register: publishtest.Sample()})
			want := "site: hugo.toml sets markup.goldmark.renderer.unsafe = true (language en): raw HTML in Markdown pages is never published; write the pages in Markdown, or override the theme's layouts"
			if err == nil || err.Error() != want {
				t.Errorf("err = %v\nwant %s", err, want)
			}
			if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
				t.Error("a site was written")
			}
		})
	}
}
