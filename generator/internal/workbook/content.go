package workbook

import (
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// column is one column of a table.
type column struct {
	key   string  // dictionary key of the header ("h."+key) and, unless field is set, of its explanation ("d."+key)
	width float64 // largest width in characters; the column is narrower when its content is
	ref   string  // the GDPR provision the column answers, "" when none
	// field is what the cells of an activity table show, a key of
	// actView.cell ("act.purposes"); its "d." word explains the column.
	// Empty means key.
	field string
}

// of returns the field the column shows.
func (col column) of() string {
	if col.field != "" {
		return col.field
	}
	return col.key
}

// table is one sheet: a header row of columns, then rows of text cells.
type table struct {
	sheet string // dictionary key of the sheet name
	name  string // the sheet name itself, when it is not a dictionary word (the CNIL layout's activity sheets)
	cols  []column
	// rows yields the body rows, one cell per column. The slice is reused:
	// the consumer must not keep it.
	rows iter.Seq[[]string]
	// freeze is the number of columns that stay in view when scrolling
	// right (the id, and the name); at least 1.
	freeze int
	// link, when set, returns the internal link of a row's first cell (a
	// location such as 'Sheet'!A2), or "".
	link func(row []string) string
}

var (
	organisationColumns = []column{
		{key: "org.item", width: 32, ref: ""},
		{key: "org.value", width: 68, ref: ""},
		{key: "ref", width: 18, ref: ""},
	}
	controllerColumns = []column{
		{key: "act.id", width: 26, ref: ""},
		{key: "act.name", width: 30, ref: ""},
		{key: "act.function", width: 20, ref: ""},
		{key: "act.entity", width: 30, ref: "Art. 30(1)(a)"},
		{key: "act.purposes", width: 45, ref: "Art. 30(1)(b)"},
		{key: "act.basis", width: 30, ref: "Art. 6(1)"},
		{key: "act.law", width: 30, ref: "Art. 6(3)"},
		{key: "act.interest", width: 40, ref: "Art. 6(1)(f)"},
		{key: "act.lia", width: 26, ref: "Art. 5(2), 6(1)(f)"},
		{key: "act.art9", width: 32, ref: "Art. 9(2)"},
		{key: "act.subjects", width: 28, ref: "Art. 30(1)(c)"},
		{key: "act.categories", width: 40, ref: "Art. 30(1)(c)"},
		{key: "act.sources", width: 32, ref: "Art. 14(2)(f)"},
		{key: "act.recipients", width: 40, ref: "Art. 30(1)(d)"},
		{key: "act.countries", width: 34, ref: "Art. 30(1)(e)"},
		{key: "act.safeguards", width: 44, ref: "Art. 30(1)(e), 46, 49"},
		{key: "act.retention", width: 48, ref: "Art. 30(1)(f)"},
		{key: "act.measures", width: 36, ref: "Art. 30(1)(g), 32(1)"},
		{key: "act.automated", width: 32, ref: "Art. 22"},
		{key: "act.dpia_required", width: 12, ref: "Art. 35"},
		{key: "act.dpia_status", width: 14, ref: "Art. 35"},
		{key: "act.dpia_link", width: 26, ref: "Art. 35"},
		{key: "act.contracts", width: 28, ref: "Art. 28(3)"},
		{key: "act.consent", width: 26, ref: "Art. 7(1)"},
		{key: "act.systems", width: 22, ref: ""},
		{key: "act.owner", width: 20, ref: ""},
		{key: "act.published", width: 16, ref: "Art. 13, 14"},
		{key: "act.topic", width: 20, ref: ""}, // where the privacy center lists it (issue 12)
		{key: "act.notes", width: 40, ref: ""},
	}
	processorColumns = []column{
		{key: "act.id", width: 26, ref: ""},
		{key: "act.name", width: 30, ref: ""},
		{key: "proc.controllers", width: 45, ref: "Art. 30(2)(a)"},
		{key: "proc.processing", width: 45, ref: "Art. 30(2)(b)"},
		{key: "act.subjects", width: 28, ref: ""},
		{key: "act.categories", width: 40, ref: ""},
		{key: "act.recipients", width: 40, ref: "Art. 28(2), 28(4)"},
		{key: "act.countries", width: 34, ref: "Art. 30(2)(c)"},
		{key: "act.safeguards", width: 44, ref: "Art. 30(2)(c), 46, 49"},
		{key: "act.measures", width: 36, ref: "Art. 30(2)(d), 32(1)"},
		{key: "act.contracts", width: 28, ref: "Art. 28(3)"},
		{key: "act.systems", width: 22, ref: ""},
		{key: "act.owner", width: 20, ref: ""},
		{key: "act.notes", width: 40, ref: ""},
	}
	recipientColumns = []column{
		{key: "rec.id", width: 26, ref: ""},
		{key: "rec.name", width: 30, ref: "Art. 30(1)(d)"},
		{key: "rec.kind", width: 22, ref: "Art. 30(1)(d)"},
		{key: "rec.country_code", width: 10, ref: ""},
		{key: "rec.country", width: 22, ref: ""},
		{key: "rec.area", width: 16, ref: "Art. 30(1)(e)"},
		{key: "rec.description", width: 50, ref: ""},
		{key: "rec.contract", width: 26, ref: "Art. 28(3)"},
		{key: "rec.contact", width: 26, ref: ""},
		{key: "rec.notes", width: 40, ref: ""},
	}
	transferColumns = []column{
		{key: "tr.activity_id", width: 26, ref: ""},
		{key: "tr.activity", width: 30, ref: ""},
		{key: "tr.role", width: 18, ref: "Art. 30(1), 30(2)"},
		{key: "tr.recipient", width: 24, ref: ""},
		{key: "tr.recipient_name", width: 30, ref: "Art. 30(1)(e), 30(2)(c)"},
		{key: "tr.country_code", width: 10, ref: "Art. 30(1)(e), 30(2)(c)"},
		{key: "tr.country", width: 22, ref: "Art. 30(1)(e), 30(2)(c)"},
		{key: "tr.safeguard_code", width: 16, ref: "Art. 44-49"},
		{key: "tr.safeguard", width: 40, ref: "Art. 44-49"},
		{key: "tr.adequacy", width: 40, ref: "Art. 45"},
		{key: "tr.details", width: 44, ref: "Art. 30(1)(e), 49(1)"},
	}
	categoryColumns = []column{
		{key: "cat.id", width: 26, ref: ""},
		{key: "cat.name", width: 30, ref: "Art. 30(1)(c)"},
		{key: "cat.description", width: 50, ref: ""},
		{key: "cat.special", width: 14, ref: "Art. 9(1)"},
		{key: "cat.criminal", width: 14, ref: "Art. 10"},
		{key: "cat.source", width: 26, ref: "Art. 14(2)(f)"},
		{key: "cat.examples", width: 40, ref: ""},
	}
	measureColumns = []column{
		{key: "mea.id", width: 26, ref: ""},
		{key: "mea.name", width: 34, ref: "Art. 30(1)(g)"},
		{key: "mea.kind", width: 16, ref: "Art. 32(1)"},
		{key: "mea.description", width: 70, ref: ""},
	}
	cookieColumns = []column{
		{key: "ck.activity", width: 26, ref: ""},
		{key: "ck.activity_name", width: 30, ref: ""},
		{key: "ck.name", width: 24, ref: "ePrivacy Art. 5(3)"},
		{key: "ck.kind", width: 14, ref: ""},
		{key: "ck.provider", width: 14, ref: ""},
		{key: "ck.recipient", width: 24, ref: ""},
		{key: "ck.recipient_name", width: 30, ref: ""},
		{key: "ck.purpose", width: 48, ref: ""},
		{key: "ck.lifetime", width: 12, ref: ""},
		{key: "ck.category", width: 20, ref: "ePrivacy Art. 5(3)"},
	}
	legendColumns = []column{
		{key: "leg.sheet", width: 24, ref: ""},
		{key: "leg.item", width: 30, ref: ""},
		{key: "leg.meaning", width: 52, ref: ""},
		{key: "ref", width: 18, ref: ""},
	}
)

// content turns a register into the tables of the workbook, in one language.
type content struct {
	reg       *register.Register
	lang      string
	version   string
	w         words
	acts      []*register.Activity // sorted by id
	countries map[string]string    // country name by code, in lang
	layout    string               // art30, ico or cnil
	// sheetOf maps an activity id to the name of its CNIL sheet; only in
	// the cnil layout.
	sheetOf map[string]string
	links   map[string]string // activity id to the location of its row or sheet, made when first needed
	history *History          // from git; nil without
}

func newContent(reg *register.Register, lang, version string) *content {
	acts := reg.Activities
	byID := func(a, b *register.Activity) int { return strings.Compare(a.ID, b.ID) }
	if !slices.IsSortedFunc(acts, byID) {
		acts = slices.Clone(acts)
		slices.SortStableFunc(acts, byID)
	}
	return &content{
		reg:       reg,
		lang:      lang,
		version:   version,
		w:         dictionary[lang],
		acts:      acts,
		countries: map[string]string{},
	}
}

// clone returns a content for use on another goroutine.
func (c *content) clone() *content {
	d := *c
	d.countries = map[string]string{}
	return &d
}

// text returns t in the workbook language, falling back to the default language.
func (c *content) text(t register.Text) string {
	if s := t.In(c.lang, c.reg.DefaultLanguage); s != "" {
		return s
	}
	return t.In(c.reg.DefaultLanguage, c.reg.DefaultLanguage)
}

// yesNo returns the word for b.
func (c *content) yesNo(b bool) string {
	if b {
		return c.w.get("yes")
	}
	return c.w.get("no")
}

// word returns the words for a code of the records under prefix, or the code
// itself when it is unknown.
func (c *content) word(prefix, code string) string {
	if code == "" {
		return ""
	}
	if s, ok := c.w[prefix+code]; ok {
		return s
	}
	return code
}

// country returns the name of a country in the workbook language.
func (c *content) country(code string) string {
	if n, ok := c.countries[code]; ok {
		return n
	}
	n := country.Name(code, c.lang)
	c.countries[code] = n
	return n
}

// countryWithCode returns e.g. "United States (US)".
func (c *content) countryWithCode(code string) string {
	if code == "" {
		return ""
	}
	return c.country(code) + " (" + code + ")"
}

// party returns the details of a legal person, one per line.
func (c *content) party(p register.Party) []string {
	lines := []string{c.name(p.LegalName), p.Address, c.countryWithCode(p.Country)}
	for _, f := range []struct{ key, value string }{
		{"email", p.Email}, {"phone", p.Phone}, {"website", p.Website}, {"registration", p.Registration},
	} {
		if f.value != "" {
			lines = append(lines, c.w.get(f.key)+": "+f.value)
		}
	}
	return nonEmpty(lines)
}

// organisationRows yields the rows of the Organisation sheet: item, value, provision.
func (c *content) organisationRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, 3)
		emit := func(key, value, ref string) bool {
			row[0], row[1], row[2] = c.w.get(key), value, ref
			return yield(row)
		}
		org := &c.reg.Organisation
		if !emit("org.name", c.name(org.Name), "") {
			return
		}
		for _, p := range org.Controllers {
			if !emit("org.controller", lines(c.party(p)), "Art. 30(1)(a)") {
				return
			}
		}
		for _, j := range org.JointControllers {
			if !emit("org.joint", lines(c.party(j.Party)), "Art. 30(1)(a), 26") ||
				!emit("org.arrangement", lines(nonEmpty([]string{c.name(j.LegalName), c.text(j.Arrangement)})), "Art. 26(2)") {
				return
			}
		}
		if !emit("org.representative", c.representative(), "Art. 30(1)(a), 27") {
			return
		}
		if !emit("org.dpo", c.dpo(), "Art. 30(1)(a), 37") {
			return
		}
		for _, r := range rightSteps {
			if st := org.Rights.Steps(r.id); st != nil && !emit("org.how", c.w.get(r.key)+"\n"+c.steps(st), "Art. 12(2)") {
				return
			}
		}
		if cp := org.Rights.Complaint; cp != nil {
			route := nonEmpty([]string{c.text(cp.Text), c.channel(cp.Channel)})
			if !emit("org.complaint", lines(route), "Art. 12(4), 38(4)") {
				return
			}
		}
		a := org.SupervisoryAuthority
		if !org.HasLeadAuthority() {
			if !emit("org.authority", c.w.get("none.no_lead"), "Art. 56") {
				return
			}
		} else if !c.emitAuthority(emit, a) {
			return
		}
		if s := c.text(org.Security); s != "" && !emit("org.security", s, "Art. 30(1)(g), 32(1)") {
			return
		}
		c.emitRest(emit)
	}
}

// rightSteps are the rights a record may say how to exercise, with the
// dictionary key of their names, in the order of the GDPR.
var rightSteps = []struct{ id, key string }{
	{"access", "rights.access"}, {"rectification", "rights.rectify"}, {"erasure", "rights.erase"},
	{"restriction", "rights.restrict"}, {"portability", "rights.port"}, {"object", "rights.object"},
	{"withdraw-consent", "rights.withdraw"}, {"automated-decisions", "rights.automated"},
}

// steps writes how to exercise a right: the numbered steps, the channel and
// the notes.
func (c *content) steps(st *register.RightSteps) string {
	var out []string
	for i, s := range st.Steps {
		out = append(out, strconv.Itoa(i+1)+". "+strings.ReplaceAll(c.text(s), "\n", " "))
	}
	out = append(out, c.channel(st.Channel), c.text(st.Notes))
	return lines(nonEmpty(out))
}

// channel writes a rights channel named by its id: its label and address.
func (c *content) channel(id string) string {
	ch := c.reg.Organisation.Rights.Channel(id)
	if ch == nil {
		return ""
	}
	return c.text(ch.Label) + ": " + strings.ReplaceAll(ch.Address, "\n", ", ")
}

// emitAuthority writes the lead supervisory authority's row.
func (c *content) emitAuthority(emit func(key, value, ref string) bool, a register.Authority) bool {
	authority := nonEmpty([]string{c.name(a.Name), a.Address, c.countryWithCode(a.Country)})
	if a.Phone != "" {
		authority = append(authority, c.w.get("phone")+": "+a.Phone)
	}
	if a.Website != "" {
		authority = append(authority, c.w.get("website")+": "+a.Website)
	}
	return emit("org.authority", lines(authority), "Art. 56")
}

// emitRest writes the rows of the Organisation sheet after the parties: the
// record's owner, dates, versions and counts.
func (c *content) emitRest(emit func(key, value, ref string) bool) {
	org := &c.reg.Organisation
	owner, notes := "", ""
	if org.Internal != nil {
		owner, notes = org.Internal.RecordOwner, org.Internal.Notes
	}
	var nc, np int
	for _, act := range c.acts {
		if act.Role == "processor" {
			np++
		} else {
			nc++
		}
	}
	_ = emit("org.date", org.EffectiveDate, "Art. 30(3)") &&
		emit("org.version", c.version, "") &&
		emit("org.notice_version", org.Version, "") &&
		emit("org.language", c.w.get("language."+c.lang), "") &&
		emit("org.owner", c.stated(owner), "Art. 5(2)") &&
		(notes == "" || emit("org.notes", notes, "")) &&
		emit("org.controller_count", strconv.Itoa(nc), "Art. 30(1)") &&
		emit("org.processor_count", strconv.Itoa(np), "Art. 30(2)")
}

// recipientRows yields one row per recipient, in the order of its file.
func (c *content) recipientRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(recipientColumns))
		for _, id := range c.reg.Ranks("recipients").Sort(sortedKeys(c.reg.Recipients)) {
			r := c.reg.Recipients[id]
			if r == nil {
				continue
			}
			var contract, contact, notes string
			if r.Internal != nil {
				contract, contact, notes = r.Internal.Contract, r.Internal.Contact, r.Internal.Notes
			}
			row[0] = id
			row[1] = r.Name.In(c.lang, c.reg.DefaultLanguage)
			row[2] = c.word("kind.", r.Kind)
			row[3] = strings.Join(r.Where(), ", ")
			row[4] = c.where(r)
			row[5] = c.recipientArea(r)
			row[6] = c.text(r.Description)
			if r.Kind == "processor" {
				contract = c.stated(contract) // Art. 28(3) applies to processors only
			}
			row[7] = contract
			row[8] = c.stated(contact)
			row[9] = notes
			if !yield(row) {
				return
			}
		}
	}
}

// transferRows yields one row per transfer, by activity id, then in the order
// of the activity's record.
func (c *content) transferRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(transferColumns))
		for _, a := range c.acts {
			for _, t := range a.Transfers {
				role := "controller"
				if a.Role == "processor" {
					role = "processor"
				}
				for _, code := range t.Where() {
					adequacy, _ := country.Adequacy(code)
					row[0] = a.ID
					row[1] = c.text(a.Name)
					row[2] = c.word("role.", role)
					row[3] = t.Recipient
					if t.Recipient == "" {
						row[4] = c.w.get("transfer.own")
					} else {
						row[4] = c.recipientName(t.Recipient)
					}
					row[5] = code
					row[6] = c.country(code)
					row[7] = t.Safeguard
					row[8] = c.word("safeguard.", t.Safeguard)
					if t.Derogation != "" {
						row[8] += ", " + derogationRef(t.Derogation) + " " + c.word("derogation.", t.Derogation)
					}
					row[9] = adequacy
					row[10] = c.text(t.Details)
					if !yield(row) {
						return
					}
				}
			}
		}
	}
}

// categoryRows yields one row per category of personal data, in the order of
// its file.
func (c *content) categoryRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(categoryColumns))
		for _, id := range c.reg.Ranks("categories").Sort(sortedKeys(c.reg.Categories)) {
			cat := c.reg.Categories[id]
			if cat == nil {
				continue
			}
			row[0] = id
			row[1] = c.text(cat.Name)
			row[2] = c.text(cat.Description)
			row[3] = c.yesNo(cat.Special)
			row[4] = c.yesNo(cat.Criminal)
			row[5] = c.word("source.", cat.Source)
			row[6] = c.texts(cat.Examples)
			if !yield(row) {
				return
			}
		}
	}
}

// measureRows yields one row per security measure, in the order of its file.
func (c *content) measureRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(measureColumns))
		for _, id := range c.reg.Ranks("measures").Sort(sortedKeys(c.reg.Measures)) {
			m := c.reg.Measures[id]
			if m == nil {
				continue
			}
			row[0] = id
			row[1] = c.text(m.Name)
			row[2] = c.word("measure.", m.Kind)
			row[3] = c.text(m.Description)
			if !yield(row) {
				return
			}
		}
	}
}

// cookieRows yields one row per cookie or similar technology, by activity
// id, then in the order of the record.
func (c *content) cookieRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(cookieColumns))
		for _, a := range c.acts {
			for _, k := range a.Cookies {
				row[0] = a.ID
				row[1] = c.text(a.Name)
				row[2] = k.Name
				row[3] = c.word("cookiekind.", k.KindOrDefault())
				row[4] = c.word("provider.", k.Provider)
				row[5] = k.Recipient
				row[6] = ""
				if k.Recipient != "" {
					row[6] = c.recipientName(k.Recipient)
				}
				row[7] = c.text(k.Purpose)
				row[8] = k.Lifetime
				row[9] = c.word("cookie.", k.Category)
				if !yield(row) {
					return
				}
			}
		}
	}
}

// legalBasis returns e.g. "6(1)(f) legitimate interests".
func (c *content) legalBasis(code string) string {
	letter := legalBasisLetter(code)
	if letter == "" {
		return code
	}
	return "6(1)(" + letter + ") " + c.w.get("basis."+code)
}

// art9 returns e.g. "9(2)(h) health or social care, occupational medicine".
func (c *content) art9(code string) string {
	letter := art9Letter(code)
	if letter == "" {
		return code
	}
	return "9(2)(" + letter + ") " + c.w.get(code)
}

// texts returns the texts one per line.
func (c *content) texts(ts []register.Text) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(c.text(t))
	}
	return b.String()
}

// subjects returns the names of the categories of data subjects, one per line.
func (c *content) subjects(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte('\n')
		}
		if s := c.reg.Subjects[id]; s != nil {
			b.WriteString(c.text(s.Name))
		} else {
			b.WriteString(id)
		}
	}
	return b.String()
}

// categoryName returns the name of a category of personal data.
func (c *content) categoryName(id string) string {
	if cat := c.reg.Categories[id]; cat != nil {
		if n := c.text(cat.Name); n != "" {
			return n
		}
	}
	return id
}

// categories returns the names of the data categories one per line, marking
// the special and criminal ones.
func (c *content) categories(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(c.categoryName(id))
		if cat := c.reg.Categories[id]; cat != nil {
			if cat.Special {
				b.WriteString(" (" + c.w.get("mark.special") + ")")
			}
			if cat.Criminal {
				b.WriteString(" (" + c.w.get("mark.criminal") + ")")
			}
		}
	}
	return b.String()
}

// sourceOrder is the order in which sources are listed.
var sourceOrder = []string{"provided", "observed", "derived", "received"}

// sources returns how the activity's data is obtained: the sources of its
// categories, then the details of data not obtained from the person.
func (c *content) sources(a *register.Activity) string {
	var seen [4]bool
	for _, id := range a.Categories {
		if cat := c.reg.Categories[id]; cat != nil {
			if i := slices.Index(sourceOrder, cat.Source); i >= 0 {
				seen[i] = true
			}
		}
	}
	var out []string
	for i, s := range sourceOrder {
		if seen[i] {
			out = append(out, c.w.get("source."+s))
		}
	}
	if d := c.text(a.SourceDetails); d != "" {
		out = append(out, c.w.get("source_details")+": "+d)
	}
	return lines(out)
}

// recipientName returns the name of a recipient, or its id when unknown.
func (c *content) recipientName(id string) string {
	if r := c.reg.Recipients[id]; r != nil && len(r.Name) > 0 {
		return r.Name.In(c.lang, c.reg.DefaultLanguage)
	}
	return id
}

// recipients returns the recipients one per line: name (kind, country).
func (c *content) recipients(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte('\n')
		}
		r := c.reg.Recipients[id]
		if r == nil {
			b.WriteString(id)
			continue
		}
		b.WriteString(r.Name.In(c.lang, c.reg.DefaultLanguage))
		b.WriteString(" (")
		b.WriteString(c.word("kind.", r.Kind))
		if w := c.where(r); w != "" {
			b.WriteString(", ")
			b.WriteString(w)
		}
		b.WriteString(")")
	}
	return b.String()
}

// transfers returns the third countries with their recipient, and the
// safeguards, one transfer per line in both, so that the lines correspond.
func (c *content) transfers(a *register.Activity) (countries, safeguards string) {
	var cb, sb strings.Builder
	for i, t := range a.Transfers {
		if i > 0 {
			cb.WriteByte('\n')
			sb.WriteByte('\n')
		}
		where := t.Where()
		names := make([]string, len(where))
		for j, code := range where {
			names[j] = c.countryWithCode(code)
		}
		cb.WriteString(strings.Join(names, ", "))
		cb.WriteString(": ")
		if t.Recipient == "" {
			cb.WriteString(c.w.get("transfer.own"))
		} else {
			cb.WriteString(c.recipientName(t.Recipient))
		}
		sb.WriteString(strings.Join(where, ", "))
		sb.WriteString(": ")
		sb.WriteString(c.word("safeguard.", t.Safeguard))
		if t.Derogation != "" {
			sb.WriteString(", ")
			sb.WriteString(derogationRef(t.Derogation))
			sb.WriteString(" ")
			sb.WriteString(c.word("derogation.", t.Derogation))
		}
		if d := c.text(t.Details); d != "" {
			sb.WriteString(" – ")
			sb.WriteString(strings.ReplaceAll(d, "\n", " "))
		}
	}
	return cb.String(), sb.String()
}

// derogationRef writes a derogation code such as "art49-1-b" as "49(1)(b)".
func derogationRef(code string) string {
	if len(code) == len("art49-1-a") && strings.HasPrefix(code, "art49-1-") {
		return "49(1)(" + code[len(code)-1:] + ")"
	}
	return code
}

// where names the countries a recipient processes data in: its country, its
// countries, or its region with the main countries.
func (c *content) where(r *register.Recipient) string {
	codes := r.Where()
	names := make([]string, len(codes))
	for i, code := range codes {
		names[i] = c.country(code)
	}
	s := strings.Join(names, ", ")
	if r.Region != "" {
		if s == "" {
			return c.word("region.", r.Region)
		}
		return c.word("region.", r.Region) + ": " + s
	}
	return s
}

// retention returns the retention of each data category, one per line:
// "name: period trigger" or "name: criteria".
func (c *content) retention(rules []register.Retention) string {
	var b strings.Builder
	for _, r := range rules {
		how := c.text(r.Criteria)
		if r.Period != "" {
			p := c.period(r.Period)
			if r.UpTo != "" {
				p += " " + c.w.get("retention.up_to") + " " + c.period(r.UpTo)
			}
			if t := c.text(r.Trigger); t != "" {
				p += " " + t
			}
			if how != "" {
				p += " (" + how + ")"
			}
			how = p
		} else if r.Maximum != "" {
			how += " (" + c.w.get("retention.maximum") + " " + c.period(r.Maximum) + ")"
		}
		how = strings.ReplaceAll(how, "\n", " ")
		for _, id := range r.Categories {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(c.categoryName(id))
			b.WriteString(": ")
			b.WriteString(how)
		}
	}
	return b.String()
}

// period renders an ISO 8601 duration such as P1Y6M as "1 year, 6 months";
// a duration it cannot read is returned as it is.
func (c *content) period(p string) string {
	if len(p) < 3 || p[0] != 'P' {
		return p
	}
	var parts []string
	n := 0
	digits := false
	for i := 1; i < len(p); i++ {
		ch := p[i]
		switch {
		case ch >= '0' && ch <= '9':
			if n > 1e8 {
				return p
			}
			n, digits = n*10+int(ch-'0'), true
		case strings.IndexByte("YMWD", ch) >= 0 && digits:
			unit := "period." + string(ch) + ".many"
			if n == 1 {
				unit = "period." + string(ch) + ".one"
			}
			parts = append(parts, strconv.Itoa(n)+" "+c.w.get(unit))
			n, digits = 0, false
		default:
			return p
		}
	}
	if digits || len(parts) == 0 {
		return p
	}
	return strings.Join(parts, ", ")
}

// measures returns the names of the security measures, one per line.
func (c *content) measures(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte('\n')
		}
		if m := c.reg.Measures[id]; m != nil && c.text(m.Name) != "" {
			b.WriteString(c.text(m.Name))
		} else {
			b.WriteString(id)
		}
	}
	return b.String()
}

// automated describes automated decision-making: "No", or "Yes" and its logic,
// consequences and human review.
func (c *content) automated(d register.AutomatedDecisions) string {
	if !d.Used {
		return c.w.get("no")
	}
	out := []string{c.w.get("yes")}
	for _, f := range []struct {
		key string
		t   register.Text
	}{{"logic", d.Logic}, {"consequences", d.Consequences}, {"human_review", d.HumanReview}} {
		if s := c.text(f.t); s != "" {
			out = append(out, c.w.get(f.key)+": "+s)
		}
	}
	return lines(out)
}

// area returns whether a country is in the EEA or a third country.
// recipientArea says whether a recipient is in the EEA, outside it, or both.
func (c *content) recipientArea(r *register.Recipient) string {
	if r.Region == "EEA" {
		return c.w.get("area.eea")
	}
	var areas []string
	for _, code := range r.Where() {
		if a := c.area(code); !slices.Contains(areas, a) {
			areas = append(areas, a)
		}
	}
	if r.Region == "worldwide" && !slices.Contains(areas, c.w.get("area.third")) {
		areas = append(areas, c.w.get("area.third"))
	}
	return strings.Join(areas, ", ")
}

func (c *content) area(code string) string {
	if code == "" {
		return ""
	}
	if country.InEEA(code) {
		return c.w.get("area.eea")
	}
	return c.w.get("area.third")
}

// internal returns the internal fields of an activity, empty when it has none.
func internal(a *register.Activity) *register.ActivityInternal {
	if a.Internal != nil {
		return a.Internal
	}
	return &register.ActivityInternal{}
}

// lines joins items one per line.
func lines(items []string) string { return strings.Join(items, "\n") }

// nonEmpty returns items without the empty ones.
func nonEmpty(items []string) []string {
	out := items[:0:0]
	for _, s := range items {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// name returns a name in the workbook's language (see register.Name).
func (c *content) name(n register.Name) string { return n.In(c.lang, c.reg.DefaultLanguage) }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// notStated is the word for a field the records leave out.
func (c *content) notStated() string { return c.w.get("not_stated") }

// stated returns s, or the words for "not stated" when it is empty.
func (c *content) stated(s string) string {
	if s == "" {
		return c.notStated()
	}
	return s
}

// representative describes the representative in the Union (Art. 27): its
// details, or why there is none. The rules require one when no controller
// is established in the EEA.
func (c *content) representative() string {
	org := &c.reg.Organisation
	if org.Representative != nil {
		return lines(c.party(*org.Representative))
	}
	for _, p := range org.Controllers {
		if country.InEEA(p.Country) {
			return c.w.get("no_representative")
		}
	}
	return c.notStated()
}

// dpo describes the data protection officer, or says it is not stated.
func (c *content) dpo() string {
	if d := c.reg.Organisation.DPO; d != nil {
		return lines(nonEmpty([]string{d.Name.In(c.lang, c.reg.DefaultLanguage), d.Email, d.Address}))
	}
	return c.notStated()
}
