package publish

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Rights as the GDPR grants them: erasure not where the law or a public task
// requires the processing (Art. 17(3)(b)), portability only on consent or
// contract by automated means (Art. 20(1)), objection only on legitimate
// interests or public task (Art. 21(1)); each right that does not apply says why.
func TestRightsForEachLegalBasis(t *testing.T) {
	tests := []struct {
		basis                     string
		automated, manual, claims bool
		want, wantLimits, wantNot string
	}{
		{basis: "consent", want: "access rectification erasure restriction portability withdraw-consent", wantNot: "object:art21-1"},
		{basis: "contract", want: "access rectification erasure restriction portability", wantNot: "object:art21-1 withdraw-consent:art7-3"},
		{basis: "contract", manual: true, want: "access rectification erasure restriction", wantNot: "portability:art20-1-b object:art21-1 withdraw-consent:art7-3"},
		{basis: "legal-obligation", want: "access rectification restriction", wantNot: "erasure:art17-3-b portability:art20-1-a object:art21-1 withdraw-consent:art7-3"},
		{basis: "vital-interests", want: "access rectification erasure restriction", wantNot: "portability:art20-1-a object:art21-1 withdraw-consent:art7-3"},
		{basis: "public-task", want: "access rectification restriction object", wantNot: "erasure:art17-3-b portability:art20-1-a withdraw-consent:art7-3"},
		{basis: "legitimate-interests", want: "access rectification erasure restriction object", wantNot: "portability:art20-1-a withdraw-consent:art7-3"},
		{basis: "legitimate-interests", claims: true, want: "access rectification erasure restriction object", wantLimits: "erasure:art17-3-e", wantNot: "portability:art20-1-a withdraw-consent:art7-3"},
		{basis: "legitimate-interests", automated: true, want: "access rectification erasure restriction object automated-decisions", wantNot: "portability:art20-1-a withdraw-consent:art7-3"},
		{basis: "contract", automated: true, want: "access rectification erasure restriction portability automated-decisions", wantNot: "object:art21-1 withdraw-consent:art7-3"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/automated=%v/manual=%v/claims=%v", tt.basis, tt.automated, tt.manual, tt.claims)
		t.Run(name, func(t *testing.T) {
			a := &register.Activity{Purposes: register.PurposesOf(register.Text{"": "p"}), LegalBasis: tt.basis, Manual: tt.manual, LegalClaims: tt.claims}
			a.AutomatedDecisions.Used = tt.automated
			grants, denials := rightsOf(a)
			if got := strings.Join(rightIDs(grants), " "); got != tt.want {
				t.Errorf("rights = %q, want %q", got, tt.want)
			}
			var limits, not []string
			for _, g := range grants {
				for _, l := range g.limits {
					limits = append(limits, g.id+":"+l)
				}
			}
			for _, d := range denials {
				not = append(not, d.id+":"+d.reason)
			}
			if got := strings.Join(limits, " "); got != tt.wantLimits {
				t.Errorf("limits = %q, want %q", got, tt.wantLimits)
			}
			if got := strings.Join(not, " "); got != tt.wantNot {
				t.Errorf("not applying = %q, want %q", got, tt.wantNot)
			}
		})
	}
}

// Rights are the union of the purposes' rights, and each says which purposes
// it applies to; erasure is limited where a purpose is required by law.
func TestRightsPerPurpose(t *testing.T) {
	a := &register.Activity{
		LegalBasis: "contract",
		Purposes: []register.Purpose{
			{Purpose: register.Text{"": "delivery"}},
			{Purpose: register.Text{"": "fraud"}, LegalBasis: "legitimate-interests"},
			{Purpose: register.Text{"": "news"}, LegalBasis: "consent"},
			{Purpose: register.Text{"": "invoices"}, LegalBasis: "legal-obligation"},
		},
	}
	grants, denials := rightsOf(a)
	var got []string
	for _, g := range grants {
		got = append(got, fmt.Sprint(g.id, g.purposes, g.limits))
	}
	want := "access[0 1 2 3] []|rectification[0 1 2 3] []|erasure[0 1 2] [art17-3-b]|restriction[0 1 2 3] []|portability[0 2] []|object[1] []|withdraw-consent[2] []"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("rights = %s\nwant     %s", s, want)
	}
	if len(denials) != 0 {
		t.Errorf("denials = %v, want none", denials)
	}
	if got, want := strings.Join(purposeRights(grants, 3), " "), "access rectification restriction"; got != want {
		t.Errorf("rights of purpose 3 = %q, want %q", got, want)
	}
	for _, w := range []*words{dutch, english} {
		for _, code := range []string{erasureLaw, erasureClaims, portabilityBasis, portabilityManual, objectBasis, withdrawBasis} {
			if w.reasons[code] == "" {
				t.Errorf("reason %q has no words", code)
			}
		}
	}
}

func TestRightsAreNamedAndCitedInEveryLanguage(t *testing.T) {
	tests := []struct {
		lang, right, name, article string
	}{
		{"nl", "access", "Recht op inzage", "art. 15 AVG"},
		{"en", "access", "Right of access", "Art. 15 GDPR"},
		{"nl", "portability", "Recht op overdraagbaarheid", "art. 20 AVG"},
		{"en", "object", "Right to object", "Art. 21 GDPR"},
		{"nl", "withdraw-consent", "Recht om toestemming in te trekken", "art. 7 lid 3 AVG"},
		{"en", "withdraw-consent", "Right to withdraw consent", "Art. 7(3) GDPR"},
		{"en", "automated-decisions", "Rights related to automated decisions", "Art. 22 GDPR"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.right, func(t *testing.T) {
			w := wordsFor(tt.lang)
			if got := w.rights[tt.right].Name; got != tt.name {
				t.Errorf("name = %q, want %q", got, tt.name)
			}
			if got := w.rightArticle(tt.right); got != tt.article {
				t.Errorf("article = %q, want %q", got, tt.article)
			}
		})
	}
	for _, w := range []*words{dutch, english} {
		for _, r := range rightOrder {
			if w.rights[r].Name == "" || w.rights[r].Description == "" || w.rightArticles[r] == "" {
				t.Errorf("right %q has no words", r)
			}
		}
	}
}

func TestLegalBasisInPlainWords(t *testing.T) {
	tests := []struct {
		lang, basis, name, article string
	}{
		{"nl", "consent", "Toestemming", "art. 6 lid 1 sub a AVG"},
		{"en", "consent", "Consent", "Art. 6(1)(a) GDPR"},
		{"nl", "contract", "Overeenkomst", "art. 6 lid 1 sub b AVG"},
		{"en", "legal-obligation", "Legal obligation", "Art. 6(1)(c) GDPR"},
		{"en", "vital-interests", "Vital interests", "Art. 6(1)(d) GDPR"},
		{"nl", "public-task", "Taak van algemeen belang", "art. 6 lid 1 sub e AVG"},
		{"en", "legitimate-interests", "Legitimate interests", "Art. 6(1)(f) GDPR"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.basis, func(t *testing.T) {
			w := wordsFor(tt.lang)
			if got := w.legalBases[tt.basis].Name; got != tt.name {
				t.Errorf("name = %q, want %q", got, tt.name)
			}
			if got := w.legalBasisArticle(tt.basis); got != tt.article {
				t.Errorf("article = %q, want %q", got, tt.article)
			}
		})
	}
}

func TestRetentionPeriodInWords(t *testing.T) {
	tests := []struct {
		period, nl, en string
	}{
		{"P7Y", "7 jaar", "7 years"},
		{"P1Y", "1 jaar", "1 year"},
		{"P18M", "18 maanden", "18 months"},
		{"P1M", "1 maand", "1 month"},
		{"P30D", "30 dagen", "30 days"},
		{"P1D", "1 dag", "1 day"},
		{"P2W", "2 weken", "2 weeks"},
		{"P1W", "1 week", "1 week"},
		{"P1Y6M", "1 jaar en 6 maanden", "1 year and 6 months"},
		{"P2Y1M1W3D", "2 jaar, 1 maand, 1 week en 3 dagen", "2 years, 1 month, 1 week and 3 days"},
		{"P0D", "0 dagen", "0 days"},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			for lang, want := range map[string]string{"nl": tt.nl, "en": tt.en} {
				got, err := wordsFor(lang).duration(tt.period)
				if err != nil {
					t.Fatalf("%s: %v", lang, err)
				}
				if got != want {
					t.Errorf("%s: duration(%q) = %q, want %q", lang, tt.period, got, want)
				}
			}
		})
	}
}

func TestCookieLifetimeInWords(t *testing.T) {
	tests := []struct {
		lifetime, nl, en string
	}{
		{"session", "Tot het einde van de sessie", "Until the end of the session"},
		{"P13M", "13 maanden", "13 months"},
		{"P1D", "1 dag", "1 day"},
		{"PT30M", "30 minuten", "30 minutes"},
		{"PT1H", "1 uur", "1 hour"},
		{"PT10S", "10 seconden", "10 seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.lifetime, func(t *testing.T) {
			for lang, want := range map[string]string{"nl": tt.nl, "en": tt.en} {
				got, err := wordsFor(lang).lifetime(tt.lifetime)
				if err != nil {
					t.Fatalf("%s: %v", lang, err)
				}
				if got != want {
					t.Errorf("%s: lifetime(%q) = %q, want %q", lang, tt.lifetime, got, want)
				}
			}
		})
	}
	for _, bad := range []string{"PT", "PTM", "PT5X", "1 year"} {
		if got, err := english.lifetime(bad); err == nil {
			t.Errorf("lifetime(%q) = %q, want an error", bad, got)
		}
	}
}

func TestRetentionPeriodErrors(t *testing.T) {
	tests := []struct {
		period, want string
	}{
		{"", `period "": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"7Y", `period "7Y": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"P", `period "P": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"PY", `period "PY": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"P7", `period "P7": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"P1DT2H", `period "P1DT2H": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"P6M1Y", `period "P6M1Y": unit 'Y' is not one of Y, M, W, D (in that order)`},
		{"P99999999999999999999D", `period "P99999999999999999999D": strconv.Atoi: parsing "99999999999999999999": value out of range`},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			_, err := english.duration(tt.period)
			if err == nil || err.Error() != tt.want {
				t.Errorf("duration(%q) error = %v, want %q", tt.period, err, tt.want)
			}
		})
	}
}

func TestDateInWords(t *testing.T) {
	tests := []struct {
		date, nl, en string
	}{
		{"2026-11-22", "22 november 2026", "22 November 2026"},
		{"2026-03-01", "1 maart 2026", "1 March 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			if got, _ := dutch.date(tt.date); got != tt.nl {
				t.Errorf("nl = %q, want %q", got, tt.nl)
			}
			if got, _ := english.date(tt.date); got != tt.en {
				t.Errorf("en = %q, want %q", got, tt.en)
			}
		})
	}
	if _, err := english.date("22-11-2026"); err == nil || err.Error() != `date "22-11-2026": not a date in the form YYYY-MM-DD` {
		t.Errorf("error = %v", err)
	}
}

func TestRequirementInWords(t *testing.T) {
	tests := []struct {
		statutory, contractual bool
		nl, en                 string
	}{
		{true, true, "Verplicht door de wet en voor de overeenkomst", "Required by law and for the contract"},
		{true, false, "Verplicht door de wet", "Required by law"},
		{false, true, "Nodig voor de overeenkomst", "Required for the contract"},
		{false, false, "Niet verplicht", "Not required"},
	}
	for _, tt := range tests {
		if got := dutch.requirement(tt.statutory, tt.contractual); got != tt.nl {
			t.Errorf("nl(%v, %v) = %q, want %q", tt.statutory, tt.contractual, got, tt.nl)
		}
		if got := english.requirement(tt.statutory, tt.contractual); got != tt.en {
			t.Errorf("en(%v, %v) = %q, want %q", tt.statutory, tt.contractual, got, tt.en)
		}
	}
}

func TestEveryEnumHasWordsInEveryLanguage(t *testing.T) {
	for name, w := range map[string]*words{"nl": dutch, "en": english} {
		for basis := range legalBasisLetter {
			if w.legalBases[basis].Name == "" || w.legalBases[basis].Explanation == "" {
				t.Errorf("%s: legal basis %q", name, basis)
			}
		}
		for _, k := range schemaSafeguards(t) {
			if w.safeguards[k].Name == "" || w.safeguards[k].Explanation == "" || w.safeguardArts[k] == "" {
				t.Errorf("%s: safeguard %q", name, k)
			}
			if register.HasCopy(k) && !strings.Contains(w.safeguards[k].Copy, "%s") {
				t.Errorf("%s: safeguard %q is a document but has no sentence offering a copy", name, k)
			}
		}
		for _, k := range sourceOrder {
			if w.sources[k].Name == "" {
				t.Errorf("%s: source %q", name, k)
			}
		}
		for _, k := range recipientKindOrder {
			if w.recipientKinds[k].Name == "" {
				t.Errorf("%s: recipient kind %q", name, k)
			}
		}
		for _, k := range []string{"withdraw-consent", "opt-out", "object", "settings"} {
			if w.choiceKinds[k] == "" {
				t.Errorf("%s: choice kind %q", name, k)
			}
		}
		for _, k := range cookieCategoryOrder {
			if w.cookieCategories[k] == "" {
				t.Errorf("%s: cookie category %q", name, k)
			}
		}
		for _, k := range []string{"cookie", "local-storage", "pixel", "sdk"} {
			if w.cookieKinds[k] == "" {
				t.Errorf("%s: cookie kind %q", name, k)
			}
		}
		for _, k := range []string{"first-party", "third-party"} {
			if w.providers[k] == "" {
				t.Errorf("%s: provider %q", name, k)
			}
		}
		for _, k := range []string{"email", "web", "post", "self-service"} {
			if w.channelKinds[k] == "" {
				t.Errorf("%s: channel kind %q", name, k)
			}
		}
		for _, l := range "abcdefghij" {
			if w.conditions["art9-2-"+string(l)] == "" {
				t.Errorf("%s: condition %c", name, l)
			}
		}
	}
}

// Every safeguard of the record format has words and an article in every
// language, and an Art. 49 derogation cites its letter.
func TestSafeguardsInEveryLanguage(t *testing.T) {
	for _, w := range []*words{dutch, english} {
		for _, k := range []string{"adequacy", "dpf", "scc", "bcr", "code-of-conduct", "certification", "ad-hoc-clauses", "art49-derogation", "privacy-shield"} {
			sw := w.safeguards[k]
			if sw.Name == "" || sw.Explanation == "" || sw.Copy == "" || w.safeguardArts[k] == "" {
				t.Errorf("safeguard %q has no words", k)
			}
		}
		if w.recipientKinds["acquirer"].Name == "" {
			t.Error("recipient kind acquirer has no words")
		}
	}
	b := &builder{w: english, recipientRefs: map[string]recipientRef{}}
	tv, err := b.transfer(ref{}, register.Transfer{Recipient: "x", Country: "US", Safeguard: "art49-derogation", Derogation: "art49-1-f"})
	if err != nil {
		t.Fatal(err)
	}
	if tv.Safeguard.Article != "Art. 49(1)(f) GDPR" {
		t.Errorf("article = %q, want Art. 49(1)(f) GDPR", tv.Safeguard.Article)
	}
	tv, _ = b.transfer(ref{}, register.Transfer{Recipient: "x", Country: "CA", Safeguard: "code-of-conduct"})
	if tv.Safeguard.Article != "Art. 46(2)(e) GDPR" {
		t.Errorf("article = %q, want Art. 46(2)(e) GDPR", tv.Safeguard.Article)
	}
}

// allStrings returns every string of a word table, by reflection, so that a
// new field is covered without changing the test.
func allStrings(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		allStrings(v.Elem(), out)
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Struct, reflect.Array, reflect.Slice:
		if v.Kind() == reflect.Struct {
			for i := range v.NumField() {
				allStrings(v.Field(i), out)
			}
			return
		}
		for i := range v.Len() {
			allStrings(v.Index(i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			allStrings(v.MapIndex(k), out)
		}
	}
}

// The generator's Dutch words exist in both tones of address: the informal
// table says je and jouw, never u or uw, and the formal table the reverse.
func TestDutchWordsInBothTones(t *testing.T) {
	informal := regexp.MustCompile(`(?i)\b(je|jij|jou|jouw|jezelf)\b`)
	formal := regexp.MustCompile(`(?i)\b(u|uw|uzelf)\b`)
	var plain, polite []string
	allStrings(reflect.ValueOf(wordsIn("nl", false)), &plain)
	allStrings(reflect.ValueOf(wordsIn("nl", true)), &polite)
	addressing := 0
	for _, s := range plain {
		if formal.MatchString(s) {
			t.Errorf("informal: %q says u or uw", s)
		}
		if informal.MatchString(s) {
			addressing++
		}
	}
	for _, s := range polite {
		if informal.MatchString(s) {
			t.Errorf("formal: %q says je or jouw", s)
		}
	}
	if addressing < 25 {
		t.Errorf("only %d informal strings address the reader", addressing)
	}
	if len(plain) != len(polite) {
		t.Errorf("the tables have %d and %d strings", len(plain), len(polite))
	}
	if wordsIn("nl", true).rights["access"].Description == wordsIn("nl", false).rights["access"].Description {
		t.Error("the formal table describes the right of access as the informal one does")
	}
	if wordsIn("en", true) != wordsIn("en", false) {
		t.Error("English has one tone")
	}
}

// schemaSafeguards returns the safeguards the activity schema allows, so that
// a value added to the schema without words fails here.
func schemaSafeguards(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../../schemas/activity.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Transfers struct {
				Items struct {
					Properties struct {
						Safeguard struct {
							Enum []string `json:"enum"`
						} `json:"safeguard"`
					} `json:"properties"`
				} `json:"items"`
			} `json:"transfers"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	list := schema.Properties.Transfers.Items.Properties.Safeguard.Enum
	if len(list) < 10 {
		t.Fatalf("the schema lists %d safeguards: %q", len(list), list)
	}
	return list
}
