// Package completeness says, per activity, which item of the record (GDPR
// Art. 30) and of the information to people (Art. 13 and 14) is answered by
// which field of the records, and which is missing or only implied. It is the
// one place that maps items to fields: the validate command's report and the
// workbook's completeness sheet both use it.
//
// It agrees with the rules of package register: an item a rule would flag is
// never reported as answered.
package completeness

import (
	"slices"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Status is how far the records answer an item.
type Status int

const (
	// NotApplicable: the item does not apply to the activity (for example the
	// legitimate interest of an activity based on consent).
	NotApplicable Status = iota
	// Answered: a field of the records answers the item, possibly by saying
	// explicitly that there is nothing (recipients = []).
	Answered
	// Implied: no field answers the item itself, but other fields imply the
	// answer (no transfers, because every recipient is in the EEA).
	Implied
	// Missing: the records do not answer the item.
	Missing
)

// String returns the status as one lower-case word.
func (s Status) String() string {
	switch s {
	case Answered:
		return "answered"
	case Implied:
		return "implied"
	case Missing:
		return "missing"
	}
	return "n/a"
}

// Item is one item the record or the information to people must hold.
type Item struct {
	Key   string // stable key, e.g. "30.1.b"; the workbook's words are keyed by it
	Ref   string // the provision, e.g. "Art. 30(1)(b)"
	Title string // what the item is, in English
}

// Result is the answer to one item for one activity.
type Result struct {
	Item   Item
	Status Status
	// Fields are the fields that answer or imply the item, as data paths of
	// the activity ("retention") or of a shared record ("organisation.dpo").
	Fields []string
	// Note says why an item is implied, missing or not applicable; it is
	// empty when the item is answered.
	Note string
}

// The items, in the order of the GDPR.
var (
	controllerItems = []Item{
		{"30.1.a", "Art. 30(1)(a)", "name and contact details of the controller, representative and DPO"},
		{"30.1.b", "Art. 30(1)(b)", "purposes of the processing"},
		{"30.1.c", "Art. 30(1)(c)", "categories of data subjects and of personal data"},
		{"30.1.d", "Art. 30(1)(d)", "categories of recipients"},
		{"30.1.e", "Art. 30(1)(e)", "transfers to third countries and their safeguards"},
		{"30.1.f", "Art. 30(1)(f)", "time limits for erasure"},
		{"30.1.g", "Art. 30(1)(g)", "technical and organisational security measures"},
		{"13.1.a", "Art. 13(1)(a)", "identity and contact details of the controller"},
		{"13.1.b", "Art. 13(1)(b)", "contact details of the data protection officer"},
		{"13.1.c", "Art. 13(1)(c)", "purposes and legal basis"},
		{"13.1.d", "Art. 13(1)(d)", "legitimate interests pursued"},
		{"13.1.e", "Art. 13(1)(e)", "recipients"},
		{"13.1.f", "Art. 13(1)(f)", "transfers and safeguards"},
		{"13.2.a", "Art. 13(2)(a)", "retention period or criteria"},
		{"13.2.b", "Art. 13(2)(b)", "rights of the data subject"},
		{"13.2.c", "Art. 13(2)(c)", "right to withdraw consent"},
		{"13.2.d", "Art. 13(2)(d)", "right to lodge a complaint with a supervisory authority"},
		{"13.2.e", "Art. 13(2)(e)", "statutory or contractual requirement and consequences"},
		{"13.2.f", "Art. 13(2)(f)", "automated decision-making, including profiling"},
		{"14.1.d", "Art. 14(1)(d)", "categories of personal data not obtained from the person"},
		{"14.2.f", "Art. 14(2)(f)", "source of personal data not obtained from the person"},
	}
	processorItems = []Item{
		{"30.2.a", "Art. 30(2)(a)", "name and contact details of the processor and of each controller"},
		{"30.2.b", "Art. 30(2)(b)", "categories of processing carried out for each controller"},
		{"30.2.c", "Art. 30(2)(c)", "transfers to third countries and their safeguards"},
		{"30.2.d", "Art. 30(2)(d)", "technical and organisational security measures"},
	}
)

// Items returns the items that apply to activities of a role ("controller"
// or "processor"), in order. The slice must not be changed.
func Items(role string) []Item {
	if role == "processor" {
		return processorItems
	}
	return controllerItems
}

// AllItems returns every item, controller items first. The slice is new.
func AllItems() []Item {
	return append(slices.Clone(controllerItems), processorItems...)
}

// Check answers every item of Items(a.Role) for activity a of reg.
func Check(reg *register.Register, a *register.Activity) []Result {
	return CheckInto(nil, reg, a)
}

// CheckInto is Check reusing the room of dst, for callers that check one
// activity after another (the workbook's 10,000 rows).
func CheckInto(dst []Result, reg *register.Register, a *register.Activity) []Result {
	items := Items(a.Role)
	out := slices.Grow(dst[:0], len(items))[:len(items)]
	for i, it := range items {
		r := check(reg, a, it.Key)
		r.Item = it
		out[i] = r
	}
	return out
}

func answered(fields ...string) Result { return Result{Status: Answered, Fields: fields} }

func missing(note string, fields ...string) Result {
	return Result{Status: Missing, Fields: fields, Note: note}
}

func implied(note string, fields ...string) Result {
	return Result{Status: Implied, Fields: fields, Note: note}
}

func notApplicable(note string) Result { return Result{Status: NotApplicable, Note: note} }

// check answers one item; key is an Item.Key.
func check(reg *register.Register, a *register.Activity, key string) Result {
	org := &reg.Organisation
	stated := func(t register.Text) bool { return stated(reg, a, t) }
	allStated := func(ts []register.Text) bool {
		for _, t := range ts {
			if !stated(t) {
				return false
			}
		}
		return true
	}
	switch key {
	case "30.1.a", "13.1.a":
		if controllersComplete(org.Controllers) {
			return answered("organisation.controllers")
		}
		return missing("no controller with legal name, address and an e-mail address or phone number", "organisation.controllers")
	case "30.2.a":
		if !controllersComplete(org.Controllers) {
			return missing("the processor's own name and contact details are incomplete", "organisation.controllers")
		}
		if len(a.OnBehalfOf) == 0 {
			return missing("on_behalf_of names no controller", "on_behalf_of")
		}
		return answered("organisation.controllers", "on_behalf_of")
	case "13.1.b":
		if org.DPO != nil && org.DPO.Email != "" {
			return answered("organisation.dpo")
		}
		return missing("no data protection officer is recorded (required where Art. 37 applies)", "organisation.dpo")
	case "30.1.b", "30.2.b":
		if len(a.Purposes) > 0 && allStated(a.PurposeTexts()) {
			return answered("purposes")
		}
		return missing("no purposes, or a placeholder", "purposes")
	case "30.1.c":
		if len(a.Subjects) > 0 && len(a.Categories) > 0 && known(a.Subjects, reg.Subjects) && known(a.Categories, reg.Categories) {
			return answered("subjects", "categories")
		}
		return missing("subjects or categories are missing or unknown", "subjects", "categories")
	case "13.1.c":
		if len(a.Purposes) == 0 || !allStated(a.PurposeTexts()) {
			return missing("purposes missing", "purposes")
		}
		fields := []string{"purposes", "legal_basis"}
		special := false
		for i := range a.Purposes {
			p := a.Resolved(i)
			switch p.LegalBasis {
			case "":
				return missing("a purpose has no legal basis", "legal_basis", "purposes[].legal_basis")
			case "legal-obligation", "public-task":
				if !stated(p.Law) {
					return missing("the law that sets the obligation or task is not stated", "law", "purposes[].law")
				}
				if !slices.Contains(fields, "law") {
					fields = append(fields, "law")
				}
			}
			special = special || p.SpecialCategoryCondition != ""
		}
		if !special && hasSpecial(reg, a) {
			return missing("a data category is special but the Art. 9(2) condition is not stated", "special_category_condition")
		}
		return answered(fields...)
	case "13.1.d":
		if !slices.Contains(a.LegalBases(), "legitimate-interests") {
			return notApplicable("no purpose is on legitimate interests")
		}
		for i := range a.Purposes {
			if p := a.Resolved(i); p.LegalBasis == "legitimate-interests" && !stated(p.LegitimateInterest) {
				return missing("the legitimate interest is not stated", "legitimate_interest", "purposes[].legitimate_interest")
			}
		}
		return answered("legitimate_interest")
	case "30.1.d", "13.1.e":
		switch {
		case a.Recipients == nil:
			return missing("recipients is not stated (write recipients = [] when there are none)", "recipients")
		case !known(a.Recipients, reg.Recipients):
			return missing("a recipient is not defined", "recipients")
		}
		return answered("recipients")
	case "30.1.e", "13.1.f", "30.2.c":
		return Transfers(reg, a)
	case "30.1.f", "13.2.a":
		if len(a.Retention) == 0 {
			return missing("no retention rule", "retention")
		}
		for _, r := range a.Retention {
			for _, id := range r.Categories {
				if !slices.Contains(a.Categories, id) {
					return missing("a retention rule names "+id+", which is not a category of the activity", "retention")
				}
			}
			if r.Period == "" && !stated(r.Criteria) {
				return missing("a retention rule has neither period nor criteria", "retention")
			}
			if r.UpTo != "" && r.Period != "" && register.PeriodDays(r.UpTo) <= register.PeriodDays(r.Period) {
				return missing("a retention range does not end after it starts", "retention")
			}
		}
		covered := func(id string) bool {
			for _, r := range a.Retention {
				if slices.Contains(r.Categories, id) {
					return true
				}
			}
			return false
		}
		for _, id := range a.Categories {
			if !covered(id) {
				return missing("data category "+id+" has no retention rule", "retention")
			}
		}
		return answered("retention")
	case "30.1.g", "30.2.d":
		switch {
		case a.Measures != nil && known(a.Measures, reg.Measures):
			return answered("measures")
		case a.Measures != nil:
			return missing("a measure is not defined", "measures")
		case len(org.Security) > 0:
			return implied("the activity names no measures; the organisation's general description applies", "organisation.security")
		}
		return missing("no measures and no general description of security", "measures", "organisation.security")
	case "13.2.b":
		if len(org.Rights.Channels) > 0 {
			return answered("organisation.rights")
		}
		return missing("no channel for requests", "organisation.rights")
	case "13.2.c":
		if !slices.Contains(a.LegalBases(), "consent") {
			return notApplicable("no purpose is on consent")
		}
		if slices.ContainsFunc(a.Choices, func(c register.Choice) bool { return c.Kind == "withdraw-consent" }) {
			return answered("choices")
		}
		return missing("no choice of kind withdraw-consent", "choices")
	case "13.2.d":
		if len(org.SupervisoryAuthority.Name) > 0 {
			return answered("organisation.supervisory_authority")
		}
		return missing("no supervisory authority", "organisation.supervisory_authority")
	case "13.2.e":
		if !hasSource(reg, a, "provided") {
			return notApplicable("no data category is provided by the person")
		}
		if a.Requirement != nil && stated(a.Requirement.Consequence) {
			return answered("requirement")
		}
		return missing("requirement is not stated for the data the person provides", "requirement")
	case "13.2.f":
		d := a.AutomatedDecisions
		if !d.Used {
			return answered("automated_decisions.used")
		}
		if stated(d.Logic) && stated(d.Consequences) {
			return answered("automated_decisions")
		}
		return missing("automated decisions are used but their logic or consequences are not stated", "automated_decisions")
	case "14.1.d":
		if !hasSource(reg, a, "received") {
			return notApplicable("all data is obtained from the person")
		}
		return answered("categories")
	case "14.2.f":
		if !hasSource(reg, a, "received") {
			return notApplicable("all data is obtained from the person")
		}
		if stated(a.SourceDetails) {
			return answered("source_details")
		}
		return missing("data is received from others but source_details does not say from whom", "source_details")
	}
	return missing("unknown item " + key)
}

// Transfers answers Art. 30(1)(e), 13(1)(f) and 30(2)(c). The rules make
// every recipient outside the EEA need a transfer entry, so with every
// recipient in the EEA the records imply there is no transfer.
func Transfers(reg *register.Register, a *register.Activity) Result {
	transferred := map[string]bool{} // recipient, and recipient + country
	for _, t := range a.Transfers {
		transferred[t.Recipient] = true
		var r *register.Recipient
		if t.Recipient != "" {
			r = reg.Recipients[t.Recipient]
			if r == nil || !slices.Contains(a.Recipients, t.Recipient) {
				return missing("a transfer's recipient is not among the activity's recipients", "transfers", "recipients")
			}
		}
		if t.Safeguard == "" || len(t.Where()) == 0 {
			return missing("a transfer has no country or safeguard", "transfers")
		}
		switch {
		case t.Safeguard == "art49-derogation" && t.Derogation == "":
			return missing("an Art. 49 derogation without the letter relied on", "transfers")
		case t.Safeguard != "art49-derogation" && t.Derogation != "":
			return missing("a derogation named for a safeguard that is not Art. 49", "transfers")
		case (t.Safeguard == "scc" || t.Safeguard == "bcr") && r != nil && r.Kind == "public-authority":
			return missing("clauses or corporate rules named for a public authority, which they cannot bind", "transfers", "recipients")
		case t.Copy != "" && !register.HasCopy(t.Safeguard):
			return missing("a copy named for a safeguard that is not a document", "transfers")
		}
		date := reg.Organisation.EffectiveDate
		for _, code := range t.Where() {
			transferred[t.Recipient+" "+code] = true
			_, adequate := country.Adequacy(code)
			switch {
			case !country.Valid(code) || country.InEEA(code):
				return missing("a transfer's country is not valid, or is in the EEA", "transfers")
			case r != nil && r.Region != "worldwide" && len(r.Where()) > 0 && !slices.Contains(r.Where(), code):
				return missing("a transfer's country is not one of the recipient's", "transfers")
			case t.Safeguard == "dpf" && code != country.DPFCountry,
				t.Safeguard == "adequacy" && (code == country.DPFCountry || !adequate),
				t.Safeguard == "privacy-shield" && code != country.DPFCountry:
				return missing("the safeguard does not hold for the country", "transfers")
			case t.Safeguard == "dpf" && date != "" && date < country.DPFSince,
				t.Safeguard == "privacy-shield" && (date == "" || date >= country.PrivacyShieldUntil):
				return missing("the safeguard was not in force on the notice's effective date", "transfers", "organisation.effective_date")
			case t.Safeguard == "adequacy" && date != "":
				if _, ok := country.AdequateOn(code, date); !ok {
					return missing("the adequacy decision was not in force on the notice's effective date", "transfers", "organisation.effective_date")
				}
			}
		}
	}
	// A controller outside the EEA that collects directly from the person
	// does not transfer to recipients in its own country (EDPB Guidelines
	// 05/2021), as the rules say.
	home := map[string]bool{}
	for _, p := range reg.Organisation.Responsible(a) {
		if !country.InEEA(p.Country) {
			home[p.Country] = true
		}
	}
	for _, id := range a.Recipients {
		r := reg.Recipients[id]
		if r == nil {
			return missing("recipient "+id+" is not defined", "recipients")
		}
		for _, code := range r.Where() {
			if !country.InEEA(code) && !transferred[id+" "+code] && !home[code] {
				return missing("recipient "+id+" is outside the EEA but has no transfer entry", "transfers", "recipients")
			}
		}
		if r.Region == "worldwide" && len(r.Countries) == 0 && !transferred[id] {
			return missing("recipient "+id+" receives data worldwide but has no transfer entry", "transfers", "recipients")
		}
	}
	switch {
	case a.Transfers != nil:
		return answered("transfers")
	case a.Recipients == nil:
		return missing("neither recipients nor transfers is stated", "transfers", "recipients")
	case len(a.Recipients) == 0:
		return implied("recipients = [] and a transfer needs a recipient", "recipients")
	}
	return implied("no transfers entry; every recipient is in the EEA or needs none", "recipients")
}

// controllersComplete: at least one controller, each with a legal name, an
// address and a way to reach it.
func controllersComplete(ps []register.Party) bool {
	if len(ps) == 0 {
		return false
	}
	for _, p := range ps {
		if len(p.LegalName) == 0 || p.Address == "" || p.Email == "" && p.Phone == "" {
			return false
		}
	}
	return true
}

// known reports whether every id is defined in m.
func known[V any](ids []string, m map[string]V) bool {
	for _, id := range ids {
		if _, ok := m[id]; !ok {
			return false
		}
	}
	return true
}

// hasSource reports whether a data category of a has the source.
func hasSource(reg *register.Register, a *register.Activity, source string) bool {
	for _, id := range a.Categories {
		if c := reg.Categories[id]; c != nil && c.Source == source {
			return true
		}
	}
	return false
}

// hasSpecial reports whether a data category of a is special (Art. 9).
func hasSpecial(reg *register.Register, a *register.Activity) bool {
	for _, id := range a.Categories {
		if c := reg.Categories[id]; c != nil && c.Special {
			return true
		}
	}
	return false
}

// stated reports whether a text is written and is not a placeholder (a
// text starting with TODO, which the rules warn about). The texts of a
// public activity must be written in every language of the site and in no
// other, as the rules require.
func stated(reg *register.Register, a *register.Activity, t register.Text) bool {
	if len(t) == 0 {
		return false
	}
	for k, s := range t {
		if s == "" || strings.HasPrefix(s, "TODO") {
			return false
		}
		if a.IsPublic() && k != "" && len(reg.Languages) > 0 && !slices.Contains(reg.Languages, k) {
			return false
		}
	}
	if a.IsPublic() {
		for _, lang := range reg.Languages {
			if t.In(lang, reg.DefaultLanguage) == "" {
				return false
			}
		}
	}
	return true
}
