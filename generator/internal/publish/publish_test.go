package publish_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish"
	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// data builds the sample and returns the view of lang, decoded.
func data(t *testing.T, reg *register.Register, lang string) map[string]any {
	t.Helper()
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.DataJSON(lang)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// get walks a decoded JSON value along a path of keys and indexes, e.g. "activities.account.rights.0.name".
func get(t *testing.T, v any, path string) any {
	t.Helper()
	root, list := v, ""
	for _, k := range strings.Split(path, ".") {
		// The view holds a transfer, retention row or safeguard once, in its
		// list of all of them, and an activity, category or recipient once,
		// in its map: elsewhere a position or an id stands for it, which the
		// templates follow (index $v.transfers n, index $v.categories id),
		// and so does this.
		follow := map[string]string{
			"transfers": "transfers", "retention": "retention", "safeguard": "safeguards",
			"categories": "categories", "activity": "activities", "activities": "activities",
			"recipient": "recipients", "recipients": "recipients",
		}
		switch x := v.(type) {
		case float64:
			if rows, ok := root.(map[string]any)[follow[list]].([]any); ok {
				v = rows[int(x)]
			}
		case string:
			if m, ok := root.(map[string]any)[follow[list]].(map[string]any); ok {
				v = m[x]
			}
		}
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				t.Fatalf("%s: no key %q", path, k)
			}
			list = k
		case []any:
			i := 0
			for _, c := range k {
				i = i*10 + int(c-'0')
			}
			if i >= len(x) {
				t.Fatalf("%s: index %d out of range (%d)", path, i, len(x))
			}
			v = x[i]
		default:
			t.Fatalf("%s: cannot index %T with %q", path, v, k)
		}
	}
	return v
}

func TestBuildResolvesAndDerives(t *testing.T) {
	nl := data(t, publishtest.Sample(), "nl")
	en := data(t, publishtest.Sample(), "en")
	tests := []struct {
		view map[string]any
		path string
		want any
	}{
		{nl, "updated", "1 maart 2026"},
		{en, "updated", "1 March 2026"},
		{nl, "procedure.response_time", "1 maand"},
		{en, "procedure.channels.1.href", "mailto:privacy@klankwolk.example"},
		{en, "procedure.contact", "fg@klankwolk.example"},
		{nl, "organisation.controllers.0.country_name", "Nederland"},
		{en, "organisation.representative.country_name", "Ireland"},
		{en, "organisation.authority.address_lines.1", "2509 AJ Den Haag"},
		{en, "organisation.joint_controllers.0.arrangement", "We run ticket sales together; you can ask us your questions."},
		{nl, "activities.account.name", "Uw account"},
		{nl, "activities.account.url", "activities/account/"},
		{nl, "activities.account.path", "activities/account"},
		{nl, "activities.account.legal_bases.0.name", "Overeenkomst"},
		{nl, "activities.account.legal_bases.0.article", "art. 6 lid 1 sub b AVG"},
		{en, "activities.fraud-prevention.legal_bases.0.interest", "Protecting our service and customers against fraud."},
		{en, "activities.tax-records.legal_bases.0.law", "General Tax Act, s. 52"},
		{en, "activities.accessibility-support.conditions.0.article", "Art. 9(2)(a) GDPR"},
		{en, "activities.accessibility-support.conditions.0.name", "your explicit consent"},
		{nl, "activities.account.retention.0.text", "18 maanden nadat u uw account opheft"},
		{en, "activities.account.retention.0.text", "18 months after you close your account"},
		{en, "activities.account.retention.1.text", "30 days"},
		{en, "activities.fraud-prevention.retention.0.period", "1 year and 6 months"},
		{nl, "activities.newsletter.retention.0.text", "Tot u zich afmeldt."},
		{en, "activities.account.transfers.0.country_name", "United States"},
		{nl, "activities.account.transfers.0.country_name", "Verenigde Staten"},
		{en, "activities.account.transfers.0.safeguard.name", "EU-US Data Privacy Framework"},
		{en, "activities.account.transfers.1.safeguard.explanation", "We have agreed the European Commission's standard contractual clauses with the recipient, so your data stays protected there too."},
		{en, "activities.account.transfers.1.safeguard.copy", "You can ask for a copy of these clauses at fg@klankwolk.example."},
		{nl, "activities.account.transfers.1.safeguard.article", "art. 46 lid 2 sub c AVG"},
		{en, "activities.account.requirement.required", "Required for the contract"},
		{nl, "activities.tax-records.requirement.required", "Verplicht door de wet"},
		{en, "activities.account.sources.0.name", "Data you give us"},
		{en, "activities.account.sources.1.key", "observed"},
		{en, "activities.account.recipients.1.kind_name", "Service providers working for us"},
		{en, "activities.fraud-prevention.automated.human_review", "Email us; a person reviews the decision again."},
		{en, "activities.newsletter.choices.0.kind_name", "Withdraw consent"},
		{en, "activities.newsletter.choices.0.steps.0.text", "Click unsubscribe at the bottom of any newsletter."},
		{en, "categories.health-data.special", true},
		{en, "categories.payment-details.activities.1", "tax-records"},
		{en, "categories.payment-details.recipients.3", "tax-authority"},
		{en, "recipients.cloud-host.activities.0", "fraud-prevention"},
		{en, "activity_order.0", "accessibility-support"},
		{en, "activity_order.4", "account"},
		{nl, "activity_order.0", "tax-records"},
		{en, "recipients.cloud-host.categories.0", "contact-details"},
		{en, "rights.4.activities.0", "accessibility-support"},
		{en, "categories.payment-details.retention.1.activity.id", "tax-records"},
		{en, "categories.payment-details.retention.1.text", "7 years after the end of the financial year"},
		{en, "recipients.cloud-host.transfers.0.country", "US"},
		{en, "recipient_kinds.0.key", "processor"},
		{en, "recipient_kinds.1.recipients.0.name", "Dutch Tax Administration"},
		{nl, "recipient_kinds.1.recipients.0.name", "Belastingdienst"},
		{en, "recipients.cloud-host.name", "Cloudhost Inc."},
		{nl, "recipients.cloud-host.name", "Cloudhost Inc."},
		{en, "organisation.dpo.name", "Data protection officer"},
		{en, "sources.2.categories.0.id", "fraud-score"},
		{en, "optional.0.activity.id", "account"},
		{en, "rights.4.id", "portability"},
		{en, "rights.0.all", true},
		{en, "rights.5.choices.0.activity.id", "fraud-prevention"},
		{en, "rights.6.choices.1.activity.id", "newsletter"},
		{en, "rights.7.human_review.0.activity.id", "fraud-prevention"},
		{en, "activities.fraud-prevention.purposes.1.legal_basis", "Legal obligation"},
		{en, "activities.fraud-prevention.legal_bases.0.purposes.0", "Preventing abuse"},
		{en, "activities.fraud-prevention.legal_bases.1.law", "Anti-Money Laundering Act"},
		{en, "activities.fraud-prevention.legal_bases.1.purposes.0", "Reporting fraud to the police"},
		{en, "activities.fraud-prevention.rights.0.id", "access"},
		{en, "activities.fraud-prevention.rights.4.id", "object"},
		{en, "activities.fraud-prevention.rights.4.purposes.0", "Preventing abuse"},
		{en, "activities.tax-records.not_applying.0.id", "erasure"},
		{en, "activities.tax-records.not_applying.0.reason", "Not for the purposes for which the law requires us to process the data or that are a task in the public interest (Art. 17(3)(b) GDPR)."},
		{nl, "activities.fraud-prevention.rights.2.limits.0", "Niet voor de doelen waarvoor de wet ons verplicht de gegevens te verwerken of die een taak van algemeen belang zijn (art. 17 lid 3 sub b AVG)."},
		{en, "activities.fraud-prevention.legal_bases.0.balancing", "We have weighed it, and your interests and rights do not override it."},
		{en, "children.minimum_age", 16.0},
		{en, "children.activities.0.id", "account"},
		{en, "measures.0.kind_name", "Organisational measure"},
	}
	for _, tt := range tests {
		t.Run(tt.view["lang"].(string)+"/"+tt.path, func(t *testing.T) {
			if got := get(t, tt.view, tt.path); got != tt.want {
				t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
			}
		})
	}
}

func TestRightsPerActivity(t *testing.T) {
	en := data(t, publishtest.Sample(), "en")
	tests := map[string]string{
		"account":               "access rectification erasure restriction portability",
		"newsletter":            "access rectification erasure restriction portability withdraw-consent",
		"fraud-prevention":      "access rectification erasure restriction object automated-decisions",
		"tax-records":           "access rectification restriction",
		"accessibility-support": "access rectification erasure restriction portability withdraw-consent",
	}
	for id, want := range tests {
		var got []string
		for _, r := range get(t, en, "activities."+id+".rights").([]any) {
			got = append(got, r.(map[string]any)["id"].(string))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: rights = %q, want %q", id, strings.Join(got, " "), want)
		}
	}
}

func TestOnlyPublicActivitiesArePublished(t *testing.T) {
	en := data(t, publishtest.Sample(), "en")
	var ids []string
	for id := range get(t, en, "activities").(map[string]any) {
		ids = append(ids, id)
	}
	if len(ids) != 5 {
		t.Errorf("activities = %v, want the 5 public ones", ids)
	}
	for _, id := range []string{"staff-monitoring", "label-reporting"} {
		if _, ok := en["activities"].(map[string]any)[id]; ok {
			t.Errorf("non-public activity %q is published", id)
		}
	}
}

func TestNoInternalFieldInAnyOutput(t *testing.T) {
	reg, planted := publishtest.WithCanaries()
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string][]byte{}
	for _, lang := range s.Languages() {
		if outputs[lang], err = s.DataJSON(lang); err != nil {
			t.Fatal(err)
		}
	}
	if outputs["register.json"], err = s.RegisterJSON(); err != nil {
		t.Fatal(err)
	}
	if len(planted) < 50 {
		t.Fatalf("only %d canaries planted", len(planted))
	}
	for name, b := range outputs {
		if bytes.Contains(bytes.ToLower(b), []byte(publishtest.Canary)) {
			for _, c := range planted {
				if bytes.Contains(b, []byte(c)) {
					t.Errorf("%s contains %s", name, c)
				}
			}
			t.Errorf("%s contains the canary", name)
		}
	}
}

func TestOutputIsDeterministic(t *testing.T) {
	build := func() []byte {
		s, err := publish.Build(publishtest.Sample())
		if err != nil {
			t.Fatal(err)
		}
		var all []byte
		for _, lang := range s.Languages() {
			b, _ := s.DataJSON(lang)
			all = append(all, b...)
		}
		b, _ := s.RegisterJSON()
		return append(all, b...)
	}
	first := build()
	for range 5 {
		if !bytes.Equal(first, build()) {
			t.Fatal("two builds differ")
		}
	}
}

func TestRegisterJSON(t *testing.T) {
	s, err := publish.Build(publishtest.Sample())
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.RegisterJSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want any
	}{
		{"format", "ropa-public-register/4"},
		{"default_language", "nl"},
		{"languages.1", "en"},
		{"activities.0.id", "accessibility-support"},
		{"activities.2.purposes.0.legal_basis_article", "Art. 6(1)(f) GDPR"},
		{"activities.2.purposes.0.rights.4", "object"},
		{"activities.2.purposes.1.legal_basis", "legal-obligation"},
		{"activities.2.purposes.1.law.en", "Anti-Money Laundering Act"},
		{"activities.2.purposes.1.rights.2", "restriction"},
		{"activities.2.right_limits.erasure.0", "art17-3-b"},
		{"activities.2.rights_not_applying.portability", "art20-1-a"},
		{"activities.2.recipients_stated", true},
		{"activities.2.legal_bases.1", "legal-obligation"},
		{"activities.2.rights.4", "object"},
		{"activities.2.name.en", "Preventing fraud"},
		{"recipients.cloud-host.country", "US"},
		{"recipients.cloud-host.name.en", "Cloudhost Inc."},
		{"recipients.tax-authority.name.en", "Dutch Tax Administration"},
		{"categories.health-data.special", true},
		{"organisation.rights.response_time", "P1M"},
	}
	for _, tt := range tests {
		if got := get(t, m, tt.path); got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
		}
	}
	if !bytes.HasPrefix(b, []byte("{\n  \"format\"")) {
		t.Errorf("register.json is not indented: %.40s", b)
	}
}

func TestPlainStringsCountAsTheDefaultLanguage(t *testing.T) {
	reg := publishtest.Sample()
	publishtest.Activity(reg, "accessibility-support").Summary = register.Text{"": "Alleen Nederlands."}
	publishtest.Activity(reg, "accessibility-support").Name = register.Text{"": "Oud", "nl": "Nieuw", "en": "New"}
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.RegisterJSON()
	if !bytes.Contains(b, []byte(`"summary": {
        "nl": "Alleen Nederlands."
      }`)) {
		t.Errorf("plain string not stored under nl:\n%s", b)
	}
	if !bytes.Contains(b, []byte(`"nl": "Nieuw"`)) || bytes.Contains(b, []byte(`"Oud"`)) {
		t.Errorf("explicit nl does not win over the plain string")
	}
	en := data(t, reg, "en")
	if got := get(t, en, "activities.accessibility-support.summary"); got != "Alleen Nederlands." {
		t.Errorf("English falls back to the default language: got %q", got)
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*register.Register)
		want   string
	}{
		{"no register", nil, "publish: no register"},
		{"unknown category", func(r *register.Register) {
			publishtest.Activity(r, "account").Categories = append(publishtest.Activity(r, "account").Categories, "nope")
		}, `publish: activity "account": unknown category "nope"`},
		{"unknown transfer recipient", func(r *register.Register) {
			publishtest.Activity(r, "account").Transfers = append(publishtest.Activity(r, "account").Transfers, register.Transfer{Recipient: "nope", Country: "US", Safeguard: "scc"})
		}, `publish: activity "account": unknown recipient "nope"`},
		{"bad period", func(r *register.Register) { publishtest.Activity(r, "account").Retention[0].Period = "P7" }, `publish: activity "account": retention[0]: period "P7": not an ISO 8601 duration such as P7Y, P18M or P30D`},
		{"bad date", func(r *register.Register) { r.Organisation.EffectiveDate = "soon" }, `publish: organisation: effective_date: date "soon": not a date in the form YYYY-MM-DD`},
		{"bad safeguard", func(r *register.Register) { publishtest.Activity(r, "account").Transfers[0].Safeguard = "trust-us" }, `publish: activity "account": transfer to US: unknown safeguard "trust-us"`},
		{"no languages", func(r *register.Register) { r.Languages, r.DefaultLanguage = nil, "" }, "publish: the register has no languages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reg *register.Register
			if tt.change != nil {
				reg = publishtest.Sample()
				tt.change(reg)
			}
			_, err := publish.Build(reg)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	reg := publishtest.Sample()
	for b.Loop() {
		s, err := publish.Build(reg)
		if err != nil {
			b.Fatal(err)
		}
		for _, lang := range s.Languages() {
			if _, err := s.DataJSON(lang); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// Each activity names the entity responsible for it; the default is the
// organisation's first controller. Without a lead authority the view has none.
func TestResponsibleControllers(t *testing.T) {
	reg := publishtest.Sample()
	reg.Organisation.Controllers[0].ID = "klankwolk-nl"
	reg.Organisation.Controllers = append(reg.Organisation.Controllers, register.Party{
		ID: "klankwolk-inc", LegalName: register.Name{"": "Klankwolk Inc."}, Address: "1 Main St\nSpringfield", Country: "US",
	})
	reg.Organisation.SupervisoryAuthority = register.Authority{}
	for _, a := range reg.Activities {
		if a.ID == "newsletter" {
			a.Controllers = []string{"klankwolk-inc", "klankwolk-nl"}
		}
	}
	en := data(t, reg, "en")
	tests := []struct {
		path string
		want any
	}{
		{"activities.account.controllers.0.legal_name", "Klankwolk B.V."},
		{"activities.newsletter.controllers.0.legal_name", "Klankwolk Inc."},
		{"activities.newsletter.controllers.0.country_name", "United States"},
		{"activities.newsletter.controllers.1.id", "klankwolk-nl"},
		{"several_controllers", true},
	}
	for _, tt := range tests {
		if got := get(t, en, tt.path); got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
		}
	}
	if _, ok := get(t, en, "organisation").(map[string]any)["authority"]; ok {
		t.Error("the view has an authority, but the organisation names none")
	}
	if n := len(get(t, en, "activities.account.controllers").([]any)); n != 1 {
		t.Errorf("account has %d controllers, want the first only", n)
	}
}

// A recipient category says where it is: several countries, the EEA, or
// worldwide with its main countries.
func TestRecipientWhere(t *testing.T) {
	reg := publishtest.Sample()
	reg.Recipients["cloud-host"].Country = ""
	reg.Recipients["cloud-host"].Region = "worldwide"
	reg.Recipients["cloud-host"].Countries = []string{"US", "IN"}
	reg.Recipients["payment-provider"].Country = ""
	reg.Recipients["payment-provider"].Region = "EEA"
	reg.Recipients["support-desk"].Country = ""
	reg.Recipients["support-desk"].Countries = []string{"IN", "JP", "PH"}
	en, nl := data(t, reg, "en"), data(t, reg, "nl")
	tests := []struct {
		view       map[string]any
		path, want string
	}{
		{en, "recipients.cloud-host.country_name", "worldwide, mainly United States and India"},
		{nl, "recipients.cloud-host.country_name", "wereldwijd, vooral Verenigde Staten en India"},
		{en, "recipients.payment-provider.country_name", "European Economic Area"},
		{en, "recipients.support-desk.country_name", "India, Japan and Philippines"},
	}
	for _, tt := range tests {
		if got := get(t, tt.view, tt.path); got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
		}
	}
}

// The hub's overview takes identical transfers (same recipient, country and
// safeguard) together, listing their activities.
func TestTransferGroups(t *testing.T) {
	en := data(t, publishtest.Sample(), "en")
	if n, g := len(get(t, en, "transfers").([]any)), len(get(t, en, "transfer_groups").([]any)); n != 3 || g != 2 {
		t.Fatalf("%d transfers in %d groups, want 3 in 2", n, g)
	}
	tests := []struct{ path, want string }{
		{"transfer_groups.0.recipient.id", "cloud-host"},
		{"transfer_groups.0.safeguard.key", "dpf"},
		{"transfer_groups.0.activities.0.id", "account"},
		{"transfer_groups.0.activities.1.id", "fraud-prevention"},
		{"transfer_groups.1.recipient.id", "support-desk"},
	}
	for _, tt := range tests {
		if got := get(t, en, tt.path); got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
		}
	}
}

// Retention as organisations state it: a range with what decides, a period
// after an event, criteria with a maximum.
func TestRetentionRangesAndMaximum(t *testing.T) {
	reg := publishtest.Sample()
	a := publishtest.Activity(reg, "tax-records")
	a.Retention = []register.Retention{
		{Categories: []string{"payment-details"}, Period: "P7Y", UpTo: "P10Y",
			Trigger:  register.Text{"nl": "na het boekjaar", "en": "after the financial year"},
			Criteria: register.Text{"nl": "afhankelijk van de belastingwet van het land", "en": "depending on the country's tax law"}},
		{Categories: []string{"payment-details"}, Period: "P1Y", UpTo: "P18M"},
		{Categories: []string{"payment-details"}, Criteria: register.Text{"nl": "Zolang je account bestaat", "en": "As long as your account exists"}, Maximum: "P5Y"},
	}
	en, nl := data(t, reg, "en"), data(t, reg, "nl")
	tests := []struct {
		view       map[string]any
		path, want string
	}{
		{en, "activities.tax-records.retention.0.text", "7 to 10 years after the financial year, depending on the country's tax law"},
		{nl, "activities.tax-records.retention.0.text", "7 tot 10 jaar na het boekjaar, afhankelijk van de belastingwet van het land"},
		{en, "activities.tax-records.retention.1.text", "1 year to 18 months"},
		{en, "activities.tax-records.retention.2.text", "As long as your account exists (at most 5 years)"},
		{nl, "activities.tax-records.retention.2.text", "Zolang je account bestaat (ten hoogste 5 jaar)"},
	}
	for _, tt := range tests {
		if got := get(t, tt.view, tt.path); got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
		}
	}
}

// A draft is never published: not in the view, not in register.json.
func TestDraftsAreNotPublished(t *testing.T) {
	reg := publishtest.Sample()
	publishtest.Activity(reg, "newsletter").Draft = true
	en := data(t, reg, "en")
	if _, ok := get(t, en, "activities").(map[string]any)["newsletter"]; ok {
		t.Error("the draft activity is in the view")
	}
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.RegisterJSON()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(`"newsletter"`)) {
		t.Error("the draft activity is in register.json")
	}
}

// TestPartyNamesTranslate: the organisation's name, the controllers' legal
// names and the authority's name may be translated like a recipient's; a
// plain string is the same in every language.
func TestPartyNamesTranslate(t *testing.T) {
	reg := publishtest.Sample()
	org := &reg.Organisation
	org.Name = register.Name{"nl": "Klankwolk Nederland", "en": "Klankwolk Netherlands"}
	org.SupervisoryAuthority.Name = register.Name{"nl": "Autoriteit Persoonsgegevens", "en": "Dutch Data Protection Authority"}
	org.JointControllers[0].LegalName = register.Name{"nl": "Stichting Festivalpartner", "en": "Festival Partner Foundation"}
	for lang, want := range map[string][4]string{
		"nl": {"Klankwolk Nederland", "Autoriteit Persoonsgegevens", "Stichting Festivalpartner", "Klankwolk B.V."},
		"en": {"Klankwolk Netherlands", "Dutch Data Protection Authority", "Festival Partner Foundation", "Klankwolk B.V."},
	} {
		v := data(t, reg, lang)
		for i, path := range []string{"organisation.name", "organisation.authority.name", "organisation.joint_controllers.0.legal_name", "organisation.controllers.0.legal_name"} {
			if got := get(t, v, path); got != want[i] {
				t.Errorf("%s: %s = %#v, want %q", lang, path, got, want[i])
			}
		}
	}
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.RegisterJSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"organisation.name.en":                           "Klankwolk Netherlands",
		"organisation.supervisory_authority.name.nl":     "Autoriteit Persoonsgegevens",
		"organisation.joint_controllers.0.legal_name.en": "Festival Partner Foundation",
		"organisation.controllers.0.legal_name.en":       "Klankwolk B.V.", // plain: the same in every language
	} {
		if got := get(t, m, path); got != want {
			t.Errorf("register.json: %s = %#v, want %q", path, got, want)
		}
	}
}

// memFiles collects the files of WriteDataFiles in memory.
type memFiles map[string]*bytes.Buffer

type memFile struct{ *bytes.Buffer }

func (memFile) Close() error { return nil }

func (m memFiles) create(name string) (io.WriteCloser, error) {
	if _, ok := m[name]; ok {
		return nil, fmt.Errorf("%s written twice", name)
	}
	m[name] = &bytes.Buffer{}
	return memFile{m[name]}, nil
}

// TestDataFilesSplitTheView checks the files Hugo reads: the data file holds
// each activity's card and everything else of the view, the details
// resources what only the activity's page shows, the two apart; put back
// together they are the view of DataJSON, and none carries an internal field.
func TestDataFilesSplitTheView(t *testing.T) {
	reg, planted := publishtest.WithCanaries()
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	decode := func(name string, b []byte) map[string]any {
		t.Helper()
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	for _, lang := range s.Languages() {
		data, details := memFiles{}, memFiles{}
		if err := s.WriteDataFiles(lang, data.create, details.create); err != nil {
			t.Fatal(err)
		}
		for name, b := range merged(data, details) {
			for _, c := range planted {
				if bytes.Contains(b.Bytes(), []byte(c)) {
					t.Errorf("%s contains %s", name, c)
				}
			}
		}
		whole, err := s.DataJSON(lang)
		if err != nil {
			t.Fatal(err)
		}
		want := decode("DataJSON", whole)
		got := decode(lang+".json", data[lang+".json"].Bytes())
		cards := got["activities"].(map[string]any)
		activities := map[string]any{}
		for id := range want["activities"].(map[string]any) {
			name := lang + "/activities/" + id
			card, ok := cards[id].(map[string]any)
			if !ok || details[name+".json"] == nil {
				t.Fatalf("%s: no card or no details", name)
			}
			for _, k := range []string{"controllers", "rights", "measures", "transfers", "flow"} {
				if _, ok := card[k]; ok {
					t.Errorf("%s: the card Hugo holds as data has the detail %q", name, k)
				}
			}
			more := decode(name, details[name+".json"].Bytes())
			for k := range more {
				if _, ok := card[k]; ok {
					t.Errorf("%s: %q is in the card and in the details", name, k)
				}
				card[k] = more[k]
			}
			card["flow"] = ""
			if svg := details[name+".svg"]; svg != nil {
				card["flow"] = svg.String()
				if !strings.HasPrefix(card["flow"].(string), "<svg") {
					t.Errorf("%s.svg does not start with <svg", name)
				}
			}
			activities[id] = card
		}
		got["activities"] = activities
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			t.Errorf("%s: the data files put together differ from DataJSON:\n%.2000s\nwant\n%.2000s", lang, g, whole)
		}
		if len(data) != 1 {
			t.Errorf("%d data files, want %s.json only", len(data), lang)
		}
		for name := range details {
			id, ok := strings.CutPrefix(name, lang+"/activities/")
			if ok {
				id = strings.TrimSuffix(strings.TrimSuffix(id, ".json"), ".svg")
			}
			if _, known := activities[id]; !ok || !known {
				t.Errorf("unexpected file %s", name)
			}
		}
	}
}

func merged(ms ...memFiles) memFiles {
	out := memFiles{}
	for _, m := range ms {
		maps.Copy(out, m)
	}
	return out
}
