package site

import (
	"html"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// sentenceCase says how to check one row of docs/sentences.md: the page of
// the English site it is on, how to make the sample register state the field
// (nil: the sample already does), and how to make the sample lack it.
type sentenceCase struct {
	page    string
	with    func(*register.Register)
	without func(*register.Register)
}

func activityOf(reg *register.Register, id string) *register.Activity {
	for _, a := range reg.Activities {
		if a.ID == id {
			return a
		}
	}
	panic("no activity " + id)
}

// on returns a change to one activity of the sample.
func on(id string, change func(*register.Activity)) func(*register.Register) {
	return func(reg *register.Register) { change(activityOf(reg, id)) }
}

// everyActivity returns a change to every activity of the sample.
func everyActivity(change func(*register.Activity)) func(*register.Register) {
	return func(reg *register.Register) {
		for _, a := range reg.Activities {
			change(a)
		}
	}
}

func both(fs ...func(*register.Register)) func(*register.Register) {
	return func(reg *register.Register) {
		for _, f := range fs {
			f(reg)
		}
	}
}

const (
	accountPage    = "public/en/activities/account/index.html"
	newsletterPage = "public/en/activities/newsletter/index.html"
	fraudPage      = "public/en/activities/fraud-prevention/index.html"
	taxPage        = "public/en/activities/tax-records/index.html"
	hubPage        = "public/en/index.html"
	rightsPage     = "public/en/rights/index.html"
)

var (
	noRecipients = everyActivity(func(a *register.Activity) { a.Recipients, a.Transfers = []string{}, []register.Transfer{} })
	noTransfers  = everyActivity(func(a *register.Activity) { a.Transfers = []register.Transfer{} })
)

// sentenceCases has one case per row of the table in docs/sentences.md.
var sentenceCases = map[string]sentenceCase{
	"balancing":          {page: fraudPage, without: on("fraud-prevention", func(a *register.Activity) { a.Internal = nil })},
	"no-recipients":      {page: newsletterPage, without: on("newsletter", func(a *register.Activity) { a.Recipients = nil })},
	"no-recipients-hub":  {page: hubPage, with: noRecipients, without: both(noRecipients, on("newsletter", func(a *register.Activity) { a.Recipients = nil }))},
	"no-transfers":       {page: taxPage, without: on("tax-records", func(a *register.Activity) { a.Transfers = nil })},
	"no-transfers-hub":   {page: hubPage, with: noTransfers, without: both(noTransfers, on("tax-records", func(a *register.Activity) { a.Transfers = nil }))},
	"automated-none":     {page: accountPage, without: on("account", func(a *register.Activity) { a.AutomatedDecisions.Used = true })},
	"automated-used":     {page: fraudPage, without: on("fraud-prevention", func(a *register.Activity) { a.AutomatedDecisions.Used = false })},
	"erasure-law":        {page: taxPage, without: on("tax-records", func(a *register.Activity) { a.LegalBasis = "contract" })},
	"erasure-claims":     {page: accountPage, with: on("account", func(a *register.Activity) { a.LegalClaims = true }), without: func(*register.Register) {}},
	"portability-basis":  {page: taxPage, without: on("tax-records", func(a *register.Activity) { a.LegalBasis = "contract" })},
	"portability-manual": {page: accountPage, with: on("account", func(a *register.Activity) { a.Manual = true }), without: func(*register.Register) {}},
	"object-basis":       {page: accountPage, without: on("account", func(a *register.Activity) { a.LegalBasis = "legitimate-interests" })},
	"withdraw-basis":     {page: accountPage, without: on("account", func(a *register.Activity) { a.LegalBasis = "consent" })},
	"basis-consent":      {page: newsletterPage, without: on("newsletter", func(a *register.Activity) { a.LegalBasis = "contract" })},
	"basis-obligation":   {page: taxPage, without: on("tax-records", func(a *register.Activity) { a.LegalBasis = "contract" })},
	"children":           {page: accountPage, without: on("account", func(a *register.Activity) { a.Children = false })},
	"scc-copy":           {page: accountPage, without: on("account", func(a *register.Activity) { a.Transfers[1].Copy = "" })},
	"copy-published": {page: accountPage, with: on("account", func(a *register.Activity) { a.Transfers[1].Copy = "https://example.com/scc.pdf" }),
		without: on("account", func(a *register.Activity) { a.Transfers[1].Copy = "" })},
	"dpf": {page: accountPage, without: on("account", func(a *register.Activity) { a.Transfers[0].Safeguard = "scc" })},
	"no-lead-authority": {page: hubPage, with: func(reg *register.Register) {
		reg.Organisation.Controllers[0].Country = "US"
		reg.Organisation.SupervisoryAuthority = register.Authority{}
	}, without: func(*register.Register) {}},
	"right-how":       {page: rightsPage, with: withRightSteps, without: func(*register.Register) {}},
	"complaint-us":    {page: rightsPage, with: withRightSteps, without: func(reg *register.Register) { withRightSteps(reg); reg.Organisation.Rights.Complaint = nil }},
	"requirement-law": {page: taxPage, without: on("tax-records", func(a *register.Activity) { a.Requirement.Statutory = false })},
	"cookie-strictly-necessary": {page: newsletterPage, without: on("newsletter", func(a *register.Activity) {
		for i := range a.Cookies {
			a.Cookies[i].Category = "functional"
		}
	})},
	"cookie-first-party": {page: newsletterPage, without: on("newsletter", func(a *register.Activity) {
		for i := range a.Cookies {
			a.Cookies[i].Provider = "third-party"
		}
	})},
	"cookie-session": {page: newsletterPage, without: on("newsletter", func(a *register.Activity) {
		for i := range a.Cookies {
			a.Cookies[i].Lifetime = "P1D"
		}
	})},
	// Your choices in one place (issue 12).
	"choices-none":      {page: "public/en/choices/index.html", with: everyActivity(func(a *register.Activity) { a.Choices = nil }), without: func(*register.Register) {}},
	"transfers-hub":     {page: hubPage, without: noTransfers},
	"flow-transfer":     {page: accountPage, without: on("account", func(a *register.Activity) { a.Transfers = a.Transfers[:1] })},
	"flow-transfer-map": {page: hubPage, without: noTransfers},
	"visible-public": {page: "public/en/choices/index.html", with: func(reg *register.Register) {
		reg.Categories["contact-details"].VisibleTo = &register.Visibility{To: "public", Control: register.Text{"nl": "Zet het uit.", "en": "Switch it off."}}
	}, without: func(*register.Register) {}},
}

// sentenceRows reads the id and English sentence of each row of the table
// in docs/sentences.md.
func sentenceRows(t *testing.T) map[string]string {
	t.Helper()
	doc, err := os.ReadFile(repoRoot + "/docs/sentences.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(doc), "<!-- sentences:")
	if !ok {
		t.Fatal("docs/sentences.md has no <!-- sentences: --> table")
	}
	rows := map[string]string{}
	for line := range strings.SplitSeq(table, "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| `") || len(cells) < 5 {
			if len(rows) > 0 && !strings.HasPrefix(line, "|") {
				break // the end of the table
			}
			continue
		}
		id := strings.Trim(strings.TrimPrefix(cells[0], "| "), "`")
		if _, dup := rows[id]; dup {
			t.Errorf("docs/sentences.md: row %q twice", id)
		}
		rows[id] = cells[1]
	}
	return rows
}

// TestEveryGeneratedSentenceNeedsItsField keeps docs/sentences.md true: each
// listed sentence is on its page when its field says so, and not when the
// field is taken away.
func TestEveryGeneratedSentenceNeedsItsField(t *testing.T) {
	rows := sentenceRows(t)
	if len(rows) < 10 {
		t.Fatalf("docs/sentences.md: read only %d rows", len(rows))
	}
	for id := range sentenceCases {
		if _, ok := rows[id]; !ok {
			t.Errorf("test case %q has no row in docs/sentences.md", id)
		}
	}
	ids := make([]string, 0, len(rows))
	for id := range rows {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	pageText := func(b *builtSite, page string) string { return html.UnescapeString(b.file(page)) }
	for _, id := range ids {
		sentence := rows[id]
		t.Run(id, func(t *testing.T) {
			tc, ok := sentenceCases[id]
			if !ok {
				t.Fatalf("docs/sentences.md row %q has no test case", id)
			}
			reg := publishtest.Sample()
			if tc.with != nil {
				tc.with(reg)
			}
			if text := pageText(buildSite(t, hugoTOML, reg), tc.page); !strings.Contains(text, sentence) {
				t.Errorf("with its field, %s does not say %q", tc.page, sentence)
			}
			reg = publishtest.Sample()
			tc.without(reg)
			if text := pageText(buildSite(t, hugoTOML, reg), tc.page); strings.Contains(text, sentence) {
				t.Errorf("without its field, %s still says %q", tc.page, sentence)
			}
		})
	}
}
