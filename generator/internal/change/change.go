// Package change compares two versions of a register and names what changed
// in Art. 30 terms: purposes, legal bases, data categories, recipients,
// transfers, retention, the organisation's controllers, DPO and authority.
// Each change is material (it needs the DPO's approval and may need notice
// to people) or editorial.
package change

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Kinds of change.
const (
	ActivityAdded       = "activity-added"
	ActivityRemoved     = "activity-removed"
	ActivityPublished   = "activity-published"
	ActivityUnpublished = "activity-unpublished"
	PurposeAdded        = "purpose-added"
	PurposeRemoved      = "purpose-removed"
	LegalBasisChanged   = "legal-basis-changed"
	CategoryAdded       = "category-added"
	CategoryRemoved     = "category-removed"
	RecipientAdded      = "recipient-added"
	RecipientRemoved    = "recipient-removed"
	TransferAdded       = "transfer-added"
	ThirdCountryAdded   = "third-country-added"
	TransferRemoved     = "transfer-removed"
	SafeguardChanged    = "safeguard-changed"
	RetentionLonger     = "retention-longer"
	RetentionShorter    = "retention-shorter"
	RetentionChanged    = "retention-changed"
	RetentionAdded      = "retention-added"
	RetentionRemoved    = "retention-removed"
	ControllerAdded     = "controller-added"
	ControllerRemoved   = "controller-removed"
	ControllerChanged   = "controller-changed"
	DPOChanged          = "dpo-changed"
	AuthorityChanged    = "authority-changed"
	AuthorityDetails    = "authority-details-changed"
	CategoryMadeSpecial = "category-made-special"
	RecipientMoved      = "recipient-country-changed"
	CookieAdded         = "cookie-added"
	CookieRemoved       = "cookie-removed"
	CookieChanged       = "cookie-changed"
	TextEdited          = "text-edited"
)

// Change is one difference between two registers.
type Change struct {
	Kind     string `json:"kind"`
	Record   string `json:"record"`             // "activity:<id>", "organisation", "categories:<id>", ...
	Activity string `json:"activity,omitempty"` // the activity's id, for changes to an activity
	Material bool   `json:"material"`
	Subject  string `json:"subject,omitempty"` // what changed: a purpose, a category id, a recipient id, ...
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`

	// words of the subject per language, when it is a text (a purpose)
	subjectText register.Text
	subjectName register.Text // the name of the category or recipient the subject is
	country     string        // the third country of a transfer
	name        register.Text // the activity's name
	field       string        // the record's field the change is about
}

// SubjectIn returns the subject in lang: a purpose's text in that language,
// else the subject as is.
func (c Change) SubjectIn(lang, defaultLang string) string {
	if c.subjectText != nil {
		if s := c.subjectText.In(lang, defaultLang); s != "" {
			return s
		}
		return c.subjectText.In(defaultLang, defaultLang)
	}
	if c.country != "" { // a transfer: the recipient and the country's name
		recipient, _, _ := strings.Cut(c.Subject, " (")
		return recipient + " (" + country.Name(c.country, lang) + ")"
	}
	if name := inLang(c.subjectName, lang, defaultLang); name != "" && name != c.Subject {
		return c.Subject + " (" + name + ")"
	}
	return c.Subject
}

// inLang returns a text in lang, else in the default language.
func inLang(t register.Text, lang, defaultLang string) string {
	if s := t.In(lang, defaultLang); s != "" {
		return s
	}
	return t.In(defaultLang, defaultLang)
}

// Compare returns the changes from old to new, ordered by record and then in
// the order the aspects are compared.
func Compare(old, new *register.Register) []Change {
	var out []Change
	out = append(out, organisation(&old.Organisation, &new.Organisation)...)
	out = append(out, sharedCategories(old, new)...)
	out = append(out, sharedRecipients(old, new)...)
	out = append(out, shared("measures", old.Measures, new.Measures, noChange[register.Measure])...)
	out = append(out, shared("subjects", old.Subjects, new.Subjects, noChange[register.Subject])...)
	olds := map[string]*register.Activity{}
	for _, a := range old.Activities {
		olds[a.ID] = a
	}
	news := map[string]*register.Activity{}
	for _, a := range new.Activities {
		news[a.ID] = a
	}
	for _, id := range unionKeys(olds, news) {
		o, n := olds[id], news[id]
		rec := "activity:" + id
		var changes []Change
		switch {
		case o == nil:
			changes = append(changes, Change{Kind: ActivityAdded, Record: rec, Activity: id, Material: true})
			if n.IsPublic() {
				changes = append(changes, Change{Kind: ActivityPublished, Record: rec, Activity: id, Material: true})
			}
		case n == nil:
			changes = append(changes, Change{Kind: ActivityRemoved, Record: rec, Activity: id})
			n = o
		default:
			changes = activity(o, n, new.DefaultLanguage, new.Categories)
		}
		for i := range changes {
			changes[i].name = n.Name
		}
		out = append(out, changes...)
	}
	for i, c := range out {
		out[i].subjectName = subjectName(c, old, new)
	}
	return out
}

// subjectName is the name of the data category or recipient a change is
// about, from the newer register that defines it.
func subjectName(c Change, old, new *register.Register) register.Text {
	switch c.Kind {
	case CategoryAdded, CategoryRemoved, CategoryMadeSpecial:
		for _, r := range []*register.Register{new, old} {
			if cat := r.Categories[c.Subject]; cat != nil {
				return cat.Name
			}
		}
	case RecipientAdded, RecipientRemoved, RecipientMoved:
		for _, r := range []*register.Register{new, old} {
			if rec := r.Recipients[c.Subject]; rec != nil {
				return register.Text(rec.Name)
			}
		}
	}
	return nil
}

// activity compares two versions of one activity, aspect by aspect, and
// summarises the fields that changed otherwise as one text edit.
func activity(o, n *register.Activity, defaultLang string, categories map[string]*register.Category) []Change {
	var out []Change
	for _, aspect := range []func() []Change{
		func() []Change { return published(o, n) },
		func() []Change { return purposes(o, n, defaultLang) },
		func() []Change { return dataCategories(o, n, categories) },
		func() []Change { return recipients(o, n) },
		func() []Change { return transfers(o, n) },
		func() []Change { return retention(o, n) },
		func() []Change { return cookies(o, n) },
	} {
		out = append(out, aspect()...)
	}
	explained := map[string]bool{}
	for i := range out {
		out[i].Record, out[i].Activity = "activity:"+n.ID, n.ID
		explained[out[i].field] = true
	}
	if fields := editedFields(o, n, explained); len(fields) > 0 {
		out = append(out, Change{Kind: TextEdited, Record: "activity:" + n.ID, Activity: n.ID, Subject: strings.Join(fields, ", ")})
	}
	return out
}

func published(o, n *register.Activity) []Change {
	switch {
	case !o.IsPublic() && n.IsPublic():
		return []Change{{Kind: ActivityPublished, Material: true, field: "public"}}
	case o.IsPublic() && !n.IsPublic():
		return []Change{{Kind: ActivityUnpublished, field: "public"}}
	}
	return nil
}

// purposes: purposes are matched by their text in the default language; a
// reworded purpose is a removed one and an added one, since the wording is
// what people are told.
func purposes(o, n *register.Activity, defaultLang string) []Change {
	key := func(p register.Purpose) string { return p.Purpose.In(defaultLang, defaultLang) }
	olds := map[string]int{}
	for i, p := range o.Purposes {
		olds[key(p)] = i
	}
	news := map[string]int{}
	var out []Change
	for i, p := range n.Purposes {
		k := key(p)
		news[k] = i
		j, ok := olds[k]
		if !ok {
			out = append(out, Change{Kind: PurposeAdded, Material: true, Subject: k, subjectText: p.Purpose, New: n.Resolved(i).LegalBasis, field: "purposes"})
			continue
		}
		if ob, nb := o.Resolved(j).LegalBasis, n.Resolved(i).LegalBasis; ob != nb {
			field := "legal_basis" // where the basis is written
			if p.LegalBasis != "" || o.Purposes[j].LegalBasis != "" {
				field = "purposes"
			}
			out = append(out, Change{Kind: LegalBasisChanged, Material: true, Subject: k, subjectText: p.Purpose, Old: ob, New: nb, field: field})
		}
	}
	for _, p := range o.Purposes {
		if _, ok := news[key(p)]; !ok {
			out = append(out, Change{Kind: PurposeRemoved, Subject: key(p), subjectText: p.Purpose, field: "purposes"})
		}
	}
	return out
}

func dataCategories(o, n *register.Activity, categories map[string]*register.Category) []Change {
	var out []Change
	for _, id := range added(o.Categories, n.Categories) {
		c := Change{Kind: CategoryAdded, Subject: id, field: "categories"}
		if cat := categories[id]; cat != nil {
			switch {
			case cat.Special:
				c.New, c.Material = "special", true
			case cat.Criminal:
				c.New, c.Material = "criminal", true
			}
		}
		out = append(out, c)
	}
	for _, id := range added(n.Categories, o.Categories) {
		out = append(out, Change{Kind: CategoryRemoved, Subject: id, field: "categories"})
	}
	return out
}

func recipients(o, n *register.Activity) []Change {
	var out []Change
	for _, id := range added(o.Recipients, n.Recipients) {
		out = append(out, Change{Kind: RecipientAdded, Material: true, Subject: id, field: "recipients"})
	}
	for _, id := range added(n.Recipients, o.Recipients) {
		out = append(out, Change{Kind: RecipientRemoved, Subject: id, field: "recipients"})
	}
	return out
}

// safeguardStrength orders the transfer safeguards: an adequacy decision
// (the Data Privacy Framework is one) above the Art. 46 safeguards, above an
// Art. 49 derogation. Unknown safeguards rank lowest.
var safeguardStrength = map[string]int{"adequacy": 3, "dpf": 3, "bcr": 2, "scc": 2, "code-of-conduct": 2, "certification": 2, "ad-hoc-clauses": 2, "public-authority-instrument": 2, "administrative-arrangement": 2, "art49-derogation": 1}

// transfers are matched by recipient and country; a transfer to a country
// the activity did not transfer to before is a new third country.
func transfers(o, n *register.Activity) []Change {
	type one struct {
		recipient, country, safeguard string
	}
	// A transfer to several countries is one transfer per country here.
	each := func(ts []register.Transfer) []one {
		var out []one
		for _, t := range ts {
			for _, c := range t.Where() {
				out = append(out, one{t.Recipient, c, t.Safeguard})
			}
		}
		return out
	}
	key := func(t one) string { return t.recipient + " (" + t.country + ")" }
	olds := map[string]one{}
	countries := map[string]bool{}
	for _, t := range each(o.Transfers) {
		olds[key(t)] = t
		countries[t.country] = true
	}
	news := map[string]bool{}
	var out []Change
	for _, t := range each(n.Transfers) {
		k := key(t)
		news[k] = true
		ot, ok := olds[k]
		switch {
		case !ok && !countries[t.country]:
			out = append(out, Change{Kind: ThirdCountryAdded, Material: true, Subject: k, New: t.safeguard, country: t.country, field: "transfers"})
		case !ok:
			out = append(out, Change{Kind: TransferAdded, Material: true, Subject: k, New: t.safeguard, country: t.country, field: "transfers"})
		case ot.safeguard != t.safeguard:
			out = append(out, Change{Kind: SafeguardChanged, Material: safeguardStrength[t.safeguard] < safeguardStrength[ot.safeguard],
				Subject: k, Old: ot.safeguard, New: t.safeguard, country: t.country, field: "transfers"})
		}
	}
	for _, t := range each(o.Transfers) {
		if !news[key(t)] {
			out = append(out, Change{Kind: TransferRemoved, Subject: key(t), Old: t.safeguard, country: t.country, field: "transfers"})
		}
	}
	return out
}

// retention is compared per data category: the period of the rule that
// covers it. Categories with the same change are reported together.
func retention(o, n *register.Activity) []Change {
	byCategory := func(a *register.Activity) (map[string]register.Retention, []string) {
		m := map[string]register.Retention{}
		var order []string
		for _, r := range a.Retention {
			// Compared by the longest time the data may be kept: the end
			// of a range, or the maximum of criteria in words.
			if r.UpTo != "" {
				r.Period = r.UpTo
			} else if r.Period == "" && r.Maximum != "" {
				r.Period = r.Maximum
			}
			for _, c := range r.Categories {
				if _, ok := m[c]; !ok {
					m[c] = r
					order = append(order, c)
				}
			}
		}
		return m, order
	}
	olds, oldOrder := byCategory(o)
	news, newOrder := byCategory(n)
	var out []Change
	add := func(c Change) {
		c.field = "retention"
		for i, d := range out {
			if d.Kind == c.Kind && d.Old == c.Old && d.New == c.New {
				out[i].Subject += ", " + c.Subject
				return
			}
		}
		out = append(out, c)
	}
	for _, cat := range newOrder {
		r := news[cat]
		or, ok := olds[cat]
		switch {
		case !ok:
			add(Change{Kind: RetentionAdded, Subject: cat, New: r.Period})
		case or.Period == r.Period:
		case or.Period == "" || r.Period == "":
			// from criteria to a period or back: not comparable, so
			// reviewed as if longer
			add(Change{Kind: RetentionChanged, Material: true, Subject: cat, Old: or.Period, New: r.Period})
		default:
			cmp, ok := compareDurations(or.Period, r.Period)
			switch {
			case !ok:
				add(Change{Kind: RetentionChanged, Material: true, Subject: cat, Old: or.Period, New: r.Period})
			case cmp < 0:
				add(Change{Kind: RetentionLonger, Material: true, Subject: cat, Old: or.Period, New: r.Period})
			case cmp > 0:
				add(Change{Kind: RetentionShorter, Subject: cat, Old: or.Period, New: r.Period})
			} // the same length written differently is a text edit
		}
	}
	for _, cat := range oldOrder {
		if _, ok := news[cat]; !ok {
			add(Change{Kind: RetentionRemoved, Subject: cat, Old: olds[cat].Period})
		}
	}
	return out
}

// cookies are matched by name and provider. A new cookie is material unless
// it is the organisation's own and strictly necessary (no consent needed,
// nobody else reads it); a changed consent category or a longer lifetime is
// material; a removed cookie is not.
func cookies(o, n *register.Activity) []Change {
	key := func(c register.Cookie) string { return c.Name + " (" + c.Provider + ")" }
	summary := func(c register.Cookie) string { return c.Category + ", " + c.Lifetime }
	olds := map[string]register.Cookie{}
	for _, c := range o.Cookies {
		olds[key(c)] = c
	}
	var out []Change
	seen := map[string]bool{}
	for _, c := range n.Cookies {
		k := key(c)
		seen[k] = true
		oc, ok := olds[k]
		switch {
		case !ok:
			material := c.Provider != "first-party" || c.Category != "strictly-necessary"
			out = append(out, Change{Kind: CookieAdded, Material: material, Subject: k, New: summary(c), field: "cookies"})
		case oc.Category != c.Category || oc.Lifetime != c.Lifetime:
			longer := c.Lifetime != "session" && (oc.Lifetime == "session" || func() bool {
				cmp, ok := compareDurations(oc.Lifetime, c.Lifetime)
				return !ok || cmp < 0
			}())
			out = append(out, Change{Kind: CookieChanged, Material: longer || oc.Category != c.Category, Subject: k, Old: summary(oc), New: summary(c), field: "cookies"})
		case !reflect.DeepEqual(oc, c):
			out = append(out, Change{Kind: TextEdited, Subject: "cookies: " + k, field: "cookies"})
		}
	}
	for _, c := range o.Cookies {
		if !seen[key(c)] {
			out = append(out, Change{Kind: CookieRemoved, Subject: key(c), Old: summary(c), field: "cookies"})
		}
	}
	return out
}

// organisation compares the controllers, the DPO and the lead authority.
// Controllers are matched by id, or else by legal name (a controller that
// gains an id when a second one is added is the same controller).
func organisation(o, n *register.Organisation) []Change {
	var out []Change
	rec := "organisation"
	name := func(p register.Party) string {
		if p.ID != "" {
			return p.ID
		}
		return p.LegalName.String()
	}
	same := func(a, b register.Party) bool {
		return a.ID != "" && a.ID == b.ID || reflect.DeepEqual(a.LegalName, b.LegalName)
	}
	matched := map[int]bool{}
	for _, p := range n.Controllers {
		j := slices.IndexFunc(o.Controllers, func(op register.Party) bool { return same(op, p) })
		switch {
		case j < 0:
			out = append(out, Change{Kind: ControllerAdded, Record: rec, Subject: p.LegalName.String(), New: p.Country})
		case !reflect.DeepEqual(o.Controllers[j], p):
			matched[j] = true
			out = append(out, Change{Kind: ControllerChanged, Record: rec, Subject: name(p)})
		default:
			matched[j] = true
		}
	}
	for j, p := range o.Controllers {
		if !matched[j] {
			out = append(out, Change{Kind: ControllerRemoved, Record: rec, Subject: p.LegalName.String()})
		}
	}
	var oldDPO, newDPO register.DPO
	if o.DPO != nil {
		oldDPO = *o.DPO
	}
	if n.DPO != nil {
		newDPO = *n.DPO
	}
	if !reflect.DeepEqual(oldDPO, newDPO) {
		out = append(out, Change{Kind: DPOChanged, Record: rec, Old: dpoName(oldDPO), New: dpoName(newDPO)})
	}
	if oa, na := o.SupervisoryAuthority, n.SupervisoryAuthority; !reflect.DeepEqual(oa, na) {
		c := Change{Kind: AuthorityChanged, Record: rec, Old: oa.Name.String(), New: na.Name.String()}
		if reflect.DeepEqual(oa.Name, na.Name) {
			c.Kind, c.Subject, c.Old, c.New = AuthorityDetails, na.Name.String(), "", ""
		}
		out = append(out, c)
	}
	explained := map[string]bool{"controllers": true, "dpo": true, "supervisory_authority": true}
	if edited := editedFields(o, n, explained); len(edited) > 0 {
		out = append(out, Change{Kind: TextEdited, Record: rec, Subject: strings.Join(edited, ", ")})
	}
	return out
}

// dpoName names a DPO by name and e-mail address.
func dpoName(d register.DPO) string {
	switch {
	case d.Email == "":
		return ""
	case len(d.Name) == 0:
		return d.Email
	}
	name := d.Name[""]
	if name == "" { // a translated name: the first language's, in a stable order
		keys := slices.Sorted(maps.Keys(d.Name))
		name = d.Name[keys[0]]
	}
	return name + " <" + d.Email + ">"
}

// sharedCategories: a category that becomes special or criminal changes
// every activity that uses it. Categories are defined before they are used:
// a new one is reported where an activity starts using it.
func sharedCategories(old, new *register.Register) []Change {
	return shared("categories", old.Categories, new.Categories, func(o, n *register.Category) []Change {
		var out []Change
		if !o.Special && n.Special {
			out = append(out, Change{Kind: CategoryMadeSpecial, Material: true, New: "special", field: "special"})
		}
		if !o.Criminal && n.Criminal {
			out = append(out, Change{Kind: CategoryMadeSpecial, Material: true, New: "criminal", field: "criminal"})
		}
		return out
	})
}

// sharedRecipients: a recipient that moves to another country; material
// when the new country is outside the EEA.
func sharedRecipients(old, new *register.Register) []Change {
	return shared("recipients", old.Recipients, new.Recipients, func(o, n *register.Recipient) []Change {
		was, is := strings.Join(o.Where(), ", "), strings.Join(n.Where(), ", ")
		if o.Region != "" {
			was = strings.TrimSuffix(o.Region+": "+was, ": ")
		}
		if n.Region != "" {
			is = strings.TrimSuffix(n.Region+": "+is, ": ")
		}
		if was == is {
			return nil
		}
		// Material when data now goes outside the EEA where it did not.
		material := n.Region == "worldwide" && o.Region != "worldwide"
		for _, c := range n.Where() {
			if !country.InEEA(c) && !slices.Contains(o.Where(), c) {
				material = true
			}
		}
		return []Change{{Kind: RecipientMoved, Material: material, Old: was, New: is, field: "country"}}
	})
}

// shared compares the definitions of one shared register that exist on both
// sides: the change compare finds, and the other fields edited.
func shared[T any](kind string, old, new map[string]*T, compare func(o, n *T) []Change) []Change {
	var out []Change
	for _, id := range sortedKeys(new) {
		o, n := old[id], new[id]
		if o == nil {
			continue
		}
		explained := map[string]bool{}
		for _, c := range compare(o, n) {
			c.Record, c.Subject = kind+":"+id, id
			explained[c.field] = true
			out = append(out, c)
		}
		if edited := editedFields(o, n, explained); len(edited) > 0 {
			out = append(out, Change{Kind: TextEdited, Record: kind + ":" + id, Subject: strings.Join(edited, ", ")})
		}
	}
	return out
}

// noChange is the comparison of definitions that only have text edits.
func noChange[T any](o, n *T) []Change { return nil }

// editedFields lists the record's top-level fields that differ, leaving out
// those a change above explains.
func editedFields(o, n any, explained map[string]bool) []string {
	of, nf := fields(o), fields(n)
	var out []string
	for _, k := range unionKeys(of, nf) {
		if !explained[k] && string(of[k]) != string(nf[k]) {
			out = append(out, k)
		}
	}
	return out
}

func fields(record any) map[string]json.RawMessage {
	b, err := json.Marshal(record)
	if err != nil {
		panic(fmt.Sprintf("a record does not marshal: %v", err))
	}
	m := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}

// added returns the elements of b that a lacks, in b's order.
func added(a, b []string) []string {
	var out []string
	for _, s := range b {
		if !slices.Contains(a, s) {
			out = append(out, s)
		}
	}
	return out
}

func unionKeys[V any](a, b map[string]V) []string {
	var out []string
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
