// Package synth writes synthetic registers of any size for benchmarks and
// load tests: realistic shapes, both site languages, deterministic for a seed,
// and always valid (the validator accepts them with no warnings).
package synth

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options sets the size and shape of a synthetic register.
type Options struct {
	Activities int    // number of activity files
	Seed       uint64 // the same seed gives the same files
	Languages  []string
}

// Shared register sizes at scale; smaller registers use fewer so that every
// definition is used.
const (
	maxCategories = 300
	maxRecipients = 500
	maxMeasures   = 60
	maxSubjects   = 20
	perActivity   = 10 // data categories per activity
	recipientsPer = 4
	measuresPer   = 3
)

var (
	bases     = []string{"contract", "legitimate-interests", "consent", "legal-obligation", "public-task", "vital-interests"}
	sources   = []string{"provided", "observed", "derived", "received"}
	eeaHomes  = []string{"NL", "DE", "FR", "IE", "SE", "BE"}
	kinds     = []string{"processor", "processor", "controller", "group-company", "public-authority", "other"}
	periods   = []string{"P30D", "P6M", "P1Y", "P2Y", "P7Y", "P18M"}
	thirdHome = []struct{ country, safeguard string }{{"US", "dpf"}, {"JP", "adequacy"}, {"IN", "scc"}, {"CH", "adequacy"}, {"BR", "bcr"}}
)

// Write writes data/ of a synthetic register under dir: the shared registers
// and data/activities/activity-NNNNN.toml.
func Write(dir string, o Options) error {
	if o.Activities < 1 {
		return fmt.Errorf("need at least one activity, got %d", o.Activities)
	}
	if len(o.Languages) == 0 {
		o.Languages = []string{"nl", "en"}
	}
	g := &gen{Options: o, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))}
	g.categories = min(maxCategories, o.Activities*(perActivity-2))
	g.recipients = min(maxRecipients, o.Activities*(recipientsPer-1))
	g.measures = min(maxMeasures, o.Activities*measuresPer)
	g.subjects = min(maxSubjects, o.Activities)
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(filepath.Join(data, "activities"), 0o755); err != nil {
		return err
	}
	for name, write := range map[string]func(*bufio.Writer){
		"organisation.toml": g.organisation,
		"subjects.toml":     g.subjectsFile,
		"categories.toml":   g.categoriesFile,
		"recipients.toml":   g.recipientsFile,
		"measures.toml":     g.measuresFile,
	} {
		if err := writeFile(filepath.Join(data, name), write); err != nil {
			return err
		}
	}
	for i := range o.Activities {
		if err := writeFile(filepath.Join(data, "activities", fmt.Sprintf("activity-%05d.toml", i)), func(w *bufio.Writer) { g.activity(w, i) }); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(name string, write func(*bufio.Writer)) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	write(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type gen struct {
	Options
	rng                                        *rand.Rand
	categories, recipients, measures, subjects int
}

// text writes an inline table with the text in every language.
func (g *gen) text(nl, en string) string {
	var parts []string
	for _, l := range g.Languages {
		s := en
		if l == "nl" {
			s = nl
		}
		parts = append(parts, fmt.Sprintf("%s = %q", l, s))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func (g *gen) organisation(w *bufio.Writer) {
	fmt.Fprintf(w, `#:schema ../schemas/organisation.schema.json
name = "Synthetic"
effective_date = 2026-01-01

[[controllers]]
legal_name = "Synthetic B.V."
address = "Synthesestraat 1, 1000 AA Amsterdam"
country = "NL"
email = "privacy@synthetic.example"

[dpo]
email = "dpo@synthetic.example"

[supervisory_authority]
name = "Autoriteit Persoonsgegevens"
country = "NL"
website = "https://www.autoriteitpersoonsgegevens.nl"

[rights]
response_time = "P1M"
channels = [{ kind = "email", label = %s, address = "privacy@synthetic.example" }]
`, g.text("E-mail", "E-mail"))
}

func (g *gen) subjectsFile(w *bufio.Writer) {
	fmt.Fprintln(w, "#:schema ../schemas/subjects.schema.json")
	for i := range g.subjects {
		fmt.Fprintf(w, "\n[subject-%03d]\nname = %s\ndescription = %s\n", i,
			g.text(fmt.Sprintf("Betrokkenen %d", i), fmt.Sprintf("Data subjects %d", i)),
			g.text(fmt.Sprintf("Mensen van groep %d", i), fmt.Sprintf("People of group %d", i)))
	}
}

func special(i int) bool { return i%50 == 7 }

func (g *gen) categoriesFile(w *bufio.Writer) {
	fmt.Fprintln(w, "#:schema ../schemas/categories.schema.json")
	for i := range g.categories {
		fmt.Fprintf(w, "\n[category-%03d]\nname = %s\ndescription = %s\nexamples = [%s, %s]\nsource = %q\n", i,
			g.text(fmt.Sprintf("Gegevenscategorie %d", i), fmt.Sprintf("Data category %d", i)),
			g.text(fmt.Sprintf("Gegevens van soort %d die we gebruiken", i), fmt.Sprintf("Data of kind %d that we use", i)),
			g.text("voorbeeld een", "example one"), g.text("voorbeeld twee", "example two"),
			sources[i%len(sources)])
		if special(i) {
			fmt.Fprintln(w, "special = true")
		}
	}
}

// recipientHome gives the country of a recipient and, outside the EEA, its safeguard.
func recipientHome(i int) (country, safeguard string) {
	if i%5 < 2 {
		h := thirdHome[(i/5)%len(thirdHome)]
		return h.country, h.safeguard
	}
	return eeaHomes[i%len(eeaHomes)], ""
}

func (g *gen) recipientsFile(w *bufio.Writer) {
	fmt.Fprintln(w, "#:schema ../schemas/recipients.schema.json")
	for i := range g.recipients {
		country, _ := recipientHome(i)
		fmt.Fprintf(w, "\n[recipient-%03d]\nname = \"Recipient %d Ltd.\"\nkind = %q\ncountry = %q\ndescription = %s\ninternal = { contract = \"DPA-%05d\" }\n",
			i, i, kinds[i%len(kinds)], country,
			g.text(fmt.Sprintf("Ontvanger %d verwerkt gegevens voor ons", i), fmt.Sprintf("Recipient %d processes data for us", i)), i)
	}
}

func (g *gen) measuresFile(w *bufio.Writer) {
	fmt.Fprintln(w, "#:schema ../schemas/measures.schema.json")
	for i := range g.measures {
		kind := "technical"
		if i%3 == 0 {
			kind = "organisational"
		}
		fmt.Fprintf(w, "\n[measure-%02d]\nname = %s\ndescription = %s\nkind = %q\n", i,
			g.text(fmt.Sprintf("Maatregel %d", i), fmt.Sprintf("Measure %d", i)),
			g.text(fmt.Sprintf("Beschrijving van maatregel %d", i), fmt.Sprintf("Description of measure %d", i)), kind)
	}
}

// pick returns n distinct ids: the first `seq` follow the activity number so
// that every definition is used, the rest are drawn from the seeded source.
func (g *gen) pick(i, n, seq, size int) []int {
	n = min(n, size)
	seen := map[int]bool{}
	var out []int
	for k := 0; k < seq && len(out) < n; k++ {
		v := (i*seq + k) % size
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for len(out) < n {
		v := g.rng.IntN(size)
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func ids(prefix, format string, ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("%q", fmt.Sprintf(prefix+format, n))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (g *gen) activity(w *bufio.Writer, i int) {
	basis := bases[i%len(bases)]
	cats := g.pick(i, perActivity, perActivity-2, g.categories)
	recs := g.pick(i, recipientsPer, recipientsPer-1, g.recipients)
	meas := g.pick(i, measuresPer, measuresPer, g.measures)
	subj := g.pick(i, 2, 1, g.subjects)
	processor := i%40 == 39
	fmt.Fprintf(w, "#:schema ../../schemas/activity.schema.json\nname = %s\nsummary = %s\n",
		g.text(fmt.Sprintf("Verwerking %d", i), fmt.Sprintf("Processing %d", i)),
		g.text(fmt.Sprintf("Wat we doen bij verwerking %d en waarom, in gewone taal.", i), fmt.Sprintf("What we do in processing %d and why, in plain words.", i)))
	if processor {
		fmt.Fprintln(w, `role = "processor"`)
		fmt.Fprintln(w, `on_behalf_of = [{ legal_name = "Client B.V.", address = "Klantweg 2, Utrecht", country = "NL" }]`)
	} else {
		fmt.Fprintln(w, `role = "controller"`)
	}
	fmt.Fprintf(w, "purposes = [%s, %s]\nlegal_basis = %q\n",
		g.text(fmt.Sprintf("Doel A van %d", i), fmt.Sprintf("Purpose A of %d", i)),
		g.text(fmt.Sprintf("Doel B van %d", i), fmt.Sprintf("Purpose B of %d", i)), basis)
	switch basis {
	case "legitimate-interests":
		fmt.Fprintf(w, "legitimate_interest = %s\n", g.text("Ons belang bij een veilige dienst", "Our interest in a safe service"))
	case "legal-obligation", "public-task":
		fmt.Fprintf(w, "law = %s\n", g.text("Algemene wet inzake rijksbelastingen, art. 52", "General Tax Act, Art. 52"))
	}
	for _, c := range cats {
		if special(c) {
			fmt.Fprintln(w, `special_category_condition = "art9-2-a"`)
			break
		}
	}
	fmt.Fprintf(w, "subjects = %s\ncategories = %s\nrecipients = %s\nmeasures = %s\n",
		ids("subject-", "%03d", subj), ids("category-", "%03d", cats), ids("recipient-", "%03d", recs), ids("measure-", "%02d", meas))
	if i%25 == 24 {
		fmt.Fprintln(w, "public = false")
	}
	if i%7 == 3 {
		fmt.Fprintln(w, "children = true")
	}
	fmt.Fprintf(w, "requirement = { statutory = false, contractual = %v, consequence = %s }\n", basis == "contract",
		g.text("Zonder deze gegevens kunnen we de dienst niet leveren.", "Without this data we cannot provide the service."))
	for _, r := range recs {
		country, safeguard := recipientHome(r)
		if safeguard == "" {
			continue
		}
		extra := ""
		switch {
		case kinds[r%len(kinds)] == "public-authority" && (safeguard == "scc" || safeguard == "bcr"):
			// Clauses and corporate rules cannot bind a public authority.
			safeguard, extra = "art49-derogation", "derogation = \"art49-1-d\"\n"
		case safeguard == "scc" || safeguard == "bcr":
			extra = "copy = \"on-request\"\n"
		}
		fmt.Fprintf(w, "\n[[transfers]]\nrecipient = \"recipient-%03d\"\ncountry = %q\nsafeguard = %q\n%s", r, country, safeguard, extra)
	}
	// Retention: the categories in two groups, one with a period, one with criteria.
	half := len(cats) / 2
	fmt.Fprintf(w, "\n[[retention]]\ncategories = %s\nperiod = %q\ntrigger = %s\n",
		ids("category-", "%03d", cats[:half]), periods[i%len(periods)], g.text("na het einde van het account", "after the account ends"))
	fmt.Fprintf(w, "\n[[retention]]\ncategories = %s\ncriteria = %s\n",
		ids("category-", "%03d", cats[half:]), g.text("zolang het abonnement loopt", "as long as the subscription runs"))
	if i%10 == 5 {
		fmt.Fprintf(w, "\n[automated_decisions]\nused = true\nlogic = %s\nconsequences = %s\nhuman_review = %s\n",
			g.text("Een score uit betaalgedrag", "A score from payment behaviour"),
			g.text("Een betaling kan worden geweigerd", "A payment may be refused"),
			g.text("Vraag een medewerker om te kijken", "Ask a person to review it"))
	} else {
		fmt.Fprintln(w, "\n[automated_decisions]\nused = false")
	}
	if basis == "consent" {
		fmt.Fprintf(w, "\n[[choices]]\nkind = \"withdraw-consent\"\ntitle = %s\nsteps = [%s, %s]\nlink = \"https://synthetic.example/settings\"\n",
			g.text("Toestemming intrekken", "Withdraw consent"),
			g.text("Open de instellingen", "Open the settings"), g.text("Zet de schakelaar uit", "Switch it off"))
	}
	fmt.Fprintf(w, "\n[internal]\nowner = \"Team %d\"\nbusiness_function = \"Function %d\"\nsystems = [\"system-%d\", \"system-%d\"]\n", i%17, i%9, i%31, (i+7)%31)
	if i%6 == 1 {
		fmt.Fprintf(w, "lia = \"https://wiki.synthetic.example/lia/%d\"\n", i)
	}
	fmt.Fprintf(w, "dpia = { required = %v, status = \"done\" }\n", i%4 == 0)
}
