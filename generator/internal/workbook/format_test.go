package workbook

import (
	"slices"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// formatRegister is the sample register with the record format of real
// registers: two controllers, an activity whose purposes have different
// legal bases and whose entity is the second controller, a recipient
// category in several countries, a transfer to two countries, an Art. 49
// derogation and a retention range.
func formatRegister() *register.Register {
	reg := sampleRegister()
	reg.Organisation.Controllers = append(reg.Organisation.Controllers, register.Party{
		ID: "us-parent", LegalName: register.Name{"": "Voorbeeld Inc."}, Address: "1 Main Street, Wilmington", Country: "US", Email: "privacy@voorbeeld-inc.example",
	})
	reg.Organisation.Controllers[0].ID = "nl"
	reg.Recipients["advisers"] = &register.Recipient{ID: "advisers", Name: register.Name{"nl": "Adviseurs", "en": "Professional advisers"},
		Kind: "controller", Countries: []string{"CH", "IN"}, Description: register.Text{"": "Adviseurs", "en": "Advisers"}}
	reg.Activities = append(reg.Activities, &register.Activity{
		ID:          "support",
		Name:        register.Text{"nl": "Klantenservice", "en": "Customer support"},
		Role:        "controller",
		Controllers: []string{"us-parent"},
		Purposes: []register.Purpose{
			{Purpose: register.Text{"nl": "Vragen beantwoorden", "en": "Answering questions"}, LegalBasis: "contract"},
			{Purpose: register.Text{"nl": "Kwaliteit meten", "en": "Measuring quality"}, LegalBasis: "legitimate-interests",
				LegitimateInterest: register.Text{"nl": "Betere service", "en": "Better service"}},
		},
		Subjects:   []string{"customers"},
		Categories: []string{"contact"},
		Recipients: []string{"advisers"},
		Transfers: []register.Transfer{
			{Recipient: "advisers", Country: "CH", Safeguard: "adequacy"},
			{Recipient: "advisers", Countries: []string{"IN"}, Safeguard: "art49-derogation", Derogation: "art49-1-e"},
		},
		Retention: []register.Retention{{Categories: []string{"contact"}, Period: "P7Y", UpTo: "P10Y",
			Criteria: register.Text{"nl": "afhankelijk van het land", "en": "depending on the country's tax law"}}},
		Measures: []string{"training"},
	})
	return reg
}

// TestRealRegisterFormat: the cells of the Art. 30 layout show each
// purpose with its basis, the responsible entity, a recipient's countries,
// one transfer row per country with the derogation's letter, and a range.
func TestRealRegisterFormat(t *testing.T) {
	f := open(t, encode(t, formatRegister(), Options{Lang: "en"}))
	acts := rows(t, f, "Controller activities")
	col := func(header string) int {
		i := slices.Index(acts[0], header)
		if i < 0 {
			t.Fatalf("no column %q in %q", header, acts[0])
		}
		return i
	}
	var row []string
	for _, r := range acts[1:] {
		if r[0] == "support" {
			row = r
		}
	}
	if row == nil {
		t.Fatal("no row for support")
	}
	for header, want := range map[string]string{
		"Responsible entity":          "Voorbeeld Inc.",
		"Legal basis":                 "Answering questions → 6(1)(b) contract\nMeasuring quality → 6(1)(f) legitimate interests",
		"Legitimate interest":         "Better service",
		"Categories of recipients":    "Professional advisers (Controller, Switzerland, India)",
		"Retention per data category": "Contact details: 7 years up to 10 years (depending on the country's tax law)",
	} {
		if got := row[col(header)]; got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
	var transfers [][]string
	for _, r := range rows(t, f, "Transfers")[1:] {
		if r[0] == "support" {
			transfers = append(transfers, []string{r[5], r[8]})
		}
	}
	want := [][]string{
		{"CH", "Adequacy decision (Art. 45)"},
		{"IN", "Derogation for a specific situation (Art. 49), 49(1)(e) legal claims"},
	}
	if !slices.EqualFunc(transfers, want, slices.Equal) {
		t.Errorf("transfer rows = %q, want %q", transfers, want)
	}
	draft := formatRegister()
	draft.Activities[len(draft.Activities)-1].Draft = true
	d := rows(t, open(t, encode(t, draft, Options{Lang: "en"})), "Controller activities")
	for _, r := range d[1:] {
		if r[0] == "support" && r[col("Published in the privacy center")] != "No: a draft still being described; its open items are on the Completeness sheet" {
			t.Errorf("a draft's published cell = %q", r[col("Published in the privacy center")])
		}
	}
	index := rows(t, f, "Index")
	for _, r := range index[1:] {
		if r[0] == "support" && r[4] != "6(1)(b) contract\n6(1)(f) legitimate interests" {
			t.Errorf("index legal bases = %q", r[4])
		}
	}
}

// TestOrganisationSaysHowToExerciseRights: the Organisation sheet shows
// the steps of each right the record describes, the complaint route to the
// organisation, and, for a group without an establishment in the EEA, that
// there is no lead authority instead of a blank.
func TestOrganisationSaysHowToExerciseRights(t *testing.T) {
	reg := formatRegister()
	org := &reg.Organisation
	org.Rights.Channels = []register.Channel{{ID: "dpo", Kind: "email", Label: register.Text{"nl": "Onze FG", "en": "Our DPO"}, Address: "dpo@voorbeeld.example"}}
	org.Rights.Access = &register.RightSteps{
		Steps:   []register.Text{{"nl": "Open Instellingen", "en": "Open Settings"}, {"nl": "Kies Download", "en": "Choose Download"}},
		Channel: "dpo",
		Notes:   register.Text{"nl": "Binnen een maand", "en": "Within a month"},
	}
	org.Rights.Complaint = &register.Complaint{Text: register.Text{"nl": "Vertel het ons eerst", "en": "Tell us first"}, Channel: "dpo"}
	for i := range org.Controllers {
		org.Controllers[i].Country = "US"
	}
	org.SupervisoryAuthority = register.Authority{}
	got := map[string]string{}
	for _, r := range rows(t, open(t, encode(t, reg, Options{Lang: "en"})), "Organisation")[1:] {
		if len(r) > 1 {
			got[r[0]] += r[1]
		}
	}
	for item, want := range map[string]string{
		"How to exercise a right":             "access (Art. 15)\n1. Open Settings\n2. Choose Download\nOur DPO: dpo@voorbeeld.example\nWithin a month",
		"Complaint to the organisation first": "Tell us first\nOur DPO: dpo@voorbeeld.example",
		"Lead supervisory authority":          "None: no controller is established in the EEA, so there is no lead authority (Art. 56); people complain to the authority of their own country (Art. 77)",
	} {
		if got[item] != want {
			t.Errorf("%s = %q, want %q", item, got[item], want)
		}
	}
}
