package site

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// formalSuffix ends the key of the formal twin of a Dutch interface string.
const formalSuffix = "_formal"

// The Dutch words that address the reader, informally and formally.
var (
	informalWords = regexp.MustCompile(`(?i)\b(je|jij|jou|jouw|jezelf)\b`)
	formalWords   = regexp.MustCompile(`(?i)\b(u|uw|uzelf)\b`)
)

// themeStrings reads the theme's interface strings of a language.
func themeStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "themes", defaultTheme, "i18n", lang+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^([a-z_]+) = "(.*)"$`).FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = strings.ReplaceAll(m[2], `\"`, `"`)
	}
	if len(out) < 50 {
		t.Fatalf("only %d strings in %s.toml", len(out), lang)
	}
	return out
}

// twins returns the keys of the Dutch strings that exist in both tones.
func twins(nl map[string]string) []string {
	var out []string
	for k := range nl {
		if base, ok := strings.CutSuffix(k, formalSuffix); ok {
			out = append(out, base)
		}
	}
	sort.Strings(out)
	return out
}

func TestEveryDutchStringHasBothTones(t *testing.T) {
	nl := themeStrings(t, "nl")
	for k, v := range nl {
		if base, ok := strings.CutSuffix(k, formalSuffix); ok {
			if _, ok := nl[base]; !ok {
				t.Errorf("%s: no informal %s", k, base)
			}
			if !formalWords.MatchString(v) || informalWords.MatchString(v) {
				t.Errorf("%s = %q: does not address the reader as u", k, v)
			}
			continue
		}
		formal, hasTwin := nl[k+formalSuffix]
		switch {
		case informalWords.MatchString(v) && !hasTwin:
			t.Errorf("%s = %q: addresses the reader as je, but has no %s%s", k, v, k, formalSuffix)
		case formalWords.MatchString(v):
			t.Errorf("%s = %q: the plain key is the informal form (je, jouw)", k, v)
		case hasTwin && !informalWords.MatchString(v):
			t.Errorf("%s = %q does not address the reader, but has a formal twin %q", k, v, formal)
		}
	}
	if len(twins(nl)) < 15 {
		t.Errorf("only %d strings in two tones", len(twins(nl)))
	}
	for k := range themeStrings(t, "en") {
		if strings.HasSuffix(k, formalSuffix) {
			t.Errorf("en.toml: %s: English has one tone", k)
		}
	}
}

// TestStringsInTwoTonesAreLookedUpByTone checks that no layout bypasses
// the tone: a key with a formal twin is only looked up with partial "t.html".
func TestStringsInTwoTonesAreLookedUpByTone(t *testing.T) {
	keys := twins(themeStrings(t, "nl"))
	direct := regexp.MustCompile(`i18n "(` + strings.Join(keys, "|") + `)"`)
	for _, dir := range []string{filepath.Join(repoRoot, "themes", defaultTheme, "layouts"), filepath.Join(repoRoot, "content")} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range direct.FindAllString(string(b), -1) {
				t.Errorf("%s: %s ignores the tone of address; use partial \"t.html\"", p, m)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// fixedPart returns the longest part of an interface string outside its
// template actions, as it appears in a page.
func fixedPart(s string) string {
	longest := ""
	for _, part := range regexp.MustCompile(`\{\{[^}]*\}\}`).Split(s, -1) {
		if len(part) > len(longest) {
			longest = part
		}
	}
	return html.EscapeString(longest)
}

// dutchPages returns the content of every Dutch page of a built site.
func dutchPages(t *testing.T, public string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	for _, name := range listFiles(t, public) {
		if strings.HasSuffix(name, ".html") && !strings.HasPrefix(name, "en/") {
			b, err := os.ReadFile(filepath.Join(public, name))
			if err != nil {
				t.Fatal(err)
			}
			pages[name] = string(b)
		}
	}
	if len(pages) < 10 {
		t.Fatalf("only %d Dutch pages", len(pages))
	}
	return pages
}

func TestTheToneOfAddressFollowsHugoToml(t *testing.T) {
	nl := themeStrings(t, "nl")
	for _, tc := range []struct{ address, use, avoid string }{
		{"", "", formalSuffix}, // the theme's default
		{"informal", "", formalSuffix},
		{"formal", formalSuffix, ""},
	} {
		t.Run("address="+tc.address, func(t *testing.T) {
			toml := hugoTOML
			if tc.address != "" {
				toml += "[params]\naddress = \"" + tc.address + "\"\n"
			}
			b := buildSite(t, toml, publishtest.Sample())
			pages := dutchPages(t, b.public)
			// A controller outside the EEA has no lead authority: the
			// pages say where to complain instead. Its record also says
			// how to exercise some rights.
			abroad := publishtest.Sample()
			withRightSteps(abroad)
			for i := range abroad.Organisation.Controllers {
				abroad.Organisation.Controllers[i].Country = "US"
			}
			abroad.Organisation.SupervisoryAuthority = register.Authority{}
			// Some of its data others can see (issue 12).
			abroad.Categories["contact-details"].VisibleTo = &register.Visibility{To: "followers", Control: register.Text{"nl": "Zet het uit.", "en": "Switch it off."}}
			for name, page := range dutchPages(t, buildSite(t, toml, abroad).public) {
				pages["abroad/"+name] = page
			}
			for _, k := range twins(nl) {
				use, avoid := fixedPart(nl[k+tc.use]), fixedPart(nl[k+tc.avoid])
				found := false
				for name, page := range pages {
					found = found || strings.Contains(page, use)
					if strings.Contains(page, avoid) {
						t.Errorf("%s: %s in the other tone: %q", name, k, avoid)
					}
				}
				if !found {
					t.Errorf("%s (%q) is on no Dutch page", k+tc.use, use)
				}
			}
			// The sample's record texts say u and uw: on a formal site,
			// the generator's own words (rights, legal bases, safeguards,
			// sources, channel kinds) say so too, and no page says je.
			if tc.address == "formal" {
				for name, page := range pages {
					text := visibleText(page)
					for _, w := range informalWords.FindAllStringIndex(text, -1) {
						from, to := max(0, w[0]-40), min(len(text), w[1]+40)
						t.Errorf("%s: %q in %q", name, text[w[0]:w[1]], strings.Join(strings.Fields(text[from:to]), " "))
					}
				}
				b.assertFileContent("public/rights/index.html", "U mag weten welke persoonsgegevens wij van u hebben", "Zelf regelen in uw account")
			} else {
				b.assertFileContent("public/rights/index.html", "Je mag weten welke persoonsgegevens wij van je hebben", "Zelf regelen in je account")
			}
			// English has one tone.
			b.assertFileContent("public/en/rights/index.html", "Your rights")
		})
	}
}

func TestAnUnknownToneOfAddressIsRefused(t *testing.T) {
	root := project(t, hugoTOML+"[params]\naddress = \"polite\"\n")
	var log bytes.Buffer
	if _, err := Build(Options{Root: root, Register: publishtest.Sample(), Log: &log}); err == nil {
		t.Fatal("the build succeeded")
	}
	want := `hugo.toml: [params] address = "polite": use "informal" (je, jouw) or "formal" (u, uw)`
	if !strings.Contains(log.String(), want) {
		t.Errorf("Hugo's log does not say %q:\n%s", want, log.String())
	}
}

// visibleText returns the text of a page a reader sees or hears: the text
// between the tags, and the attributes read out or shown.
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`).ReplaceAllString(page, " ")
	var attrs []string
	for _, m := range regexp.MustCompile(`\s(?:aria-label|title|alt|content|data-label)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		attrs = append(attrs, m[1])
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " ")
	return html.UnescapeString(text + " " + strings.Join(attrs, " "))
}

// TestTheShippedSiteAddressesReadersInOneTone builds the repository's own
// register and checks every Dutch page, interface strings, derived words,
// record texts and Markdown pages alike, for words of the other tone.
func TestTheShippedSiteAddressesReadersInOneTone(t *testing.T) {
	toml := readRepoFile(t, "hugo.toml")
	m := regexp.MustCompile(`(?m)^address = "(formal|informal)"$`).FindStringSubmatch(toml)
	if m == nil {
		t.Fatal(`hugo.toml does not set address = "formal" or "informal"`)
	}
	avoid, use := formalWords, informalWords
	if m[1] == "formal" {
		avoid, use = informalWords, formalWords
	}
	reg, diags := register.Load(repoRoot)
	if errs, _ := diags.Count(); errs > 0 {
		t.Fatalf("the shipped register does not load:\n%v", diags)
	}
	public := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: repoRoot, PublishDir: public, Register: reg}); err != nil {
		t.Fatal(err)
	}
	pages := dutchPages(t, public)
	if _, ok := pages["about/index.html"]; !ok {
		t.Error("the shipped site has no Markdown page about/")
	}
	uses := 0
	for name, page := range pages {
		text := visibleText(page)
		uses += len(use.FindAllString(text, -1))
		for _, w := range avoid.FindAllStringIndex(text, -1) {
			from, to := max(0, w[0]-40), min(len(text), w[1]+40)
			t.Errorf("%s: %q in %q", name, text[w[0]:w[1]], strings.Join(strings.Fields(text[from:to]), " "))
		}
	}
	if uses < 100 {
		t.Errorf("the Dutch pages address the reader only %d times in the chosen tone", uses)
	}
}
