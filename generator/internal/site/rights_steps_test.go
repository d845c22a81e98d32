package site

import (
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// withRightSteps gives the sample register steps for access, a channel for
// erasure, a note for rectification and a complaint route to the DPO.
func withRightSteps(reg *register.Register) {
	r := &reg.Organisation.Rights
	r.Channels[0].ID = "account"
	r.Channels = append(r.Channels, register.Channel{ID: "dpo", Kind: "email", Label: register.Text{"nl": "E-mail aan de FG", "en": "Email the DPO"}, Address: "fg@klankwolk.example"})
	r.Access = &register.RightSteps{Channel: "account", Steps: []register.Text{
		{"nl": "Log in bij uw account.", "en": "Log in to your account."},
		{"nl": "Kies 'Mijn gegevens downloaden'.", "en": "Choose 'Download my data'."},
	}}
	r.Rectification = &register.RightSteps{Notes: register.Text{"nl": "Wij bewaren een kopie van de vorige versie.", "en": "We keep a copy of the previous version."}}
	r.Erasure = &register.RightSteps{Channel: "dpo"}
	r.Complaint = &register.Complaint{Channel: "dpo", Text: register.Text{"nl": "Laat het onze FG eerst weten.", "en": "Tell our DPO first."}}
}

// The rights page shows, under each right, its steps in order, its channel
// and its notes, and the complaint route to the organisation before the
// authority; in both languages, and the hub shows the complaint route too.
func TestRightStepsAndComplaintRoute(t *testing.T) {
	reg := publishtest.Sample()
	withRightSteps(reg)
	b := buildSite(t, hugoTOML, reg)

	for _, tc := range []struct {
		page, how, steps1, steps2, note, toUs, complaint, dpoLabel, hub string
	}{
		{"public/en/rights/index.html", "How to exercise this right", "Log in to your account.", "Choose &#39;Download my data&#39;.", "We keep a copy of the previous version.", "Complaining to us", "Tell our DPO first.", "Email the DPO", "public/en/index.html"},
		{"public/rights/index.html", "Zo oefen je dit recht uit", "Log in bij uw account.", "Kies &#39;Mijn gegevens downloaden&#39;.", "Wij bewaren een kopie van de vorige versie.", "Een klacht bij ons", "Laat het onze FG eerst weten.", "E-mail aan de FG", "public/index.html"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			page := b.file(tc.page)
			access := section(t, page, "access")
			inOrder(t, access, tc.how, "<li>"+tc.steps1+"</li>", "<li>"+tc.steps2+"</li>", `href="https://klankwolk.example/account/privacy"`)
			inOrder(t, section(t, page, "rectification"), tc.how, "<p>"+tc.note+"</p>")
			inOrder(t, section(t, page, "erasure"), tc.how, tc.dpoLabel, `href="mailto:fg@klankwolk.example"`)
			if strings.Contains(section(t, page, "restriction"), tc.how) {
				t.Errorf("restriction has no steps in the record, but shows %q", tc.how)
			}
			inOrder(t, section(t, page, "complaint"), tc.toUs, tc.complaint, tc.dpoLabel, "Autoriteit Persoonsgegevens")
			inOrder(t, b.file(tc.hub), `id="rights"`, tc.complaint, `href="mailto:fg@klankwolk.example"`, "Autoriteit Persoonsgegevens")
		})
	}

	// Without the record's fields, none of it is shown.
	b = buildSite(t, hugoTOML, publishtest.Sample())
	b.assertFileContent("public/en/rights/index.html", "! How to exercise this right", "! Complaining to us")
	b.assertFileContent("public/rights/index.html", "! Zo oefen je dit recht uit", "! Een klacht bij ons")
}

// section returns the <section> of the page labelled by id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, `<section aria-labelledby="`+id+`">`)
	if !ok {
		t.Fatalf("no section %q", id)
	}
	s, _, _ := strings.Cut(rest, "</section>")
	return s
}

// inOrder checks that s contains each of parts, in that order.
func inOrder(t *testing.T, s string, parts ...string) {
	t.Helper()
	at := 0
	for _, p := range parts {
		i := strings.Index(s[at:], p)
		if i < 0 {
			t.Errorf("%q is not there after %q", p, s[:at][max(0, at-80):])
			return
		}
		at += i + len(p)
	}
}
