package site

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// The shipped register, built once for the tests of the choices page and the
// layered hub (issue 12).
var shipped struct {
	once   sync.Once
	reg    *register.Register
	public string
	err    error
}

func shippedSite(t *testing.T) (*register.Register, func(name string) string) {
	t.Helper()
	shipped.once.Do(func() {
		reg, diags := register.Load(repoRoot)
		if errs, _ := diags.Count(); errs > 0 {
			shipped.err = fmt.Errorf("the shipped register does not load:\n%v", diags)
			return
		}
		dir, err := os.MkdirTemp("", "ropa-shipped-")
		if err != nil {
			shipped.err = err
			return
		}
		shipped.reg, shipped.public = reg, filepath.Join(dir, "public")
		_, shipped.err = Build(Options{Root: repoRoot, PublishDir: shipped.public, Register: reg})
	})
	if shipped.err != nil {
		t.Fatal(shipped.err)
	}
	return shipped.reg, func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(shipped.public, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shipped.public != "" {
		os.RemoveAll(filepath.Dir(shipped.public))
	}
	os.Exit(code)
}

// TestTheChoicesPageListsEveryChoiceOfEveryPublicActivity compares the
// choices page of both languages with the records: every choice of every
// public activity, under its activity's topic, in the order of the topics;
// none of a non-public activity anywhere on the site.
func TestTheChoicesPageListsEveryChoiceOfEveryPublicActivity(t *testing.T) {
	reg, file := shippedSite(t)
	n := 0
	for _, lang := range reg.Languages {
		dir := ""
		if lang != reg.DefaultLanguage {
			dir = lang + "/"
		}
		page := file(dir + "choices/index.html")
		// The topics in the order of data/topics.toml.
		var at []int
		for _, id := range reg.Order["topics"] {
			i := strings.Index(page, `<h2 id="topic-`+id+`"`)
			if i < 0 {
				t.Errorf("%s: no section for topic %s", lang, id)
				continue
			}
			at = append(at, i)
		}
		for i := 1; i < len(at); i++ {
			if at[i] < at[i-1] {
				t.Errorf("%s: the topics are not in the order of data/topics.toml", lang)
			}
		}
		for _, a := range reg.Activities {
			for _, c := range a.Choices {
				title := html.EscapeString(c.Title.In(lang, reg.DefaultLanguage))
				if !a.IsPublic() {
					if strings.Contains(page, title) {
						t.Errorf("%s: the choice %q of the non-public activity %s is on the choices page", lang, title, a.ID)
					}
					continue
				}
				n++
				sec := section(t, page, "topic-"+a.Topic)
				if !strings.Contains(sec, "</svg> "+title+"</h3>") {
					t.Errorf("%s: the choice %q of %s is not under its topic %s", lang, title, a.ID, a.Topic)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d choices checked", n)
	}
}

// TestChoicesGivePerPlatformAndNestedSteps: a choice's ways render per
// platform and audience, with nested steps and several links.
func TestChoicesGivePerPlatformAndNestedSteps(t *testing.T) {
	_, file := shippedSite(t)
	for _, tc := range []struct {
		page                                   string
		web, mobile, junior, nested, link2, ad string
	}{
		{"en/choices/index.html", "Website, Desktop app", "iPhone and iPad, Android", "For Junior profiles",
			"Choose &#39;Close account&#39; and confirm.<ol class=\"list list--number\">\n  <li>If you have a paid subscription",
			"Help with closing your account", "iPhone and iPad</h4>"},
		{"choices/index.html", "Website, Desktop-app", "iPhone en iPad, Android", "Voor Junior-profielen",
			"Kies &#39;Account opheffen&#39; en bevestig.<ol class=\"list list--number\">\n  <li>Heb je een betaald abonnement",
			"Hulp bij het opheffen van je account", "iPhone en iPad</h4>"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			page := file(tc.page)
			inOrder(t, section(t, page, "topic-your-account"), `<h4 class="choice__way">`+tc.web+`</h4>`, tc.nested,
				`<h4 class="choice__way">`+tc.mobile+`</h4>`, `<h4 class="choice__way">`+tc.junior+`</h4>`, tc.link2)
			if !strings.Contains(section(t, page, "topic-ads"), `<h4 class="choice__way">`+tc.ad) {
				t.Errorf("the advertising ID choice has no steps for iOS")
			}
		})
	}
}

// TestChoicesThatExerciseARightAppearUnderItOnTheRightsPage.
func TestChoicesThatExerciseARightAppearUnderItOnTheRightsPage(t *testing.T) {
	reg, file := shippedSite(t)
	checked := 0
	for _, lang := range reg.Languages {
		dir := ""
		if lang != reg.DefaultLanguage {
			dir = lang + "/"
		}
		page := file(dir + "rights/index.html")
		for _, a := range reg.Activities {
			for _, c := range a.Choices {
				title := html.EscapeString(c.Title.In(lang, reg.DefaultLanguage))
				if c.Right == "" || !a.IsPublic() {
					continue
				}
				checked++
				if !strings.Contains(section(t, page, c.Right), "</svg> "+title+"</h4>") {
					t.Errorf("%s: the choice %q of %s is not under the right %s", lang, title, a.ID, c.Right)
				}
			}
		}
	}
	if checked < 6 {
		t.Errorf("only %d rights-linked choices checked", checked)
	}
}

// TestNoChoiceOfANonPublicActivityReachesTheSite: the canary of the new
// pages; the choice texts of a non-public activity are nowhere.
func TestNoChoiceOfANonPublicActivityReachesTheSite(t *testing.T) {
	reg, _ := shippedSite(t)
	var secrets []string
	for _, a := range reg.Activities {
		if a.IsPublic() {
			continue
		}
		for _, c := range a.Choices {
			for _, s := range c.Title {
				secrets = append(secrets, s)
			}
			for _, st := range c.Steps {
				for _, s := range st.Text {
					secrets = append(secrets, s)
				}
			}
		}
	}
	if len(secrets) == 0 {
		t.Fatal("the shipped register has no choice of a non-public activity to look for")
	}
	for _, name := range listFiles(t, shipped.public) {
		b, _ := os.ReadFile(filepath.Join(shipped.public, name))
		text := html.UnescapeString(string(b))
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s contains %q of a non-public activity's choice", name, s)
			}
		}
	}
}

var (
	invisible = regexp.MustCompile(`(?is)<(script|style|svg)\b.*?</(script|style|svg)>|<!--.*?-->`)
	tag       = regexp.MustCompile(`(?s)<[^>]*>`)
)

// visibleWords counts the words of a page's visible text: without scripts,
// styles, inline pictures, comments and tags.
func visibleWords(page string) int {
	s := invisible.ReplaceAllString(page, " ")
	if _, body, ok := strings.Cut(s, "<body"); ok {
		s = body
	}
	s = html.UnescapeString(tag.ReplaceAllString(s, " "))
	return len(strings.Fields(s))
}

// TestTheHubIsAFirstLayer: the hub of the shipped register is at most 1,500
// words of visible text in each language, and every fact the hub used to
// carry (purposes, summaries, data descriptions and examples, recipients,
// transfers, retention, measures, what happens without the data) is on the
// hub or on a page it links to: one click away.
func TestTheHubIsAFirstLayer(t *testing.T) {
	reg, file := shippedSite(t)
	href := regexp.MustCompile(`href="(/[^"#]*)`)
	for _, lang := range reg.Languages {
		dir := ""
		if lang != reg.DefaultLanguage {
			dir = lang + "/"
		}
		hub := file(dir + "index.html")
		if n := visibleWords(hub); n > 1500 {
			t.Errorf("%s: the hub has %d words of visible text; at most 1,500", lang, n)
		} else {
			t.Logf("%s: the hub has %d words", lang, n)
		}
		layer := []string{hub}
		seen := map[string]bool{}
		for _, m := range href.FindAllStringSubmatch(hub, -1) {
			p := strings.TrimPrefix(m[1], "/")
			if seen[p] || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".css") {
				continue
			}
			seen[p] = true
			layer = append(layer, file(p+"index.html"))
		}
		oneClick := html.UnescapeString(strings.Join(layer, "\n"))
		var facts []string
		tx := func(ts ...register.Text) {
			for _, t := range ts {
				if s := t.In(lang, reg.DefaultLanguage); s != "" {
					facts = append(facts, s)
				}
			}
		}
		for _, a := range reg.Activities {
			if !a.IsPublic() {
				continue
			}
			tx(a.Name, a.Summary)
			tx(a.PurposeTexts()...)
			for _, k := range a.Retention {
				tx(k.Trigger, k.Criteria)
			}
			for _, tr := range a.Transfers {
				tx(tr.Details)
			}
			if a.Requirement != nil {
				tx(a.Requirement.Consequence)
			}
			for _, c := range a.Choices {
				tx(c.Title)
			}
			for _, id := range a.Categories {
				c := reg.Categories[id]
				tx(c.Name, c.Description)
				tx(c.Examples...)
			}
			for _, id := range a.Recipients {
				r := reg.Recipients[id]
				tx(r.Description)
				facts = append(facts, r.Name.In(lang, reg.DefaultLanguage))
			}
			for _, id := range a.Measures {
				tx(reg.Measures[id].Name, reg.Measures[id].Description)
			}
		}
		tx(reg.Organisation.Security)
		if c := reg.Organisation.Children; c != nil {
			tx(c.Statement)
		}
		if len(facts) < 200 {
			t.Fatalf("%s: only %d facts to look for", lang, len(facts))
		}
		for _, f := range facts {
			if !strings.Contains(oneClick, f) {
				t.Errorf("%s: %q is not on the hub nor one click away", lang, f)
			}
		}
	}
}

// TestWhatOthersCanSee: every public data category and activity that says
// who else sees its data is in the choices page's section, in both
// languages, with who sees it and how to control it.
func TestWhatOthersCanSee(t *testing.T) {
	reg, file := shippedSite(t)
	who := map[string]map[string]string{
		"nl": {"public": "Iedereen, ook zonder account", "other-users": "Andere gebruikers van onze dienst", "followers": "Mensen die je volgen"},
		"en": {"public": "Everyone, also without an account", "other-users": "Other users of our service", "followers": "People who follow you"},
	}
	n := 0
	for _, lang := range reg.Languages {
		dir := ""
		if lang != reg.DefaultLanguage {
			dir = lang + "/"
		}
		sec := html.UnescapeString(section(t, file(dir+"choices/index.html"), "visible"))
		check := func(name register.Text, v *register.Visibility) {
			n++
			inOrder(t, sec, ">"+name.In(lang, reg.DefaultLanguage)+"</a></h3>", "<dd>"+who[lang][v.To]+"</dd>", v.What.In(lang, reg.DefaultLanguage), v.Control.In(lang, reg.DefaultLanguage))
		}
		for _, id := range reg.Order["categories"] {
			if c := reg.Categories[id]; c.VisibleTo != nil {
				check(c.Name, c.VisibleTo)
			}
		}
		for _, a := range reg.Activities {
			if a.VisibleTo != nil && a.IsPublic() {
				check(a.Name, a.VisibleTo)
			}
		}
	}
	if n < 8 {
		t.Errorf("only %d visible items checked", n)
	}
}

// TestIconsAreDecorativeAndAlwaysBesideText: every inline icon of the site
// is hidden from screen readers, never focusable, and followed by text in
// the same element; none is an external file.
func TestIconsAreDecorativeAndAlwaysBesideText(t *testing.T) {
	_, file := shippedSite(t)
	// After the icon: text, or a link or emphasis that holds text.
	icon := regexp.MustCompile(`<svg class="icon"[^>]*>.*?</svg>\s*(?:<a [^>]*>|<strong>)?([^<]*)`)
	n := 0
	for _, name := range listFiles(t, shipped.public) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := file(name)
		for _, m := range icon.FindAllStringSubmatch(page, -1) {
			n++
			if !strings.Contains(m[0], `aria-hidden="true" focusable="false"`) {
				t.Errorf("%s: an icon is not aria-hidden and unfocusable: %.120s", name, m[0])
			}
			if strings.TrimSpace(m[1]) == "" {
				t.Errorf("%s: an icon without text beside it: %.200s", name, m[0])
			}
		}
		if strings.Contains(page, `<img src="`) && strings.Contains(page, ".svg") {
			t.Errorf("%s: an icon as an external file", name)
		}
	}
	if n < 100 {
		t.Errorf("only %d icons found", n)
	}
}

// TestActivitiesAreListedByTopicInTheSameOrderInBothLanguages: the hub and
// the activities page list the activities by topic, in the order of
// data/topics.toml, and in the same order in every language (not by name,
// which sorts differently per language).
func TestActivitiesAreListedByTopicInTheSameOrderInBothLanguages(t *testing.T) {
	reg, file := shippedSite(t)
	link := regexp.MustCompile(`href="(?:/en)?/activities/([a-z0-9-]+)/"`)
	rank := reg.Ranks("topics")
	topicOf := map[string]string{}
	for _, a := range reg.Activities {
		topicOf[a.ID] = a.Topic
	}
	for _, page := range []string{"index.html", "activities/index.html"} {
		var orders [][]string
		for _, dir := range []string{"", "en/"} {
			var ids []string
			text := file(dir + page)
			if page == "index.html" {
				text = section(t, text, "why") // the hub's list of purposes
			}
			for _, m := range link.FindAllStringSubmatch(text, -1) {
				if len(ids) == 0 || ids[len(ids)-1] != m[1] {
					ids = append(ids, m[1])
				}
			}
			orders = append(orders, ids)
			for i := 1; i < len(ids); i++ {
				if rank[topicOf[ids[i]]] < rank[topicOf[ids[i-1]]] {
					t.Errorf("%s%s: %s (%s) comes after %s (%s): not in the order of the topics", dir, page, ids[i], topicOf[ids[i]], ids[i-1], topicOf[ids[i-1]])
				}
			}
		}
		if strings.Join(orders[0], " ") != strings.Join(orders[1], " ") {
			t.Errorf("%s: the languages list the activities in different orders:\nnl %v\nen %v", page, orders[0], orders[1])
		}
		if len(orders[0]) < 15 {
			t.Errorf("%s: only %d activities found", page, len(orders[0]))
		}
	}
}
