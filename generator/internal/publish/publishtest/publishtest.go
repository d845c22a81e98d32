// Package publishtest builds small registers in Go for the tests of the
// publishing packages: a realistic sample, and the same sample with a canary
// string planted in every internal field.
package publishtest

import (
	"fmt"
	"sort"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

func tx(nl, en string) register.Text { return register.Text{"nl": nl, "en": en} }

func txs(pairs ...string) []register.Text {
	var out []register.Text
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, tx(pairs[i], pairs[i+1]))
	}
	return out
}

// Sample returns a small, valid register of a fictional music service in
// Dutch (default) and English: four public activities (contract, consent,
// legitimate interests with automated decisions, legal obligation), one
// internal-only activity and one processor activity.
func Sample() *register.Register {
	f := false
	reg := &register.Register{
		Languages:       []string{"nl", "en"},
		DefaultLanguage: "nl",
		Organisation: register.Organisation{
			Name:          register.Name{"": "Klankwolk"},
			EffectiveDate: "2026-03-01",
			Version:       "2026.1",
			Controllers: []register.Party{{
				LegalName: register.Name{"": "Klankwolk B.V."}, Address: "Muziekweg 1\n1011 AA Amsterdam", Country: "NL",
				Email: "privacy@klankwolk.example", Registration: "KvK 12345678",
			}},
			JointControllers: []register.JointController{{
				Party:       register.Party{LegalName: register.Name{"": "Festivalpartner B.V."}, Address: "Podiumstraat 2\n3511 AB Utrecht", Country: "NL"},
				Arrangement: tx("Wij regelen samen de kaartverkoop; vragen kunt u aan ons stellen.", "We run ticket sales together; you can ask us your questions."),
			}},
			Representative: &register.Party{LegalName: register.Name{"": "Klankwolk Ireland Ltd"}, Address: "1 Harbour Road\nDublin", Country: "IE"},
			DPO:            &register.DPO{Name: register.Name{"nl": "Functionaris gegevensbescherming", "en": "Data protection officer"}, Email: "fg@klankwolk.example"},
			SupervisoryAuthority: register.Authority{
				Name: register.Name{"": "Autoriteit Persoonsgegevens"}, Country: "NL",
				Address: "Postbus 93374\n2509 AJ Den Haag", Website: "https://autoriteitpersoonsgegevens.nl",
			},
			Rights: register.RightsProcedure{
				ResponseTime: "P1M",
				Channels: []register.Channel{
					{Kind: "self-service", Label: tx("Privacy-instellingen in uw account", "Privacy settings in your account"), Address: "https://klankwolk.example/account/privacy"},
					{Kind: "email", Label: tx("E-mail aan ons privacyteam", "Email our privacy team"), Address: "privacy@klankwolk.example"},
				},
				Verification:  tx("Wij vragen u in te loggen of uw e-mailadres te bevestigen.", "We ask you to log in or confirm your email address."),
				ExtensionNote: tx("Bij ingewikkelde verzoeken kunnen wij twee maanden langer nodig hebben; dat laten wij u dan weten.", "For complex requests we may need two more months; we will tell you."),
			},
			Children: &register.ChildrenPolicy{MinimumAge: 16, Statement: tx("Onze dienst is voor mensen vanaf 16 jaar.", "Our service is for people aged 16 and over.")},
			Security: tx("Wij beveiligen uw gegevens met passende maatregelen.", "We protect your data with appropriate measures."),
		},
		Subjects: map[string]*register.Subject{
			"listeners": {ID: "listeners", Name: tx("Luisteraars", "Listeners"), Description: tx("Mensen met een account.", "People with an account.")},
			"visitors":  {ID: "visitors", Name: tx("Bezoekers", "Visitors")},
		},
		Categories: map[string]*register.Category{
			"contact-details":   {ID: "contact-details", Name: tx("Contactgegevens", "Contact details"), Description: tx("Hoe wij u bereiken.", "How we reach you."), Examples: txs("e-mailadres", "email address", "naam", "name"), Source: "provided"},
			"payment-details":   {ID: "payment-details", Name: tx("Betaalgegevens", "Payment details"), Description: tx("Hoe u betaalt.", "How you pay."), Examples: txs("IBAN", "IBAN"), Source: "provided"},
			"listening-history": {ID: "listening-history", Name: tx("Luistergeschiedenis", "Listening history"), Description: tx("Wat u afspeelt.", "What you play."), Source: "observed"},
			"fraud-score":       {ID: "fraud-score", Name: tx("Fraudescore", "Fraud score"), Description: tx("Een inschatting van het risico op misbruik.", "An estimate of the risk of abuse."), Source: "derived"},
			"health-data":       {ID: "health-data", Name: tx("Gezondheidsgegevens", "Health data"), Description: tx("Gegevens over een beperking.", "Data about a disability."), Special: true, Source: "provided"},
		},
		Recipients: map[string]*register.Recipient{
			"payment-provider": {ID: "payment-provider", Name: register.Name{"": "Betaalhuis B.V."}, Kind: "processor", Country: "NL", Description: tx("Verwerkt betalingen.", "Processes payments.")},
			"cloud-host":       {ID: "cloud-host", Name: register.Name{"": "Cloudhost Inc."}, Kind: "processor", Country: "US", Description: tx("Host onze systemen.", "Hosts our systems.")},
			"support-desk":     {ID: "support-desk", Name: register.Name{"": "Helpdesk Services Pvt Ltd"}, Kind: "processor", Country: "IN", Description: tx("Beantwoordt vragen van klanten.", "Answers customer questions.")},
			"tax-authority":    {ID: "tax-authority", Name: register.Name{"nl": "Belastingdienst", "en": "Dutch Tax Administration"}, Kind: "public-authority", Country: "NL", Description: tx("Controleert onze administratie.", "Audits our accounts.")},
		},
		Measures: map[string]*register.Measure{
			"encryption":     {ID: "encryption", Name: tx("Versleuteling", "Encryption"), Description: tx("Gegevens zijn versleuteld opgeslagen.", "Data is stored encrypted."), Kind: "technical"},
			"access-control": {ID: "access-control", Name: tx("Toegangsbeheer", "Access control"), Description: tx("Alleen wie het nodig heeft, kan erbij.", "Only those who need it have access."), Kind: "organisational"},
		},
		Activities: []*register.Activity{
			{
				ID: "account", Name: tx("Uw account", "Your account"),
				Summary:    tx("Wij maken en beheren uw account.", "We create and manage your account."),
				Role:       "controller",
				Purposes:   register.PurposesOf(txs("Uw account aanmaken", "Creating your account", "Uw abonnement leveren", "Providing your subscription")...),
				LegalBasis: "contract", Subjects: []string{"listeners"},
				Categories:  []string{"contact-details", "payment-details", "listening-history"},
				Requirement: &register.Requirement{Contractual: true, Consequence: tx("Zonder deze gegevens kunt u geen account maken.", "Without this data you cannot create an account.")},
				Recipients:  []string{"payment-provider", "cloud-host", "support-desk"},
				Transfers: []register.Transfer{
					{Recipient: "cloud-host", Country: "US", Safeguard: "dpf"},
					{Recipient: "support-desk", Country: "IN", Safeguard: "scc", Copy: "on-request"},
				},
				Retention: []register.Retention{
					{Categories: []string{"contact-details", "listening-history"}, Period: "P18M", Trigger: tx("nadat u uw account opheft", "after you close your account")},
					{Categories: []string{"payment-details"}, Period: "P30D"},
				},
				Measures: []string{"encryption", "access-control"},
				Choices: []register.Choice{{Kind: "settings", Title: tx("Uw gegevens aanpassen", "Change your details"),
					Steps: register.StepsOf(txs("Log in.", "Log in.", "Kies Account.", "Choose Account.")...), Link: "https://klankwolk.example/account"}},
				Children: true,
			},
			{
				ID: "newsletter", Name: tx("Nieuwsbrief", "Newsletter"),
				Summary:    tx("Wij sturen u nieuws als u dat wilt.", "We send you news if you want it."),
				Role:       "controller",
				Purposes:   register.PurposesOf(txs("U nieuws over artiesten sturen", "Sending you news about artists")...),
				LegalBasis: "consent", Subjects: []string{"listeners", "visitors"},
				Categories: []string{"contact-details"},
				Recipients: []string{}, Transfers: []register.Transfer{}, // stated: nobody, nothing
				Retention: []register.Retention{{Categories: []string{"contact-details"}, Criteria: tx("Tot u zich afmeldt.", "Until you unsubscribe.")}},
				Choices: []register.Choice{{Kind: "withdraw-consent", Title: tx("Afmelden voor de nieuwsbrief", "Unsubscribe from the newsletter"),
					Steps: register.StepsOf(txs("Klik op afmelden onderaan elke nieuwsbrief.", "Click unsubscribe at the bottom of any newsletter.")...)}},
				Cookies: []register.Cookie{
					{Name: "nb_form", Provider: "first-party", Purpose: tx("Onthoudt het aanmeldformulier.", "Remembers the sign-up form."), Lifetime: "session", Category: "strictly-necessary"},
					{Name: "nb_open", Kind: "pixel", Provider: "first-party", Purpose: tx("Meet of de nieuwsbrief is geopend.", "Measures whether the newsletter was opened."), Lifetime: "PT1H", Category: "analytics"},
				},
			},
			{
				ID: "fraud-prevention", Name: tx("Fraude voorkomen", "Preventing fraud"),
				Summary: tx("Wij sporen misbruik van accounts op.", "We detect abuse of accounts."),
				Role:    "controller",
				Purposes: []register.Purpose{
					{Purpose: tx("Misbruik voorkomen", "Preventing abuse")},
					{Purpose: tx("Fraude melden aan de politie", "Reporting fraud to the police"), LegalBasis: "legal-obligation",
						Law: tx("Wet ter voorkoming van witwassen", "Anti-Money Laundering Act")},
				},
				LegalBasis: "legitimate-interests", LegitimateInterest: tx("Onze dienst en onze klanten beschermen tegen fraude.", "Protecting our service and customers against fraud."),
				Subjects: []string{"listeners"}, Categories: []string{"payment-details", "fraud-score"},
				Recipients: []string{"cloud-host"},
				Transfers:  []register.Transfer{{Recipient: "cloud-host", Country: "US", Safeguard: "dpf"}},
				Internal:   &register.ActivityInternal{LIA: "LIA-2026-01"}, // a balancing test is recorded
				Retention:  []register.Retention{{Categories: []string{"payment-details", "fraud-score"}, Period: "P1Y6M"}},
				AutomatedDecisions: register.AutomatedDecisions{Used: true,
					Logic:        tx("Een model weegt betaalgedrag.", "A model weighs payment behaviour."),
					Consequences: tx("Een betaling kan worden geweigerd.", "A payment may be refused."),
					HumanReview:  tx("Mail ons; een medewerker beoordeelt het besluit opnieuw.", "Email us; a person reviews the decision again.")},
				Choices: []register.Choice{{Kind: "object", Title: tx("Bezwaar maken", "Object"), Steps: register.StepsOf(txs("Mail ons.", "Email us.")...)}},
			},
			{
				ID: "tax-records", Name: tx("Belastingadministratie", "Tax records"),
				Summary:    tx("Wij bewaren facturen voor de Belastingdienst.", "We keep invoices for the tax authority."),
				Role:       "controller",
				Purposes:   register.PurposesOf(txs("Voldoen aan de fiscale bewaarplicht", "Meeting the tax retention duty")...),
				LegalBasis: "legal-obligation", Law: tx("Algemene wet inzake rijksbelastingen, art. 52", "General Tax Act, s. 52"),
				Subjects: []string{"listeners"}, Categories: []string{"payment-details"},
				Requirement: &register.Requirement{Statutory: true, Consequence: tx("Zonder factuurgegevens kunnen wij u niets verkopen.", "Without invoice data we cannot sell to you.")},
				Recipients:  []string{"tax-authority"},
				Transfers:   []register.Transfer{}, // stated: none
				Retention:   []register.Retention{{Categories: []string{"payment-details"}, Period: "P7Y", Trigger: tx("na het einde van het boekjaar", "after the end of the financial year")}},
			},
			{
				ID: "accessibility-support", Name: tx("Toegankelijkheidshulp", "Accessibility support"),
				Summary:    tx("Wij passen de dienst aan als u een beperking heeft.", "We adapt the service if you have a disability."),
				Role:       "controller",
				Purposes:   register.PurposesOf(txs("De dienst voor u toegankelijk maken", "Making the service accessible to you")...),
				LegalBasis: "consent", SpecialCategoryCondition: "art9-2-a",
				Subjects: []string{"listeners"}, Categories: []string{"health-data"},
				Retention: []register.Retention{{Categories: []string{"health-data"}, Period: "P1Y"}},
				Choices: []register.Choice{{Kind: "withdraw-consent", Title: tx("Toestemming intrekken", "Withdraw consent"),
					Steps: register.StepsOf(txs("Zet de toegankelijkheidshulp uit in uw instellingen.", "Turn off accessibility support in your settings.")...)}},
			},
			{
				ID: "staff-monitoring", Name: tx("Interne controle", "Internal audit"),
				Summary: tx("Intern.", "Internal."), Role: "controller", Public: &f,
				Purposes:   register.PurposesOf(txs("Controle", "Audit")...),
				LegalBasis: "legitimate-interests", LegitimateInterest: tx("Controle", "Audit"),
				Subjects: []string{"listeners"}, Categories: []string{"contact-details"},
			},
			{
				ID: "label-reporting", Name: tx("Rapportage voor labels", "Reporting for labels"),
				Summary: tx("Als verwerker.", "As a processor."), Role: "processor",
				OnBehalfOf: []register.Party{{LegalName: register.Name{"": "Platenlabel B.V."}, Address: "Plaatweg 3", Country: "NL"}},
				Purposes:   register.PurposesOf(txs("Rapportage", "Reporting")...),
				LegalBasis: "contract", Subjects: []string{"listeners"}, Categories: []string{"listening-history"},
			},
		},
	}
	sort.Slice(reg.Activities, func(i, j int) bool { return reg.Activities[i].ID < reg.Activities[j].ID })
	return reg
}

// Activity returns the activity of reg with the given id, or nil.
func Activity(reg *register.Register, id string) *register.Activity {
	for _, a := range reg.Activities {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// Canary is planted in internal fields; each planted value is Canary
// followed by a distinct suffix, so a test can name the field that leaked.
// It is lower case so that it can also be an id (and so part of a URL).
const Canary = "canary7f3a"

// WithCanaries returns Sample with a distinct canary string in every internal
// field: the [internal] tables of the organisation, every activity and every
// recipient, the name and texts of the internal-only and the processor
// activity, a recipient, category, subject and measure that only those
// activities use, and the parties a processor works for. It also returns the
// planted strings.
func WithCanaries() (*register.Register, []string) {
	reg := Sample()
	var planted []string
	c := func(field string) string {
		s := fmt.Sprintf("%s-%s", Canary, field)
		planted = append(planted, s)
		return s
	}
	ct := func(field string) register.Text {
		return register.Text{"nl": c(field + "-nl"), "en": c(field + "-en"), "": c(field + "-plain")}
	}
	reg.Organisation.Internal = &register.OrganisationNotes{RecordOwner: c("org-record-owner"), Notes: c("org-notes")}

	recIDs := make([]string, 0, len(reg.Recipients))
	for id := range reg.Recipients {
		recIDs = append(recIDs, id)
	}
	sort.Strings(recIDs)
	for _, id := range recIDs {
		reg.Recipients[id].Internal = &register.RecipientNote{
			Contract: c("recipient-" + id + "-contract"), Contact: c("recipient-" + id + "-contact"), Notes: c("recipient-" + id + "-notes"),
		}
	}
	// Definitions that only non-public activities use.
	reg.Recipients[Canary+"-vendor"] = &register.Recipient{ID: Canary + "-vendor", Name: register.Name{"": c("secret-vendor-name"), "en": c("secret-vendor-name-en")}, Kind: "processor", Country: "CN",
		Description: ct("secret-vendor-description"), Internal: &register.RecipientNote{Contract: c("secret-vendor-contract")}}
	reg.Categories[Canary+"-category"] = &register.Category{ID: Canary + "-category", Name: ct("secret-category-name"), Description: ct("secret-category-description"),
		Examples: []register.Text{ct("secret-category-example")}, Source: "received"}
	reg.Subjects[Canary+"-subjects"] = &register.Subject{ID: Canary + "-subjects", Name: ct("secret-subjects-name"), Description: ct("secret-subjects-description")}
	reg.Measures[Canary+"-measure"] = &register.Measure{ID: Canary + "-measure", Name: ct("secret-measure-name"), Description: ct("secret-measure-description"), Kind: "technical"}
	reg.Categories[Canary+"-category"].VisibleTo = &register.Visibility{To: "public", What: ct("secret-category-visible-what"), Control: ct("secret-category-visible-control")}
	reg.Topics = map[string]*register.Topic{Canary + "-topic": {ID: Canary + "-topic", Name: ct("secret-topic-name"), Description: ct("secret-topic-description")}}

	for _, a := range reg.Activities {
		if !a.IsPublic() {
			a.ID = Canary + "-" + a.ID
		}
		a.Internal = &register.ActivityInternal{
			Owner: c(a.ID + "-owner"), BusinessFunction: c(a.ID + "-business-function"),
			Systems: []string{c(a.ID + "-system-1"), c(a.ID + "-system-2")},
			DPIA:    &register.DPIA{Required: true, Status: "in-progress", Link: c(a.ID + "-dpia-link")},
			LIA:     c(a.ID + "-lia"), ConsentRecord: c(a.ID + "-consent-record"),
			ProcessorContracts: []string{c(a.ID + "-processor-contract")},
			Notes:              c(a.ID + "-notes"),
		}
		if a.IsPublic() {
			continue
		}
		// Everything of a non-public activity is secret, not only [internal].
		a.Name = ct(a.ID + "-name")
		a.Summary = ct(a.ID + "-summary")
		a.Purposes = []register.Purpose{{Purpose: ct(a.ID + "-purpose"), LegalBasis: a.LegalBasis, LegitimateInterest: ct(a.ID + "-purpose-interest"), Law: ct(a.ID + "-purpose-law")}}
		a.LegitimateInterest = ct(a.ID + "-interest")
		a.Law = ct(a.ID + "-law")
		a.SourceDetails = ct(a.ID + "-source-details")
		a.Subjects = append(a.Subjects, Canary+"-subjects")
		a.Categories = append(a.Categories, Canary+"-category")
		a.Recipients = append(a.Recipients, Canary+"-vendor")
		a.Measures = append(a.Measures, Canary+"-measure")
		a.Transfers = append(a.Transfers, register.Transfer{Recipient: Canary + "-vendor", Country: "CN", Safeguard: "scc", Details: ct(a.ID + "-transfer-details")})
		a.Retention = append(a.Retention, register.Retention{Categories: []string{Canary + "-category"}, Criteria: ct(a.ID + "-retention-criteria"), Trigger: ct(a.ID + "-retention-trigger")})
		a.Requirement = &register.Requirement{Consequence: ct(a.ID + "-consequence")}
		a.AutomatedDecisions = register.AutomatedDecisions{Used: true, Logic: ct(a.ID + "-logic"), Consequences: ct(a.ID + "-consequences"), HumanReview: ct(a.ID + "-human-review")}
		a.Choices = []register.Choice{{Kind: "object", Title: ct(a.ID + "-choice-title"), Steps: register.StepsOf(ct(a.ID + "-choice-step")), Link: "https://" + c(a.ID+"-choice-link") + ".example",
			Effect: ct(a.ID + "-choice-effect"), Where: ct(a.ID + "-choice-where"), Right: "access",
			Ways:  []register.Way{{Platforms: []string{"ios"}, Audience: ct(a.ID + "-choice-audience"), Steps: []register.Step{{Text: ct(a.ID + "-choice-way-step"), Steps: register.StepsOf(ct(a.ID + "-choice-sub-step"))}}}},
			Links: []register.Link{{URL: "https://" + c(a.ID+"-choice-links") + ".example", Label: ct(a.ID + "-choice-link-label")}}}}
		a.VisibleTo = &register.Visibility{To: "public", What: ct(a.ID + "-visible-what"), Control: ct(a.ID + "-visible-control")}
		a.Topic = Canary + "-topic"
		a.Cookies = []register.Cookie{{Name: c(a.ID + "-cookie-name"), Provider: "third-party", Recipient: Canary + "-vendor", Purpose: ct(a.ID + "-cookie-purpose"), Lifetime: "P1Y", Category: "advertising"}}
		for i := range a.OnBehalfOf {
			a.OnBehalfOf[i] = register.Party{LegalName: register.Name{"": c(a.ID + "-on-behalf-of-name")}, Address: c(a.ID + "-on-behalf-of-address"), Country: "NL", Email: c(a.ID+"-on-behalf-of") + "@example.com"}
		}
	}
	sort.Slice(reg.Activities, func(i, j int) bool { return reg.Activities[i].ID < reg.Activities[j].ID })
	return reg, planted
}
