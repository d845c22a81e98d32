package workbook

import (
	"slices"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/completeness"
	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// actView renders the cells of one activity, in every layout. A cell is
// empty only when its column does not apply to the activity; where the
// records say there is nothing it says so in words, and where they are
// silent it says "not stated" (see the legend and docs/workbook.md).
type actView struct {
	c  *content
	a  *register.Activity
	in *register.ActivityInternal

	transfersDone         bool
	countries, safeguards string
}

func (c *content) view(a *register.Activity) actView {
	return actView{c: c, a: a, in: internal(a)}
}

// responsibleEntity returns the legal names of the entities responsible for
// an activity: those its record names, else the organisation's first
// controller (for processor activities, the entity acting as processor).
func (c *content) responsibleEntity(a *register.Activity) string {
	var names []string
	for _, p := range c.reg.Organisation.Responsible(a) {
		names = append(names, c.name(p.LegalName))
	}
	if len(names) == 0 {
		return c.name(c.reg.Organisation.Name)
	}
	return lines(names)
}

// bases writes the legal basis of the activity: one basis when all its
// purposes share it, else one line per purpose, "purpose → basis".
func (v *actView) bases() string {
	c, a := v.c, v.a
	all := a.LegalBases()
	shared := len(all) == 1
	for i := range a.Purposes {
		if a.Resolved(i).LegalBasis == "" {
			shared = false
		}
	}
	if shared {
		return c.legalBasis(all[0])
	}
	if len(a.Purposes) == 0 {
		return c.stated(c.legalBasis(a.LegalBasis))
	}
	out := make([]string, len(a.Purposes))
	for i := range a.Purposes {
		p := a.Resolved(i)
		basis := c.notStated()
		if p.LegalBasis != "" {
			basis = c.legalBasis(p.LegalBasis)
		}
		out[i] = strings.ReplaceAll(c.text(p.Purpose), "\n", " ") + " → " + basis
	}
	return lines(out)
}

// perPurpose writes a field of the purposes that applies needs: the distinct
// values, or "not stated" where an applicable purpose leaves it out, or blank
// when it applies to no purpose.
func (v *actView) perPurpose(applies func(register.Purpose) bool, value func(register.Purpose) string) string {
	c, a := v.c, v.a
	var out []string
	needed := false
	for i := range a.Purposes {
		p := a.Resolved(i)
		s := value(p)
		if applies(p) {
			needed = true
			if s == "" {
				s = c.notStated()
			}
		}
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if !needed && len(out) == 0 {
		return ""
	}
	return lines(out)
}

// cell returns the text of one field of the activity.
func (v *actView) cell(field string) string {
	c, a, in := v.c, v.a, v.in
	switch field {
	case "act.id":
		return a.ID
	case "act.name":
		return c.text(a.Name)
	case "act.entity":
		return c.responsibleEntity(a)
	case "act.date":
		return c.reg.Organisation.EffectiveDate
	case "act.dpo":
		return c.dpo()
	case "act.representative":
		return c.representative()
	case "act.joint":
		var out []string
		for _, j := range c.reg.Organisation.JointControllers {
			out = append(out, lines(c.party(j.Party)))
		}
		return strings.Join(out, "\n\n") // empty: there are none, the column does not apply
	case "act.topic":
		if t := c.reg.Topics[a.Topic]; t != nil {
			return c.text(t.Name)
		}
		if len(c.reg.Topics) > 0 {
			return c.notStated()
		}
		return "" // the project has no topics: the column does not apply
	case "act.function":
		return c.stated(in.BusinessFunction)
	case "act.purposes", "proc.processing":
		return c.texts(a.PurposeTexts())
	case "act.basis":
		return v.bases()
	case "act.law":
		return v.perPurpose(func(p register.Purpose) bool {
			return p.LegalBasis == "legal-obligation" || p.LegalBasis == "public-task"
		}, func(p register.Purpose) string { return c.text(p.Law) })
	case "act.interest":
		return v.perPurpose(func(p register.Purpose) bool { return p.LegalBasis == "legitimate-interests" },
			func(p register.Purpose) string { return c.text(p.LegitimateInterest) })
	case "act.lia":
		if slices.Contains(a.LegalBases(), "legitimate-interests") {
			return c.stated(in.LIA)
		}
		return in.LIA
	case "act.art9":
		var conds []string
		for i := range a.Purposes {
			if k := a.Resolved(i).SpecialCategoryCondition; k != "" && !slices.Contains(conds, k) {
				conds = append(conds, k)
			}
		}
		if len(conds) > 0 {
			out := make([]string, len(conds))
			for i, k := range conds {
				out[i] = c.art9(k)
			}
			return lines(out)
		}
		if v.hasSpecial() {
			return c.notStated()
		}
		return ""
	case "act.subjects":
		return c.subjects(a.Subjects)
	case "act.categories":
		return c.categories(a.Categories)
	case "act.sources":
		return c.sources(a)
	case "act.recipients":
		switch {
		case a.Recipients == nil:
			return c.notStated()
		case len(a.Recipients) == 0:
			return c.w.get("none")
		}
		return c.recipients(a.Recipients)
	case "act.countries":
		v.transfers()
		return v.countries
	case "act.safeguards":
		v.transfers()
		return v.safeguards
	case "act.retention":
		return v.retention()
	case "act.measures":
		switch {
		case a.Measures == nil:
			return c.notStated()
		case len(a.Measures) == 0:
			return c.w.get("none")
		}
		return c.measures(a.Measures)
	case "act.automated":
		return c.automated(a.AutomatedDecisions)
	case "act.dpia_required":
		if in.DPIA == nil {
			return c.notStated()
		}
		return c.yesNo(in.DPIA.Required)
	case "act.dpia_status":
		if d := in.DPIA; d != nil && (d.Required || d.Status != "") {
			return c.stated(c.word("dpia.", d.Status))
		}
		return ""
	case "act.dpia_link":
		if d := in.DPIA; d != nil && (d.Required || d.Link != "") {
			return c.stated(d.Link)
		}
		return ""
	case "act.contracts":
		switch {
		case in.ProcessorContracts != nil && len(in.ProcessorContracts) == 0:
			return c.w.get("none")
		case in.ProcessorContracts != nil:
			return lines(in.ProcessorContracts)
		case v.hasProcessor():
			return c.notStated()
		}
		return ""
	case "act.consent":
		if slices.Contains(a.LegalBases(), "consent") {
			return c.stated(in.ConsentRecord)
		}
		return in.ConsentRecord
	case "act.systems":
		switch {
		case in.Systems == nil:
			return c.notStated()
		case len(in.Systems) == 0:
			return c.w.get("none")
		}
		return lines(in.Systems)
	case "act.owner":
		return c.stated(in.Owner)
	case "act.published":
		if a.Draft {
			return c.w.get("draft") // the open items are on the Completeness sheet
		}
		return c.yesNo(a.IsPublic())
	case "act.notes":
		return in.Notes
	case "proc.controllers":
		var b strings.Builder
		for i, p := range a.OnBehalfOf {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(lines(c.party(p)))
		}
		return c.stated(b.String())
	case "act.rights":
		return v.rights()
	case "act.location":
		return v.location()
	}
	return field
}

// transfers fills the countries and safeguards cells: one transfer per line
// in both, so that the lines correspond. Without transfers the countries
// cell says why there are none, or that the records do not say, and the
// safeguards cell does not apply.
func (v *actView) transfers() {
	if v.transfersDone {
		return
	}
	v.transfersDone = true
	c, a := v.c, v.a
	if len(a.Transfers) > 0 {
		v.countries, v.safeguards = c.transfers(a)
		return
	}
	r := completeness.Transfers(c.reg, a)
	switch {
	case r.Status == completeness.Answered: // transfers = []
		v.countries = c.w.get("none")
	case r.Status == completeness.Implied && len(a.Recipients) == 0:
		v.countries = c.w.get("none.no_recipients")
	case r.Status == completeness.Implied:
		v.countries = c.w.get("none.recipients_eea")
	default:
		v.countries = c.notStated()
	}
}

// retention lists the retention of each data category, and names the
// categories that have no rule.
func (v *actView) retention() string {
	c, a := v.c, v.a
	s := c.retention(a.Retention)
	if len(a.Retention) == 0 {
		return c.notStated()
	}
	var b strings.Builder
	b.WriteString(s)
	for _, id := range a.Categories {
		if !slices.ContainsFunc(a.Retention, func(r register.Retention) bool { return slices.Contains(r.Categories, id) }) {
			b.WriteString("\n" + c.categoryName(id) + ": " + c.notStated())
		}
	}
	return b.String()
}

// rights lists the rights of the data subject that apply under the legal
// basis (Art. 15-22), and the right to complain (Art. 77).
func (v *actView) rights() string {
	if v.a.Role == "processor" {
		return ""
	}
	// The rights as the site derives them (register.RightsByPurpose); the
	// Art. 22 rights are in the automated decision-making column.
	granted := v.a.RightsByPurpose()
	var keys []string
	for _, r := range rightSteps {
		if _, ok := granted[r.id]; ok && r.id != "automated-decisions" {
			keys = append(keys, r.key)
		}
	}
	keys = append(keys, "rights.complain")
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = v.c.w.get(k)
	}
	return lines(out)
}

// location lists the countries where the recipients process the data.
func (v *actView) location() string {
	c, a := v.c, v.a
	switch {
	case a.Recipients == nil:
		return c.notStated()
	case len(a.Recipients) == 0:
		return c.w.get("none.no_recipients")
	}
	var codes []string
	for _, id := range a.Recipients {
		if r := c.reg.Recipients[id]; r != nil {
			for _, code := range r.Where() {
				if !slices.Contains(codes, code) {
					codes = append(codes, code)
				}
			}
		}
	}
	slices.Sort(codes)
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = c.countryWithCode(code)
		if !country.InEEA(code) {
			out[i] += " – " + c.w.get("area.third")
		}
	}
	return lines(out)
}

func (v *actView) hasSpecial() bool {
	for _, id := range v.a.Categories {
		if cat := v.c.reg.Categories[id]; cat != nil && cat.Special {
			return true
		}
	}
	return false
}

func (v *actView) hasProcessor() bool {
	for _, id := range v.a.Recipients {
		if r := v.c.reg.Recipients[id]; r != nil && r.Kind == "processor" {
			return true
		}
	}
	return false
}
