package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
)

// searchScript is the one script the site may have: the search page's own,
// from the site itself, fingerprinted, deferred.
var searchScript = regexp.MustCompile(`<script src="/js/search\.[0-9a-f]{96}\.js" integrity="sha384-(?:[A-Za-z0-9/=]|&#43;)+" defer></script>`)

// searchPageScript tells whether the only script of a page is the search
// page's own.
func searchPageScript(name, content string) bool {
	return strings.HasSuffix(name, "search/index.html") &&
		strings.Count(content, "<script") == 1 && len(searchScript.FindAllString(content, -1)) == 1
}

type searchEntry struct {
	Title   string `json:"t"`
	Kind    string `json:"k"`
	URL     string `json:"u"`
	Snippet string `json:"s"`
	Text    string `json:"x"`
}

func readSearchIndex(t *testing.T, b *builtSite, name string) []searchEntry {
	t.Helper()
	var entries []searchEntry
	if err := json.Unmarshal([]byte(b.file(name)), &entries); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return entries
}

// TestTheSearchPageListsEverythingAndHasAnIndex checks the search page in
// both languages: a form that works without script (GET to the page itself),
// the A–Z list of every activity, kind of data, recipient, choice, right and
// page with a link, and the JSON index with the same entries.
func TestTheSearchPageListsEverythingAndHasAnIndex(t *testing.T) {
	b := buildSite(t, hugoTOML+`
-- content/about.nl.md --
---
title: Over deze verklaring
description: Voor wie deze verklaring geldt.
---
Geldt voor iedereen.
-- content/about.en.md --
---
title: About this notice
description: Whom this notice covers.
---
Covers everyone.
`, publishtest.Sample())
	b.assertFileContent("public/en/search/index.html",
		`<title>Search – Privacy Center</title>`,
		`<form class="search" action="/en/search/" method="get" role="search" data-index="/en/search/index.json" data-nothing="Nothing found. Try another word, or look in the list below." data-found-single="1 result" data-found-count="{n} results">`,
		`<label class="search__label" for="search-q">Search this privacy center</label>`,
		`<input class="search__input" type="search" id="search-q" name="q" autocomplete="off">`,
		`<p class="search__status" id="search-status" role="status" aria-live="polite"></p>`,
		`<h2 id="search-all-title" class="heading-l">Everything, A to Z</h2>`,
		`<li><a href="/en/activities/fraud-prevention/">Preventing fraud</a> <span class="hint">Processing activity</span><br>`,
		`<li><a href="/en/recipients/cloud-host/">Cloudhost Inc.</a> <span class="hint">Recipient</span><br>Hosts our systems.</li>`,
		`<li><a href="/en/personal-data/contact-details/">Contact details</a> <span class="hint">Personal data</span><br>How we reach you.</li>`,
		`<li><a href="/en/activities/newsletter/">Unsubscribe from the newsletter</a> <span class="hint">Choice</span>`,
		`<li><a href="/en/rights/#erasure">Right to erasure</a> <span class="hint">Right</span>`,
		`<li><a href="/en/cookies/">Cookies and similar technologies</a> <span class="hint">Page</span></li>`,
		`<li><a href="/en/about/">About this notice</a> <span class="hint">Page</span><br>Whom this notice covers.</li>`,
	)
	b.assertFileContent("public/search/index.html",
		`<title>Zoeken – Privacycentrum</title>`,
		`<form class="search" action="/search/" method="get" role="search" data-index="/search/index.json"`,
		`<li><a href="/activities/fraud-prevention/">Fraude voorkomen</a> <span class="hint">Verwerking</span><br>`,
		`<li><a href="/activities/newsletter/">Afmelden voor de nieuwsbrief</a> <span class="hint">Keuze</span>`,
		`<li><a href="/recipients/tax-authority/">Belastingdienst</a> <span class="hint">Ontvanger</span><br>Controleert onze administratie.</li>`,
	)
	// Every page has the search form in its header, to the search page of
	// its language.
	b.assertFileContent("public/en/activities/newsletter/index.html",
		`<form class="header__search" action="/en/search/" method="get" role="search">`,
		`<label class="visually-hidden" for="site-search-q">Search this privacy center</label>`,
	)
	b.assertFileContent("public/index.html", `<form class="header__search" action="/search/" method="get" role="search">`)

	for _, lang := range []string{"", "en/"} {
		entries := readSearchIndex(t, b, "public/"+lang+"search/index.json")
		var titles []string
		for _, e := range entries {
			titles = append(titles, e.Title)
			if !strings.HasPrefix(e.URL, "/"+lang) || e.Kind == "" {
				t.Errorf("/%ssearch/index.json: entry %+v", lang, e)
			}
		}
		// The same entries as the A–Z list, in its order.
		page := b.file("public/" + lang + "search/index.html")
		list := page[strings.Index(page, `id="search-all"`):]
		at := 0
		for _, e := range entries {
			link := `<a href="` + e.URL + `">` + htmlEscape(e.Title) + `</a>`
			i := strings.Index(list[at:], link)
			if i < 0 {
				t.Errorf("/%ssearch/: %s is not in the A–Z list, after the entry before it", lang, link)
				continue
			}
			at += i
		}
		if !slices.IsSortedFunc(titles, strings.Compare) {
			t.Errorf("/%ssearch/index.json is not in the order of the titles: %q", lang, titles)
		}
		// 5 activities, 5 categories, 4 recipients, 4 choices, the rights,
		// 5 sections and the Markdown page.
		if len(entries) < 5+5+4+4+4+5+1 {
			t.Errorf("/%ssearch/index.json has %d entries: %q", lang, len(entries), titles)
		}
	}
	en := readSearchIndex(t, b, "public/en/search/index.json")
	want := map[string]string{
		"Preventing fraud":                "/en/activities/fraud-prevention/",
		"Unsubscribe from the newsletter": "/en/activities/newsletter/",
		"Helpdesk Services Pvt Ltd":       "/en/recipients/support-desk/",
		"Health data":                     "/en/personal-data/health-data/",
		"Right of access":                 "/en/rights/#access",
		"Your rights":                     "/en/rights/",
	}
	for _, e := range en {
		if u, ok := want[e.Title]; ok && u == e.URL {
			delete(want, e.Title)
		}
	}
	for title, u := range want {
		t.Errorf("the English index has no %q at %s", title, u)
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestTheSearchIndexHoldsNoInternalField builds the register with canaries
// in every internal field: the search indexes exist, hold public names, and
// no canary.
func TestTheSearchIndexHoldsNoInternalField(t *testing.T) {
	reg, _ := publishtest.WithCanaries()
	b := buildSite(t, hugoTOML, reg)
	for _, name := range []string{"search/index.json", "en/search/index.json", "search/index.html", "en/search/index.html"} {
		content, err := os.ReadFile(filepath.Join(b.public, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(content)), publishtest.Canary) {
			t.Errorf("%s contains the canary", name)
		}
		if !strings.Contains(string(content), "Cloudhost Inc.") {
			t.Errorf("%s does not name the public recipient Cloudhost Inc.", name)
		}
	}
}
