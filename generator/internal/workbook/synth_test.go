package workbook

import (
	"fmt"
	"math/rand/v2"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// synthRegister returns a register of n generated activities with the shapes
// of a large organisation: per activity 10 data categories, 4 recipients, 2
// transfers, 3 retention rules and 5 measures, texts in nl and en; shared
// registers of 300 categories, 500 recipients, 60 measures and 20 kinds of data
// subjects. It is the same for the same n.
func synthRegister(n int) *register.Register {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	both := func(nl, en string, args ...any) register.Text {
		return register.Text{"nl": fmt.Sprintf(nl, args...), "en": fmt.Sprintf(en, args...)}
	}
	reg := sampleRegister()
	reg.Subjects = map[string]*register.Subject{}
	reg.Categories = map[string]*register.Category{}
	reg.Recipients = map[string]*register.Recipient{}
	reg.Measures = map[string]*register.Measure{}

	subjects := make([]string, 20)
	for i := range subjects {
		id := fmt.Sprintf("subject-%02d", i)
		subjects[i] = id
		reg.Subjects[id] = &register.Subject{ID: id, Name: both("Betrokkenen groep %d", "Data subject group %d", i)}
	}
	sources := []string{"provided", "observed", "derived", "received"}
	categories := make([]string, 300)
	for i := range categories {
		id := fmt.Sprintf("category-%03d", i)
		categories[i] = id
		reg.Categories[id] = &register.Category{
			ID:          id,
			Name:        both("Gegevenscategorie %d", "Data category %d", i),
			Description: both("Gegevens van soort %d, zoals vastgelegd in het bronsysteem", "Data of kind %d, as recorded in the source system", i),
			Examples:    []register.Text{both("voorbeeld %d", "example %d", i)},
			Special:     i%20 == 7,
			Criminal:    i%100 == 42,
			Source:      sources[i%len(sources)],
		}
	}
	kinds := []string{"processor", "controller", "joint-controller", "group-company", "public-authority", "other"}
	countries := []string{"NL", "DE", "FR", "BE", "IE", "US", "GB", "JP", "IN", "CH"}
	recipients := make([]string, 500)
	for i := range recipients {
		id := fmt.Sprintf("recipient-%03d", i)
		recipients[i] = id
		reg.Recipients[id] = &register.Recipient{
			ID:          id,
			Name:        register.Name{"": fmt.Sprintf("Supplier %d B.V.", i)},
			Kind:        kinds[i%len(kinds)],
			Country:     countries[i%len(countries)],
			Description: both("Levert dienst %d aan ons", "Provides service %d to us", i),
			Internal:    &register.RecipientNote{Contract: fmt.Sprintf("DPA-%04d", i), Contact: fmt.Sprintf("privacy@supplier%d.example", i)},
		}
	}
	measures := make([]string, 60)
	for i := range measures {
		id := fmt.Sprintf("measure-%02d", i)
		measures[i] = id
		kind := "technical"
		if i%3 == 0 {
			kind = "organisational"
		}
		reg.Measures[id] = &register.Measure{
			ID:          id,
			Name:        both("Maatregel %d", "Measure %d", i),
			Description: both("Beschrijving van maatregel %d", "Description of measure %d", i),
			Kind:        kind,
		}
	}

	pick := func(from []string, k int) []string {
		out := make([]string, 0, k)
		for _, i := range rng.Perm(len(from))[:k] {
			out = append(out, from[i])
		}
		return out
	}
	safeguards := []string{"scc", "dpf", "bcr", "art49-derogation"}
	reg.Activities = make([]*register.Activity, n)
	for i := range reg.Activities {
		a := &register.Activity{
			ID:      fmt.Sprintf("activity-%05d", i),
			Name:    both("Verwerking %d voor de klantenservice", "Processing %d for customer service", i),
			Summary: both("Wij verwerken gegevens voor taak %d.", "We process data for task %d.", i),
			Role:    "controller",
			Purposes: register.PurposesOf(
				both("Klantvragen over onderwerp %d beantwoorden en opvolgen", "Answering and following up customer questions on topic %d", i),
				both("De dienstverlening voor product %d verbeteren", "Improving the service for product %d", i),
			),
			LegalBasis: legalBases[i%len(legalBases)].value,
			Subjects:   pick(subjects, 2),
			Categories: pick(categories, 10),
			Recipients: pick(recipients, 4),
			Measures:   pick(measures, 5),
			Internal: &register.ActivityInternal{
				Owner:              fmt.Sprintf("Team %d", i%40),
				BusinessFunction:   fmt.Sprintf("Department %d", i%12),
				Systems:            []string{fmt.Sprintf("System %d", i%30), "CRM"},
				DPIA:               &register.DPIA{Required: i%10 == 0, Status: "done", Link: fmt.Sprintf("https://intranet.example/dpia/%d", i)},
				ProcessorContracts: []string{fmt.Sprintf("DPA-%04d", i%500)},
			},
		}
		switch a.LegalBasis {
		case "legitimate-interests":
			a.LegitimateInterest = both("Ons belang bij het goed uitvoeren van taak %d", "Our interest in carrying out task %d well", i)
			a.Internal.LIA = fmt.Sprintf("LIA-%05d", i)
		case "legal-obligation", "public-task":
			a.Law = both("Wet nummer %d", "Act number %d", i)
		case "consent":
			a.Internal.ConsentRecord = "Consent register"
		}
		for _, c := range a.Categories {
			if reg.Categories[c].Special {
				a.SpecialCategoryCondition = "art9-2-h"
			}
		}
		for k := range 2 {
			t := register.Transfer{Recipient: a.Recipients[k], Country: []string{"US", "IN"}[k], Safeguard: safeguards[(i+k)%len(safeguards)]}
			if t.Safeguard == "dpf" {
				t.Country = "US"
			}
			if k == 0 {
				t.Details = both("Kopie van de waarborgen via privacy@example.com", "Copy of the safeguards from privacy@example.com")
			}
			a.Transfers = append(a.Transfers, t)
		}
		a.Retention = []register.Retention{
			{Categories: a.Categories[:4], Period: "P7Y", Trigger: both("na het einde van het contract", "after the end of the contract")},
			{Categories: a.Categories[4:8], Period: "P18M"},
			{Categories: a.Categories[8:], Criteria: both("Zolang de klant actief is", "For as long as the customer is active")},
		}
		if i%7 == 0 {
			a.AutomatedDecisions = register.AutomatedDecisions{Used: true, Logic: both("Score %d", "Score %d", i), Consequences: both("Andere prijs", "Another price")}
		}
		if i%20 == 3 {
			a.Role = "processor"
			a.OnBehalfOf = []register.Party{
				{LegalName: register.Name{"": fmt.Sprintf("Client %d B.V.", i)}, Address: "Straat 1, Utrecht", Country: "NL", Email: "privacy@client.example"},
				{LegalName: register.Name{"": fmt.Sprintf("Client %d GmbH", i)}, Address: "Strasse 2, Berlin", Country: "DE"},
			}
		}
		if i%9 == 0 {
			f := false
			a.Public = &f
		}
		reg.Activities[i] = a
	}
	return reg
}
