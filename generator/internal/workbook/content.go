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
	key   string  // dictionary key of the header ("h."+key) and its explanation ("d."+key)
	width float64 // width in characters
	ref   string  // the GDPR provision the column answers, "" when none
}

// table is one sheet: a header row of columns, then rows of text cells.
type table struct {
	sheet string // dictionary key of the sheet name
	cols  []column
	// rows yields the body rows, one cell per column. The slice is reused:
	// the consumer must not keep it.
	rows iter.Seq[[]string]
}

var (
	organisationColumns = []column{
		{"org.item", 34, ""},
		{"org.value", 70, ""},
		{"ref", 20, ""},
	}
	controllerColumns = []column{
		{"act.id", 26, ""},
		{"act.name", 30, ""},
		{"act.function", 20, ""},
		{"act.purposes", 45, "Art. 30(1)(b)"},
		{"act.basis", 30, "Art. 6(1)"},
		{"act.law", 30, "Art. 6(3)"},
		{"act.interest", 40, "Art. 6(1)(f)"},
		{"act.lia", 26, "Art. 5(2), 6(1)(f)"},
		{"act.art9", 32, "Art. 9(2)"},
		{"act.subjects", 28, "Art. 30(1)(c)"},
		{"act.categories", 40, "Art. 30(1)(c)"},
		{"act.sources", 32, "Art. 14(2)(f)"},
		{"act.recipients", 40, "Art. 30(1)(d)"},
		{"act.countries", 34, "Art. 30(1)(e)"},
		{"act.safeguards", 44, "Art. 30(1)(e), 46, 49"},
		{"act.retention", 48, "Art. 30(1)(f)"},
		{"act.measures", 36, "Art. 30(1)(g), 32(1)"},
		{"act.automated", 32, "Art. 22"},
		{"act.dpia_required", 12, "Art. 35"},
		{"act.dpia_status", 14, "Art. 35"},
		{"act.dpia_link", 26, "Art. 35"},
		{"act.contracts", 28, "Art. 28(3)"},
		{"act.consent", 26, "Art. 7(1)"},
		{"act.systems", 22, ""},
		{"act.owner", 20, ""},
		{"act.published", 16, "Art. 13, 14"},
		{"act.notes", 40, ""},
	}
	processorColumns = []column{
		{"act.id", 26, ""},
		{"act.name", 30, ""},
		{"proc.controllers", 45, "Art. 30(2)(a)"},
		{"proc.processing", 45, "Art. 30(2)(b)"},
		{"act.subjects", 28, ""},
		{"act.categories", 40, ""},
		{"act.recipients", 40, "Art. 28(2), 28(4)"},
		{"act.countries", 34, "Art. 30(2)(c)"},
		{"act.safeguards", 44, "Art. 30(2)(c), 46, 49"},
		{"act.measures", 36, "Art. 30(2)(d), 32(1)"},
		{"act.contracts", 28, "Art. 28(3)"},
		{"act.systems", 22, ""},
		{"act.owner", 20, ""},
		{"act.notes", 40, ""},
	}
	recipientColumns = []column{
		{"rec.id", 26, ""},
		{"rec.name", 30, "Art. 30(1)(d)"},
		{"rec.kind", 22, "Art. 30(1)(d)"},
		{"rec.country_code", 10, ""},
		{"rec.country", 22, ""},
		{"rec.area", 16, "Art. 30(1)(e)"},
		{"rec.description", 50, ""},
		{"rec.contract", 26, "Art. 28(3)"},
		{"rec.contact", 26, ""},
		{"rec.notes", 40, ""},
	}
	transferColumns = []column{
		{"tr.activity_id", 26, ""},
		{"tr.activity", 30, ""},
		{"tr.role", 18, "Art. 30(1), 30(2)"},
		{"tr.recipient", 24, ""},
		{"tr.recipient_name", 30, "Art. 30(1)(e), 30(2)(c)"},
		{"tr.country_code", 10, "Art. 30(1)(e), 30(2)(c)"},
		{"tr.country", 22, "Art. 30(1)(e), 30(2)(c)"},
		{"tr.safeguard_code", 16, "Art. 44-49"},
		{"tr.safeguard", 40, "Art. 44-49"},
		{"tr.adequacy", 40, "Art. 45"},
		{"tr.details", 44, "Art. 30(1)(e), 49(1)"},
	}
	categoryColumns = []column{
		{"cat.id", 26, ""},
		{"cat.name", 30, "Art. 30(1)(c)"},
		{"cat.description", 50, ""},
		{"cat.special", 14, "Art. 9(1)"},
		{"cat.criminal", 14, "Art. 10"},
		{"cat.source", 26, "Art. 14(2)(f)"},
		{"cat.examples", 40, ""},
	}
	measureColumns = []column{
		{"mea.id", 26, ""},
		{"mea.name", 34, "Art. 30(1)(g)"},
		{"mea.kind", 16, "Art. 32(1)"},
		{"mea.description", 70, ""},
	}
	legendColumns = []column{
		{"leg.sheet", 28, ""},
		{"leg.item", 34, ""},
		{"leg.meaning", 80, ""},
		{"ref", 22, ""},
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

// tables returns the sheets of the workbook, in order.
func (c *content) tables() []table {
	return []table{
		{"sheet.organisation", organisationColumns, c.organisationRows()},
		{"sheet.controller", controllerColumns, c.controllerRows()},
		{"sheet.processor", processorColumns, c.processorRows()},
		{"sheet.recipients", recipientColumns, c.recipientRows()},
		{"sheet.transfers", transferColumns, c.transferRows()},
		{"sheet.categories", categoryColumns, c.categoryRows()},
		{"sheet.measures", measureColumns, c.measureRows()},
		{"sheet.legend", legendColumns, c.legendRows()},
	}
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
	lines := []string{p.LegalName, p.Address, c.countryWithCode(p.Country)}
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
		if !emit("org.name", org.Name, "") {
			return
		}
		for _, p := range org.Controllers {
			if !emit("org.controller", lines(c.party(p)), "Art. 30(1)(a)") {
				return
			}
		}
		for _, j := range org.JointControllers {
			if !emit("org.joint", lines(c.party(j.Party)), "Art. 30(1)(a), 26") ||
				!emit("org.arrangement", lines(nonEmpty([]string{j.LegalName, c.text(j.Arrangement)})), "Art. 26(2)") {
				return
			}
		}
		rep := c.w.get("none")
		if org.Representative != nil {
			rep = lines(c.party(*org.Representative))
		}
		if !emit("org.representative", rep, "Art. 30(1)(a), 27") {
			return
		}
		dpo := c.w.get("none")
		if d := org.DPO; d != nil {
			dpo = lines(nonEmpty([]string{d.Name.In(c.lang, c.reg.DefaultLanguage), d.Email, d.Address}))
		}
		if !emit("org.dpo", dpo, "Art. 30(1)(a), 37") {
			return
		}
		a := org.SupervisoryAuthority
		authority := nonEmpty([]string{a.Name, a.Address, c.countryWithCode(a.Country)})
		if a.Phone != "" {
			authority = append(authority, c.w.get("phone")+": "+a.Phone)
		}
		if a.Website != "" {
			authority = append(authority, c.w.get("website")+": "+a.Website)
		}
		if !emit("org.authority", lines(authority), "Art. 56") {
			return
		}
		if s := c.text(org.Security); s != "" && !emit("org.security", s, "Art. 30(1)(g), 32(1)") {
			return
		}
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
			emit("org.owner", owner, "Art. 5(2)") &&
			(notes == "" || emit("org.notes", notes, "")) &&
			emit("org.controller_count", strconv.Itoa(nc), "Art. 30(1)") &&
			emit("org.processor_count", strconv.Itoa(np), "Art. 30(2)")
	}
}

// controllerRows yields one row per activity as controller (Art. 30(1)).
func (c *content) controllerRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(controllerColumns))
		for _, a := range c.acts {
			if a.Role == "processor" {
				continue
			}
			in := internal(a)
			var dpiaRequired, dpiaStatus, dpiaLink string
			if d := in.DPIA; d != nil {
				dpiaRequired, dpiaStatus, dpiaLink = c.yesNo(d.Required), c.word("dpia.", d.Status), d.Link
			}
			countries, safeguards := c.transfers(a)
			row[0] = a.ID
			row[1] = c.text(a.Name)
			row[2] = in.BusinessFunction
			row[3] = c.texts(a.PurposeTexts())
			row[4] = c.legalBasis(a.LegalBasis)
			row[5] = c.text(a.Law)
			row[6] = c.text(a.LegitimateInterest)
			row[7] = in.LIA
			row[8] = c.art9(a.SpecialCategoryCondition)
			row[9] = c.subjects(a.Subjects)
			row[10] = c.categories(a.Categories)
			row[11] = c.sources(a)
			row[12] = c.recipients(a.Recipients)
			row[13] = countries
			row[14] = safeguards
			row[15] = c.retention(a.Retention)
			row[16] = c.measures(a.Measures)
			row[17] = c.automated(a.AutomatedDecisions)
			row[18] = dpiaRequired
			row[19] = dpiaStatus
			row[20] = dpiaLink
			row[21] = lines(in.ProcessorContracts)
			row[22] = in.ConsentRecord
			row[23] = lines(in.Systems)
			row[24] = in.Owner
			row[25] = c.yesNo(a.IsPublic())
			row[26] = in.Notes
			if !yield(row) {
				return
			}
		}
	}
}

// processorRows yields one row per activity as processor (Art. 30(2)).
func (c *content) processorRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(processorColumns))
		var b strings.Builder
		for _, a := range c.acts {
			if a.Role != "processor" {
				continue
			}
			in := internal(a)
			b.Reset()
			for i, p := range a.OnBehalfOf {
				if i > 0 {
					b.WriteString("\n\n")
				}
				b.WriteString(lines(c.party(p)))
			}
			countries, safeguards := c.transfers(a)
			row[0] = a.ID
			row[1] = c.text(a.Name)
			row[2] = b.String()
			row[3] = c.texts(a.PurposeTexts())
			row[4] = c.subjects(a.Subjects)
			row[5] = c.categories(a.Categories)
			row[6] = c.recipients(a.Recipients)
			row[7] = countries
			row[8] = safeguards
			row[9] = c.measures(a.Measures)
			row[10] = lines(in.ProcessorContracts)
			row[11] = lines(in.Systems)
			row[12] = in.Owner
			row[13] = in.Notes
			if !yield(row) {
				return
			}
		}
	}
}

// recipientRows yields one row per recipient, sorted by id.
func (c *content) recipientRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(recipientColumns))
		for _, id := range sortedKeys(c.reg.Recipients) {
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
			row[3] = r.Country
			row[4] = c.country(r.Country)
			row[5] = c.area(r.Country)
			row[6] = c.text(r.Description)
			row[7] = contract
			row[8] = contact
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
				adequacy, _ := country.Adequacy(t.Country)
				row[0] = a.ID
				row[1] = c.text(a.Name)
				row[2] = c.word("role.", role)
				row[3] = t.Recipient
				row[4] = c.recipientName(t.Recipient)
				row[5] = t.Country
				row[6] = c.country(t.Country)
				row[7] = t.Safeguard
				row[8] = c.word("safeguard.", t.Safeguard)
				row[9] = adequacy
				row[10] = c.text(t.Details)
				if !yield(row) {
					return
				}
			}
		}
	}
}

// categoryRows yields one row per category of personal data, sorted by id.
func (c *content) categoryRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(categoryColumns))
		for _, id := range sortedKeys(c.reg.Categories) {
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

// measureRows yields one row per security measure, sorted by id.
func (c *content) measureRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(measureColumns))
		for _, id := range sortedKeys(c.reg.Measures) {
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

// legendRows yields the explanation of every column of every sheet, then of
// every code of the records.
func (c *content) legendRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(legendColumns))
		for _, t := range c.tables() {
			for _, col := range t.cols {
				row[0] = c.w.get(t.sheet)
				row[1] = c.w.get("h." + col.key)
				row[2] = c.w.get("d." + col.key)
				row[3] = col.ref
				if !yield(row) {
					return
				}
			}
		}
		for _, l := range codeLists {
			for _, code := range l.codes {
				row[0] = c.w.get("legend.codes") + ": " + c.w.get(l.title)
				row[1] = code.value
				switch l.title {
				case "legend.code.lb":
					row[2] = c.legalBasis(code.value)
				case "legend.code.a9":
					row[2] = c.art9(code.value)
				default:
					row[2] = c.w.get(l.prefix + code.value)
				}
				row[3] = code.ref
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
		if r.Country != "" {
			b.WriteString(", ")
			b.WriteString(c.country(r.Country))
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
		cb.WriteString(c.countryWithCode(t.Country))
		cb.WriteString(": ")
		cb.WriteString(c.recipientName(t.Recipient))
		sb.WriteString(t.Country)
		sb.WriteString(": ")
		sb.WriteString(c.word("safeguard.", t.Safeguard))
		if d := c.text(t.Details); d != "" {
			sb.WriteString(" – ")
			sb.WriteString(strings.ReplaceAll(d, "\n", " "))
		}
	}
	return cb.String(), sb.String()
}

// retention returns the retention of each data category, one per line:
// "name: period trigger" or "name: criteria".
func (c *content) retention(rules []register.Retention) string {
	var b strings.Builder
	for _, r := range rules {
		how := c.text(r.Criteria)
		if r.Period != "" {
			how = c.period(r.Period)
			if t := c.text(r.Trigger); t != "" {
				how += " " + t
			}
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

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
