package register

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// Limits on the values of records. No real record comes near them (the
// longest text of the shipped register is 641 characters, its longest name
// 60); they keep a careless or hostile value from exhausting the build (a 7 MB
// description repeated on every page) and make sure that whatever validates
// also fits the outputs (a spreadsheet cell holds 32,767 characters), so that
// build never fails half-way. docs/rules.md lists them.
const (
	MaxName  = 200       // characters in a name, title or label
	MaxText  = 10000     // characters in a text (each language) and any other string
	MaxID    = 100       // characters in the id of a shared definition
	MaxEmail = 254       // characters in an e-mail address (RFC 5321)
	MaxURL   = 2000      // characters in a web address: what every browser and server takes
	MaxPhone = 40        // characters in a telephone number
	MaxCell  = 32767     // characters (UTF-16 units) in a spreadsheet cell
	MaxRows  = 1<<20 - 1 // rows of a worksheet below its header (1,048,576 in all)
)

// nameFields are the keys whose values are names: one line, at most MaxName.
var nameFields = map[string]bool{"name": true, "title": true, "label": true, "legal_name": true}

var channelType = reflect.TypeOf(Channel{})

// values checks every string of a decoded record, public or internal: its
// length, its characters, and e-mail addresses, web addresses and phone
// numbers by their kind (links.go). p is the data path of v. The walk
// appends to p without copying: a path is used only while it is reported.
func (c *checker) values(rec *file, p []string, v reflect.Value) {
	// Room for the deepest path of a record, so that the walk's appends
	// do not allocate.
	buf := make([]string, len(p), len(p)+16)
	copy(buf, p)
	c.valuesIn(rec, buf, v, "", false)
}

func (c *checker) valuesIn(rec *file, p []string, v reflect.Value, field string, internal bool) {
	switch {
	case v.Type() == textType:
		t := v.Interface().(Text)
		if len(t) == 1 { // the common case needs no sorting
			for lang, s := range t {
				c.textValue(rec, p, lang, field, internal, s)
			}
			return
		}
		for _, lang := range sortedKeysOf(t) {
			c.textValue(rec, p, lang, field, internal, t[lang])
		}
	case v.Type() == stepType && v.Field(stepPlain).Bool():
		c.valuesIn(rec, p, v.Field(0), field, internal) // written as a text: the text is the step
	case v.Kind() == reflect.Pointer:
		if !v.IsNil() {
			c.valuesIn(rec, p, v.Elem(), field, internal)
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			c.valuesIn(rec, append(p, strconv.Itoa(i)), v.Index(i), field, internal)
		}
	case v.Kind() == reflect.String:
		c.value(rec, p, field, internal, v.String())
	case v.Kind() == reflect.Struct:
		t := v.Type()
		for _, f := range jsonFields(t) {
			if f.anonymous {
				c.valuesIn(rec, p, v.Field(f.index), field, internal)
				continue
			}
			q := append(p, f.name)
			if t == channelType && f.name == "address" {
				c.channelAddress(rec, q, v.Interface().(Channel))
				continue
			}
			c.valuesIn(rec, q, v.Field(f.index), f.name, internal || f.name == "internal")
		}
	}
}

// textValue checks the text of one language.
func (c *checker) textValue(rec *file, p []string, lang, field string, internal bool, s string) {
	if lang != "" {
		p = append(p, lang)
	}
	c.value(rec, p, field, internal, s)
}

type jsonField struct {
	index     int
	name      string // the JSON name
	anonymous bool   // an embedded struct, whose fields count as the outer's
}

var jsonFieldCache sync.Map // reflect.Type -> []jsonField

// jsonFields lists the fields of a struct type that have a JSON name, and
// the embedded ones.
func jsonFields(t reflect.Type) []jsonField {
	if f, ok := jsonFieldCache.Load(t); ok {
		return f.([]jsonField)
	}
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case f.Anonymous:
			out = append(out, jsonField{index: i, anonymous: true})
		case name != "-" && name != "":
			out = append(out, jsonField{index: i, name: name})
		}
	}
	jsonFieldCache.Store(t, out)
	return out
}

// value checks one string at path p of a field.
func (c *checker) value(rec *file, p []string, field string, internal bool, s string) {
	if s == "" {
		return // an optional value left out; the schema says where one is needed
	}
	if !c.characters(rec, p, s, !nameFields[field]) {
		return
	}
	switch {
	case nameFields[field]:
		c.length(rec, p, s, MaxName, "a name")
	case internal:
		c.length(rec, p, s, MaxText, "a value")
	case field == "email":
		c.email(rec, p, s)
	case field == "website" || field == "link" || field == "url" || strings.HasSuffix(field, "_url") || strings.HasSuffix(field, "_link"):
		c.webLink(rec, p, s)
	case field == "phone":
		c.phone(rec, p, s)
	default:
		c.length(rec, p, s, MaxText, "a text")
	}
}

// length reports s when it has more than max characters.
func (c *checker) length(rec *file, p []string, s string, max int, what string) bool {
	if len(s) <= max { // a character takes at least one byte
		return true
	}
	if n := utf8.RuneCountInString(s); n > max {
		c.errorf(rec, p, "is %s characters long; %s may be at most %s characters", thousands(n), what, thousands(max))
		return false
	}
	return true
}

// characters reports the first character of s that a reader cannot see or
// that controls how text is shown: C0 and C1 controls, format characters
// (Unicode Cf: bidirectional overrides and isolates, zero-width spaces and
// joiners, the byte order mark, soft hyphens), private-use characters and
// the line and paragraph separators. Tabs and line breaks are allowed where
// lines are (multiline says so); a name is one line.
func (c *checker) characters(rec *file, p []string, s string, multiline bool) bool {
	// Most values are printable ASCII on one line: check that first, without
	// decoding characters.
	plain := true
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 || b >= 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return true
	}
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			if multiline {
				continue
			}
			c.errorf(rec, p, "contains a %s at character %d; a name is one line", breakName(r), utf8.RuneCountInString(s[:i])+1)
			return false
		case r < 0x20 || r >= 0x7f && r < 0xa0 || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || r == 0x2028 || r == 0x2029:
			c.errorf(rec, p, "contains %s at character %d: invisible and control characters can hide or reorder text; remove it", charName(r), utf8.RuneCountInString(s[:i])+1)
			return false
		}
	}
	return true
}

func breakName(r rune) string {
	if r == '\t' {
		return "tab"
	}
	return "line break"
}

// charName names a refused character: its code point and, for the ones used
// to deceive, its Unicode name.
func charName(r rune) string {
	names := map[rune]string{
		0x00AD: "SOFT HYPHEN", 0x061C: "ARABIC LETTER MARK", 0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER",
		0x200D: "ZERO WIDTH JOINER", 0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK",
		0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
		0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
		0x2060: "WORD JOINER", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
		0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
		0x1B: "ESCAPE", 0x7F: "DELETE", 0x00: "NULL",
	}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	switch {
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return fmt.Sprintf("U+%04X (a control character)", r)
	case unicode.Is(unicode.Co, r):
		return fmt.Sprintf("U+%04X (a private-use character)", r)
	}
	return fmt.Sprintf("U+%04X (an invisible formatting character)", r)
}

// thousands writes n with thousands separators: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func sortedKeysOf(t Text) []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// limits runs the checks of this file on the shared registers, and the
// output limits of the workbook on the whole register. Activities get their
// value checks as they load (loader.activity).
func (c *checker) limits() {
	if f := c.file("organisation"); f != nil && !c.l.failed["organisation"] {
		c.values(f, nil, reflect.ValueOf(c.reg.Organisation))
		c.organisationCells(f)
	}
	c.registerValues("subjects", c.reg.Subjects)
	c.registerValues("categories", c.reg.Categories)
	c.registerValues("recipients", c.reg.Recipients)
	c.registerValues("measures", c.reg.Measures)
	c.registerValues("topics", c.reg.Topics)
	c.rows()
}

func registerValuesOf[T any](c *checker, kind string, m map[string]*T) {
	for _, id := range sortedIDs(m) {
		f := c.file(kind + ":" + id)
		if f == nil {
			continue
		}
		if n := utf8.RuneCountInString(id); n > MaxID {
			c.report(f, dp(id), true, diag.Error, "the id is %s characters long; an id may be at most %d characters", thousands(n), MaxID)
		}
		c.values(f, dp(id), reflect.ValueOf(*m[id]))
	}
}

func (c *checker) registerValues(kind string, m any) {
	switch m := m.(type) {
	case map[string]*Subject:
		registerValuesOf(c, kind, m)
	case map[string]*Category:
		registerValuesOf(c, kind, m)
	case map[string]*Recipient:
		registerValuesOf(c, kind, m)
	case map[string]*Measure:
		registerValuesOf(c, kind, m)
	case map[string]*Topic:
		registerValuesOf(c, kind, m)
	}
}

// cellLen is the length of s as a spreadsheet counts it, in UTF-16 units.
func cellLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ { // ASCII: one unit a byte
		if s[i] >= utf8.RuneSelf {
			return n + cellLenSlow(s[i:])
		}
		n++
	}
	return n
}

func cellLenSlow(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// textLen is the cell length of the longest language of t.
func textLen(t Text) int {
	n := 0
	for _, s := range t {
		n = max(n, cellLen(s))
	}
	return n
}

// labelRoom is what the workbook may add to each line of a cell that joins
// several values: a label ("Registration: "), a mark (" (special category)"),
// a country name, a line break. It is generous, so that the sum is an upper
// bound of the cell's length in every language.
const labelRoom = 100

// cell reports a cell of the workbook that the values at p would fill past
// MaxCell; n is its upper bound.
// The path is made only when there is something to report.
func (c *checker) cell(rec *file, n int, what string, path ...any) {
	if n > MaxCell {
		c.errorf(rec, dp(path...), "%s together take up to %s characters in one cell of the workbook, which holds %s; shorten them", what, thousands(n), thousands(MaxCell))
	}
}

func (c *checker) nameLen(m any, id string) int {
	c.names.once.Do(func() {
		c.names.subjects = nameLens(c.reg.Subjects, func(e *Subject) Text { return e.Name })
		c.names.categories = nameLens(c.reg.Categories, func(e *Category) Text { return e.Name })
		c.names.recipients = nameLens(c.reg.Recipients, func(e *Recipient) Text { return Text(e.Name) })
		c.names.measures = nameLens(c.reg.Measures, func(e *Measure) Text { return e.Name })
	})
	var lens map[string]int
	switch m.(type) {
	case map[string]*Subject:
		lens = c.names.subjects
	case map[string]*Category:
		lens = c.names.categories
	case map[string]*Recipient:
		lens = c.names.recipients
	case map[string]*Measure:
		lens = c.names.measures
	}
	if n, ok := lens[id]; ok {
		return n
	}
	return len(id)
}

// nameCells are the cell lengths of the names of the shared definitions,
// measured once for all activities (the registers do not change once loaded).
type nameCells struct {
	once                                       sync.Once
	subjects, categories, recipients, measures map[string]int
}

func nameLens[T any](m map[string]*T, name func(*T) Text) map[string]int {
	out := make(map[string]int, len(m))
	for id, e := range m {
		if e != nil {
			out[id] = textLen(name(e))
		}
	}
	return out
}

// activityCells bounds the cells of the workbook's activity sheets that join
// several values of an activity (workbook/content.go): its purposes, subjects,
// categories, recipients, transfers, retention, measures, automated decisions
// and processor parties. Single values are bounded by MaxText already.
func (c *checker) activityCells(rec *file, a *Activity) {
	sum := func(n int, each func(i int) int) int {
		total := 0
		for i := range n {
			total += each(i) + labelRoom
		}
		return total
	}
	c.cell(rec, sum(len(a.Purposes), func(i int) int {
		p := a.Purposes[i]
		return textLen(p.Purpose) + textLen(p.LegitimateInterest) + textLen(p.Law) + len(p.LegalBasis) + labelRoom
	}), "the purposes with their legal bases", "purposes")
	c.cell(rec, sum(len(a.Subjects), func(i int) int { return c.nameLen(c.reg.Subjects, a.Subjects[i]) }), "the names of the subjects", "subjects")
	c.cell(rec, sum(len(a.Categories), func(i int) int { return c.nameLen(c.reg.Categories, a.Categories[i]) }), "the names of the data categories", "categories")
	c.cell(rec, sum(len(a.Recipients), func(i int) int { return c.nameLen(c.reg.Recipients, a.Recipients[i]) }), "the names of the recipients", "recipients")
	c.cell(rec, sum(len(a.Measures), func(i int) int { return c.nameLen(c.reg.Measures, a.Measures[i]) }), "the names of the measures", "measures")
	c.cell(rec, sum(len(a.Transfers), func(i int) int {
		return textLen(a.Transfers[i].Details) + c.nameLen(c.reg.Recipients, a.Transfers[i].Recipient)
	}), "the transfers and their details", "transfers")
	retention := 0
	for _, r := range a.Retention {
		how := max(textLen(r.Criteria), len(r.Period)+labelRoom+textLen(r.Trigger))
		for _, id := range r.Categories {
			retention += c.nameLen(c.reg.Categories, id) + how + labelRoom
		}
	}
	c.cell(rec, retention, "the retention rules, one per data category,", "retention")
	d := a.AutomatedDecisions
	c.cell(rec, textLen(d.Logic)+textLen(d.Consequences)+textLen(d.HumanReview)+4*labelRoom, "the texts of automated_decisions", "automated_decisions")
	c.cell(rec, sum(len(a.OnBehalfOf), func(i int) int { return partyLen(a.OnBehalfOf[i]) }), "the parties of on_behalf_of", "on_behalf_of")
	if in := a.Internal; in != nil {
		c.cell(rec, sum(len(in.Systems), func(i int) int { return cellLen(in.Systems[i]) }), "the systems", "internal", "systems")
		c.cell(rec, sum(len(in.ProcessorContracts), func(i int) int { return cellLen(in.ProcessorContracts[i]) }), "the processor contracts", "internal", "processor_contracts")
	}
}

func partyLen(p Party) int {
	return textLen(Text(p.LegalName)) + cellLen(p.Address) + cellLen(p.Email) + cellLen(p.Phone) + cellLen(p.Website) + cellLen(p.Registration) + 7*labelRoom
}

// organisationCells bounds the cells of the organisation sheet that join
// several values, and the examples of each data category.
func (c *checker) organisationCells(rec *file) {
	o := &c.reg.Organisation
	for i, j := range o.JointControllers {
		c.cell(rec, partyLen(j.Party)+textLen(j.Arrangement), "the details and arrangement of this joint controller", "joint_controllers", i)
	}
	if d := o.DPO; d != nil {
		c.cell(rec, textLen(Text(d.Name))+cellLen(d.Email)+cellLen(d.Address)+3*labelRoom, "the details of the DPO", "dpo")
	}
	// How to exercise a right: its steps, channel and notes share one cell
	// of the Organisation sheet (workbook/content.go).
	for _, id := range []string{"access", "rectification", "erasure", "restriction", "portability", "object", "withdraw-consent", "automated-decisions"} {
		st := o.Rights.Steps(id)
		if st == nil {
			continue
		}
		n := textLen(st.Notes) + 2*cellLen(st.Channel) + 3*labelRoom
		for _, step := range st.Steps {
			n += textLen(step) + labelRoom
		}
		c.cell(rec, n, "the steps, channel and notes of this right", "rights", id)
	}
	a := o.SupervisoryAuthority
	c.cell(rec, textLen(Text(a.Name))+cellLen(a.Address)+cellLen(a.Phone)+cellLen(a.Website)+5*labelRoom, "the details of the supervisory authority", "supervisory_authority")
	for _, id := range sortedIDs(c.reg.Categories) {
		cat := c.reg.Categories[id]
		if f := c.file("categories:" + id); f != nil {
			n := 0
			for _, e := range cat.Examples {
				n += textLen(e) + 1
			}
			c.cell(f, n, "the examples", id, "examples")
		}
	}
}

// rows reports a register with more rows than a worksheet holds: one row per
// activity in its sheet, one per transfer.
func (c *checker) rows() {
	var controllers, processors, transfers int
	for _, a := range c.reg.Activities {
		if a.Role == "processor" {
			processors++
		} else {
			controllers++
		}
		transfers += len(a.Transfers)
		if controllers > MaxRows || processors > MaxRows || transfers > MaxRows {
			if f := c.l.files[c.reg.Files["activity:"+a.ID]]; f != nil {
				c.errorf(f, nil, "the register has more than %s activities or transfers, more than a worksheet holds", thousands(MaxRows))
			} else {
				c.l.add(diag.Diagnostic{File: c.reg.Files["activity:"+a.ID], Message: fmt.Sprintf("the register has more than %s activities or transfers, more than a worksheet holds", thousands(MaxRows))})
			}
			return
		}
	}
}
