package register

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// checker runs the rules that span records, after every file has matched its
// schema. Each rule is a method; docs/rules.md lists them.
type checker struct {
	l   *loader
	reg *Register

	names nameCells // see nameLen
}

func newChecker(l *loader, reg *Register) *checker { return &checker{l: l, reg: reg} }

// shared runs the rules on the shared registers, after every file has loaded.
func (c *checker) shared() {
	if !c.l.failed["organisation"] && c.file("organisation") != nil {
		c.organisation()
		c.rightSteps()
		c.texts(c.file("organisation"), nil, reflect.ValueOf(c.reg.Organisation))
	}
	c.registerCountries()
	c.languages()
	c.unused()
}

// activity runs the rules of one activity. The shared registers are loaded
// before activities, so this runs in the loading workers, in parallel.
func (c *checker) activity(f *file, a *Activity) {
	c.references(f, a)
	c.topic(f, a)
	open := c.draft(f, a)
	if !open["legal_basis"] {
		c.legalBasis(f, a)
	}
	if c.loaded("categories") { // which categories are special is unknown otherwise
		c.specialCategories(f, a)
	}
	c.transfers(f, a)
	if !open["retention"] {
		c.retention(f, a)
	}
	c.retentionRanges(f, a)
	if !open["role"] {
		c.role(f, a)
	}
	c.cookies(f, a, open["legal_basis"])
	if !open["legal_basis"] {
		c.choices(f, a)
	}
	if a.IsPublic() {
		c.texts(f, nil, reflect.ValueOf(a).Elem())
	}
}

// report adds a diagnostic at a data path of a record's file.
func (c *checker) report(f *file, p []string, atKey bool, sev diag.Severity, format string, args ...any) {
	if !c.l.room(f) { // past the diagnostics shown per file: only counted, not worded
		c.l.add(diag.Diagnostic{File: f.name, Severity: sev})
		return
	}
	c.l.add(c.l.at(f, p, atKey, sev, fmt.Sprintf(format, args...)))
}

func (c *checker) errorf(f *file, p []string, format string, args ...any) {
	c.report(f, p, false, diag.Error, format, args...)
}

func (c *checker) warnf(f *file, p []string, format string, args ...any) {
	c.report(f, p, false, diag.Warning, format, args...)
}

// file returns the file a shared record came from ("organisation", "recipients:x").
// It is used after all files are loaded.
func (c *checker) file(record string) *file {
	return c.l.files[c.reg.Files[record]]
}

// dp builds a data path from keys and indices.
func dp(parts ...any) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = fmt.Sprint(p)
	}
	return out
}

// checkCountry reports a code that passed the schema's [A-Z]{2} but is not an
// assigned ISO 3166-1 alpha-2 code.
func (c *checker) checkCountry(f *file, p []string, code string) bool {
	if country.Valid(code) {
		return true
	}
	hint := ""
	if code == "UK" {
		hint = " (for the United Kingdom write GB)"
	}
	c.errorf(f, p, "%q is not an ISO 3166-1 alpha-2 country code%s", code, hint)
	return false
}

// organisation: countries of parties, and a representative in the Union
// when no controller is established there (Art. 27).
func (c *checker) organisation() {
	o := c.reg.Organisation
	rec := c.file("organisation")
	inEU := false
	ids := map[string]bool{}
	for i, p := range o.Controllers {
		c.checkCountry(rec, dp("controllers", i, "country"), p.Country)
		inEU = inEU || country.InEEA(p.Country)
		if p.ID != "" && ids[p.ID] {
			c.errorf(rec, dp("controllers", i, "id"), "controller id %q is used twice", p.ID)
		}
		ids[p.ID] = true
	}
	for i, p := range o.JointControllers {
		c.checkCountry(rec, dp("joint_controllers", i, "country"), p.Country)
	}
	if o.Representative != nil {
		c.checkCountry(rec, dp("representative", "country"), o.Representative.Country)
	} else if !inEU && len(o.Controllers) > 0 {
		c.errorf(rec, dp("controllers"), "no controller is established in the EEA: name the representative in the Union in [representative] (Art. 27)")
	}
	switch {
	case !o.HasLeadAuthority() && inEU:
		c.report(rec, dp("controllers"), true, diag.Error, "a controller is established in the EEA: name the lead supervisory authority in [supervisory_authority] (Art. 56)")
	case !o.HasLeadAuthority():
		// Outside the EEA, with a representative: people complain to the
		// authority of their own country; the site links the EDPB's list.
	case !inEU && len(o.Controllers) > 0:
		c.report(rec, dp("supervisory_authority"), true, diag.Warning, "no controller is established in the EEA, so there is no lead authority (Art. 56): people complain to the authority of their own country; remove [supervisory_authority]")
	default:
		if a := o.SupervisoryAuthority.Country; c.checkCountry(rec, dp("supervisory_authority", "country"), a) && !country.InEEA(a) {
			c.errorf(rec, dp("supervisory_authority", "country"), "%s (%s) is outside the EEA: the lead supervisory authority is the one of an EEA country (Art. 56)", a, country.Name(a, "en"))
		}
	}
}

// rightSteps: channel ids are unique; a right or the complaint route names a
// channel that exists; steps for a right that no public activity grants are
// never shown (a warning).
func (c *checker) rightSteps() {
	r := &c.reg.Organisation.Rights
	rec := c.file("organisation")
	ids := map[string]bool{}
	for i, ch := range r.Channels {
		if ch.ID != "" && ids[ch.ID] {
			c.errorf(rec, dp("rights", "channels", i, "id"), "channel id %q is used twice", ch.ID)
		}
		ids[ch.ID] = true
	}
	known := func(p []string, id string) {
		if id != "" && r.Channel(id) == nil {
			c.errorf(rec, p, "no rights channel has the id %q%s", id, channelIDs(id, r.Channels))
		}
	}
	granted := c.grantedRights()
	for _, id := range []string{"access", "rectification", "erasure", "restriction", "portability", "object", "withdraw-consent", "automated-decisions"} {
		s := r.Steps(id)
		if s == nil {
			continue
		}
		known(dp("rights", id, "channel"), s.Channel)
		if granted != nil && !granted[id] {
			c.report(rec, dp("rights", id), true, diag.Warning, "no published activity grants the right %q: people cannot exercise it here", id)
		}
	}
	if r.Complaint != nil {
		known(dp("rights", "complaint", "channel"), r.Complaint.Channel)
	}
}

// channelIDs says which channel an unknown id may mean, for a message:
// "; did you mean "a"?", or else " (the ids are "a", "b")".
func channelIDs(id string, chs []Channel) string {
	var ids []string
	for _, ch := range chs {
		if ch.ID != "" && !slices.Contains(ids, ch.ID) {
			ids = append(ids, ch.ID)
		}
	}
	if len(ids) == 0 {
		return ": give the channel an id in [[rights.channels]]"
	}
	if best := diag.Closest(id, ids, 2); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	q := make([]string, len(ids))
	for i, s := range ids {
		q[i] = strconv.Quote(s)
	}
	return " (the ids are " + strings.Join(q, ", ") + ")"
}

// grantedRights returns the rights that some published activity grants, as
// the site derives them from the legal bases (Art. 15-22, 7(3)); nil when
// the activities did not all load, so the answer is unknown.
func (c *checker) grantedRights() map[string]bool {
	if c.l.failed["activity"] {
		return nil
	}
	out := map[string]bool{}
	for _, a := range c.reg.Activities {
		if a.IsPublic() {
			a.eachRight(func(id string, _ int) { out[id] = true })
		}
	}
	return out
}

func (c *checker) registerCountries() {
	for _, id := range sortedIDs(c.reg.Recipients) {
		if f := c.file("recipients:" + id); f != nil {
			r := c.reg.Recipients[id]
			if r.Country != "" {
				c.checkCountry(f, dp(id, "country"), r.Country)
			}
			for i, code := range r.Countries {
				c.checkCountry(f, dp(id, "countries", i), code)
			}
			if r.Region == "EEA" {
				for i, code := range r.Where() {
					if country.Valid(code) && !country.InEEA(code) {
						c.errorf(f, dp(id, "countries", i), "%s (%s) is outside the EEA, but region = \"EEA\"", code, country.Name(code, "en"))
					}
				}
			}
		}
	}
}

// references: every id an activity names is defined in a shared register.
func (c *checker) references(rec *file, a *Activity) {
	// kind is both the activity's field and the shared register it names.
	check := func(ids []string, kind, what string, m any, has func(string) bool) {
		if c.l.failed[kind] {
			return // reported in the register's own file
		}
		for i, id := range ids {
			if !has(id) {
				c.errorf(rec, dp(kind, i), "unknown %s %q: it is not defined in %s%s", what, id, DataDir+"/"+kind+".toml", c.suggest(id, m))
			}
		}
	}
	if !c.l.failed["organisation"] {
		var ids []string
		for _, p := range c.reg.Organisation.Controllers {
			if p.ID != "" {
				ids = append(ids, p.ID)
			}
		}
		for i, id := range a.Controllers {
			if !slices.Contains(ids, id) {
				hint := ""
				if len(ids) == 0 {
					hint = ": the controllers in data/organisation.toml have no id; add id = \"...\" to each"
				} else if best := diag.Closest(id, ids, 2); best != "" {
					hint = fmt.Sprintf("; did you mean %q?", best)
				} else {
					hint = "; the controllers are " + strings.Join(ids, ", ")
				}
				c.errorf(rec, dp("controllers", i), "unknown controller %q: it is not defined in data/organisation.toml%s", id, hint)
			}
		}
	}
	check(a.Subjects, "subjects", "data subject category", c.reg.Subjects, has(c.reg.Subjects))
	check(a.Categories, "categories", "data category", c.reg.Categories, has(c.reg.Categories))
	check(a.Recipients, "recipients", "recipient", c.reg.Recipients, has(c.reg.Recipients))
	check(a.Measures, "measures", "security measure", c.reg.Measures, has(c.reg.Measures))
	for i, t := range a.Transfers {
		if _, ok := c.reg.Recipients[t.Recipient]; !ok && t.Recipient != "" && !c.l.failed["recipients"] {
			c.errorf(rec, dp("transfers", i, "recipient"), "unknown recipient %q: it is not defined in data/recipients.toml%s", t.Recipient, c.suggest(t.Recipient, c.reg.Recipients))
		}
	}
	for i, r := range a.Retention {
		for j, id := range r.Categories {
			if _, ok := c.reg.Categories[id]; !ok && !c.l.failed["categories"] {
				c.errorf(rec, dp("retention", i, "categories", j), "unknown data category %q: it is not defined in data/categories.toml%s", id, c.suggest(id, c.reg.Categories))
			}
		}
	}
}

// has says whether a shared register defines an id.
func has[T any](m map[string]*T) func(string) bool {
	return func(id string) bool { _, ok := m[id]; return ok }
}

// transfers: recipients outside the EEA need a transfer with a safeguard
// that is valid for the country.
func (c *checker) transfers(rec *file, a *Activity) {
	transferred := map[string]bool{} // recipient, and recipient + country
	for i, t := range a.Transfers {
		transferred[t.Recipient] = true
		p := dp("transfers", i)
		c.safeguardFits(rec, p, t)
		if _, known := c.reg.Recipients[t.Recipient]; known && !slices.Contains(a.Recipients, t.Recipient) {
			c.errorf(rec, append(p, "recipient"), "%q is not among this activity's recipients: add it to recipients", t.Recipient)
		}
		for j, code := range t.Where() {
			cp := append(slices.Clone(p), "country")
			if t.Country == "" {
				cp = append(slices.Clone(p), "countries", strconv.Itoa(j))
			}
			transferred[t.Recipient+" "+code] = true
			if !c.checkCountry(rec, cp, code) {
				continue
			}
			if r, ok := c.reg.Recipients[t.Recipient]; ok && r.Region != "worldwide" && len(r.Where()) > 0 && !slices.Contains(r.Where(), code) {
				where := r.Where()
				names := make([]string, len(where))
				for k, w := range where {
					names[k] = fmt.Sprintf("%s (%s)", w, country.Name(w, "en"))
				}
				c.errorf(rec, cp, "%q processes the data in %s according to data/recipients.toml, not in %s (%s): make the two agree", t.Recipient, strings.Join(names, ", "), code, country.Name(code, "en"))
				continue
			}
			name := country.Name(code, "en")
			if country.InEEA(code) {
				c.errorf(rec, cp, "%s (%s) is in the EEA: sharing data there is not a transfer to a third country; remove this entry", code, name)
				continue
			}
			one := t
			one.Country = code
			c.safeguard(rec, p, one, name)
		}
	}
	// A controller outside the EEA that collects data directly from the
	// person does not transfer it to recipients in its own country (EDPB
	// Guidelines 05/2021).
	home := map[string]bool{}
	if !c.l.failed["organisation"] {
		for _, p := range c.reg.Organisation.Responsible(a) {
			if !country.InEEA(p.Country) {
				home[p.Country] = true
			}
		}
	}
	for i, id := range a.Recipients {
		r, ok := c.reg.Recipients[id]
		if !ok {
			continue
		}
		for _, code := range r.Where() {
			if !country.Valid(code) || country.InEEA(code) || transferred[id+" "+code] || home[code] {
				continue
			}
			c.errorf(rec, dp("recipients", i), "%q is in %s (%s), outside the EEA: add a transfers entry with its safeguard (Art. 44-49)", id, code, country.Name(code, "en"))
		}
		if r.Region == "worldwide" && len(r.Countries) == 0 && !transferred[id] {
			c.errorf(rec, dp("recipients", i), "%q receives data worldwide: add a transfers entry with its safeguard for each main country outside the EEA (Art. 44-49)", id)
		}
	}
}

// retention: every data category is covered by a rule, and rules name only
// the activity's categories.
func (c *checker) retention(rec *file, a *Activity) {
	covered := map[string]bool{}
	for i, r := range a.Retention {
		for j, id := range r.Categories {
			covered[id] = true
			if !slices.Contains(a.Categories, id) {
				if _, known := c.reg.Categories[id]; known {
					c.errorf(rec, dp("retention", i, "categories", j), "%q is not one of this activity's categories", id)
				}
			}
		}
	}
	for i, id := range a.Categories {
		if _, known := c.reg.Categories[id]; known && !covered[id] {
			c.warnf(rec, dp("categories", i), "data category %q has no retention rule: say in retention how long it is kept (Art. 30(1)(f))", id)
		}
	}
}

// role: processor activities name their controllers.
func (c *checker) role(rec *file, a *Activity) {
	switch {
	case a.Role == "processor" && len(a.OnBehalfOf) == 0:
		c.errorf(rec, dp("role"), "a processor activity must name the controllers it acts for in on_behalf_of (Art. 30(2)(a))")
	case a.Role == "controller" && len(a.OnBehalfOf) > 0:
		c.report(rec, dp("on_behalf_of"), true, diag.Error, "on_behalf_of is only for role = \"processor\"")
	case a.Role == "processor" && a.Public != nil && *a.Public:
		c.report(rec, dp("public"), true, diag.Warning, "processor activities are not published: the controller informs people; remove public = true")
	}
	for i, p := range a.OnBehalfOf {
		c.checkCountry(rec, dp("on_behalf_of", i, "country"), p.Country)
	}
}

// languages: every public text of the shared registers is written in every
// site language, and in no language the site does not have; activity texts
// are checked in activity.
func (c *checker) languages() {
	for _, id := range sortedIDs(c.reg.Subjects) {
		c.texts(c.file("subjects:"+id), dp(id), reflect.ValueOf(*c.reg.Subjects[id]))
	}
	for _, id := range sortedIDs(c.reg.Categories) {
		c.texts(c.file("categories:"+id), dp(id), reflect.ValueOf(*c.reg.Categories[id]))
	}
	for _, id := range sortedIDs(c.reg.Recipients) {
		c.texts(c.file("recipients:"+id), dp(id), reflect.ValueOf(*c.reg.Recipients[id]))
	}
	for _, id := range sortedIDs(c.reg.Measures) {
		c.texts(c.file("measures:"+id), dp(id), reflect.ValueOf(*c.reg.Measures[id]))
	}
	for _, id := range sortedIDs(c.reg.Topics) {
		c.texts(c.file("topics:"+id), dp(id), reflect.ValueOf(*c.reg.Topics[id]))
	}
}

var textType = reflect.TypeOf(Text{})

// texts walks v, following the JSON names of the model, and checks every Text.
func (c *checker) texts(rec *file, p []string, v reflect.Value) {
	// The walk appends to p without copying (room for the deepest path is
	// made once): a path is used only while it is reported.
	buf := make([]string, len(p), len(p)+16)
	copy(buf, p)
	c.textsIn(rec, buf, v)
}

var purposeText = func() int {
	f, _ := purposeType.FieldByName("text")
	return f.Index[0]
}()

var stepPlain = func() int {
	f, _ := stepType.FieldByName("plain")
	return f.Index[0]
}()

func (c *checker) textsIn(rec *file, p []string, v reflect.Value) {
	switch {
	case v.Type() == purposeType && v.Field(purposeText).Bool():
		c.textsIn(rec, p, v.FieldByName("Purpose")) // written as a text: the text is the purpose
	case v.Type() == stepType && v.Field(stepPlain).Bool():
		c.textsIn(rec, p, v.FieldByName("Text")) // written as a text: the text is the step
	case v.Type() == nameType:
		// A plain name is the same in every language; a translated one
		// needs every language, like a text.
		if n := v.Interface().(Name); len(n) > 0 && !(len(n) == 1 && n[""] != "") {
			c.text(rec, p, Text(n))
		}
	case v.Type() == textType:
		if v.Len() > 0 {
			c.text(rec, p, v.Interface().(Text))
		}
	case v.Kind() == reflect.Pointer:
		if !v.IsNil() {
			c.textsIn(rec, p, v.Elem())
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			c.textsIn(rec, append(p, strconv.Itoa(i)), v.Index(i))
		}
	case v.Kind() == reflect.Struct:
		for _, f := range jsonFields(v.Type()) {
			if f.anonymous {
				c.textsIn(rec, p, v.Field(f.index))
				continue
			}
			if f.name == "internal" {
				continue
			}
			c.textsIn(rec, append(p, f.name), v.Field(f.index))
		}
	}
}

func (c *checker) text(rec *file, p []string, t Text) {
	if len(c.reg.Languages) == 0 {
		return // hugo.toml did not load; that is reported already
	}
	def := c.reg.DefaultLanguage
	if !c.siteLanguages(t, def) {
		for _, lang := range t.Languages(def) {
			if !slices.Contains(c.reg.Languages, lang) {
				c.report(rec, append(slices.Clone(p), lang), true, diag.Error, "%q is not a language of the site (%s, from hugo.toml)", lang, strings.Join(c.reg.Languages, ", "))
			}
		}
	}
	var missing []string
	for _, lang := range c.reg.Languages {
		text := t.In(lang, def)
		if text == "" {
			missing = append(missing, lang)
		} else if strings.HasPrefix(text, "TODO") {
			c.report(rec, p, false, diag.Warning, "the %s text is still a placeholder (%q); write it before it is published", lang, text)
			return
		}
	}
	if len(missing) == 0 {
		return
	}
	if _, plain := t[""]; plain && len(t) == 1 {
		c.errorf(rec, p, "a plain string is the %s text only; write every language: { %s }", def, langTemplate(c.reg.Languages))
		return
	}
	c.errorf(rec, p, "missing the %s text; public texts need every site language (%s)", strings.Join(missing, " and "), strings.Join(c.reg.Languages, ", "))
}

// siteLanguages reports whether every language of t is a site language,
// without sorting them: that is needed only to report the others in order.
func (c *checker) siteLanguages(t Text, def string) bool {
	for k := range t {
		if k == "" {
			k = def
		}
		if !slices.Contains(c.reg.Languages, k) {
			return false
		}
	}
	return true
}

func langTemplate(langs []string) string {
	var parts []string
	for _, l := range langs {
		parts = append(parts, l+` = "..."`)
	}
	return strings.Join(parts, ", ")
}

// unused: definitions no activity refers to.
func (c *checker) unused() {
	if c.l.failed["activity"] {
		return // usage is unknown
	}
	// One set per register, so that no key is made per reference.
	subjects, categories, recipients, measures, topics := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	mark := func(used map[string]bool, ids []string) {
		for _, id := range ids {
			used[id] = true
		}
	}
	for _, a := range c.reg.Activities {
		mark(subjects, a.Subjects)
		mark(categories, a.Categories)
		mark(recipients, a.Recipients)
		mark(measures, a.Measures)
		topics[a.Topic] = true
	}
	check := func(kind, what string, ids []string, used map[string]bool) {
		for _, id := range ids {
			if !used[id] {
				c.report(c.file(kind+":"+id), dp(id), true, diag.Warning, "%s %q is not used by any activity", what, id)
			}
		}
	}
	check("subjects", "data subject category", sortedIDs(c.reg.Subjects), subjects)
	check("categories", "data category", sortedIDs(c.reg.Categories), categories)
	check("recipients", "recipient", sortedIDs(c.reg.Recipients), recipients)
	check("measures", "security measure", sortedIDs(c.reg.Measures), measures)
	check("topics", "topic", sortedIDs(c.reg.Topics), topics)
}

func sortedIDs[V any](m map[string]V) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
