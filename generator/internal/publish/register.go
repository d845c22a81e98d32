package publish

import (
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// registerFormat names the layout of register.json; change it when the layout
// changes incompatibly.
const registerFormat = "ropa-public-register/4"

// publicRegister is the machine-readable copy of the public register, for
// researchers and tools. Texts are objects keyed by language; codes are the
// record format's. Like the view, it is built field by field.
type publicRegister struct {
	Format          string                  `json:"format"`
	Languages       []string                `json:"languages"`
	DefaultLanguage string                  `json:"default_language"`
	EffectiveDate   string                  `json:"effective_date"`
	Version         string                  `json:"version,omitempty"`
	Organisation    regOrganisation         `json:"organisation"`
	Activities      []regActivity           `json:"activities"`
	Subjects        map[string]regNamed     `json:"subjects"`
	Categories      map[string]regCategory  `json:"categories"`
	Recipients      map[string]regRecipient `json:"recipients"`
	Measures        map[string]regMeasure   `json:"measures"`
	// Topics are the groups of activities, in the order of data/topics.toml.
	Topics []regTopic `json:"topics"`
}

type regTopic struct {
	ID          string `json:"id"`
	Name        text   `json:"name"`
	Description text   `json:"description,omitempty"`
}

// text is a text keyed by language; the record's plain string is stored
// under the default language.
type text map[string]string

type regParty struct {
	ID           string `json:"id,omitempty"`
	LegalName    text   `json:"legal_name"`
	Address      string `json:"address"`
	Country      string `json:"country"`
	Email        string `json:"email,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Website      string `json:"website,omitempty"`
	Registration string `json:"registration,omitempty"`
}

type regJointController struct {
	regParty
	Arrangement text `json:"arrangement"`
}

type regDPO struct {
	Name    text   `json:"name,omitempty"`
	Email   string `json:"email"`
	Address string `json:"address,omitempty"`
}

type regAuthority struct {
	Name    text   `json:"name"`
	Country string `json:"country"`
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Website string `json:"website"`
}

type regChannel struct {
	ID      string `json:"id,omitempty"`
	Kind    string `json:"kind"`
	Label   text   `json:"label"`
	Address string `json:"address"`
}

type regRights struct {
	ResponseTime string       `json:"response_time"`
	Channels     []regChannel `json:"channels"`
	Verification text         `json:"verification,omitempty"`
	Extension    text         `json:"extension,omitempty"`
	// Exercise says, per right id, how to exercise it, where the record says so.
	Exercise  map[string]regRightSteps `json:"exercise,omitempty"`
	Complaint *regComplaint            `json:"complaint,omitempty"`
}

type regRightSteps struct {
	Steps   []text `json:"steps,omitempty"`
	Channel string `json:"channel,omitempty"` // a channel id
	Notes   text   `json:"notes,omitempty"`
}

type regComplaint struct {
	Text    text   `json:"text,omitempty"`
	Channel string `json:"channel,omitempty"` // a channel id
}

type regChildren struct {
	MinimumAge int  `json:"minimum_age"`
	Statement  text `json:"statement"`
}

type regOrganisation struct {
	Name                 text                 `json:"name"`
	Controllers          []regParty           `json:"controllers"`
	JointControllers     []regJointController `json:"joint_controllers,omitempty"`
	Representative       *regParty            `json:"representative,omitempty"`
	DPO                  *regDPO              `json:"dpo,omitempty"`
	SupervisoryAuthority *regAuthority        `json:"supervisory_authority,omitempty"`
	Rights               regRights            `json:"rights"`
	Children             *regChildren         `json:"children,omitempty"`
	Security             text                 `json:"security,omitempty"`
}

type regRequirement struct {
	Statutory   bool `json:"statutory"`
	Contractual bool `json:"contractual"`
	Consequence text `json:"consequence"`
}

type regTransfer struct {
	Recipient  string   `json:"recipient,omitempty"` // none: the organisation's own storage abroad
	Country    string   `json:"country,omitempty"`
	Countries  []string `json:"countries,omitempty"`
	Safeguard  string   `json:"safeguard"`
	Derogation string   `json:"derogation,omitempty"`
	Details    text     `json:"details,omitempty"`
}

type regRetention struct {
	Categories []string `json:"categories"`
	Period     string   `json:"period,omitempty"`
	UpTo       string   `json:"up_to,omitempty"`
	Maximum    string   `json:"maximum,omitempty"`
	Criteria   text     `json:"criteria,omitempty"`
	Trigger    text     `json:"trigger,omitempty"`
}

type regAutomated struct {
	Used         bool `json:"used"`
	Logic        text `json:"logic,omitempty"`
	Consequences text `json:"consequences,omitempty"`
	HumanReview  text `json:"human_review,omitempty"`
}

type regChoice struct {
	Kind   string    `json:"kind"`
	Title  text      `json:"title"`
	Effect text      `json:"effect,omitempty"`
	Where  text      `json:"where,omitempty"`
	Steps  []regStep `json:"steps"`
	Ways   []regWay  `json:"ways,omitempty"`
	Link   string    `json:"link,omitempty"`
	Links  []regLink `json:"links,omitempty"`
	Right  string    `json:"right,omitempty"` // the right the choice exercises
}

type regStep struct {
	Text  text      `json:"text"`
	Steps []regStep `json:"steps,omitempty"`
}

type regWay struct {
	Platforms []string  `json:"platforms,omitempty"`
	Audience  text      `json:"audience,omitempty"`
	Steps     []regStep `json:"steps"`
	Links     []regLink `json:"links,omitempty"`
}

type regLink struct {
	URL   string `json:"url"`
	Label text   `json:"label"`
}

// regPurpose is a purpose with its legal basis and what goes with it, filled
// in from the activity where the record gives them once for all purposes.
type regPurpose struct {
	Purpose                  text     `json:"purpose"`
	LegalBasis               string   `json:"legal_basis"`
	LegalBasisArticle        string   `json:"legal_basis_article"` // derived, e.g. "Art. 6(1)(b) GDPR"
	LegitimateInterest       text     `json:"legitimate_interest,omitempty"`
	Law                      text     `json:"law,omitempty"`
	SpecialCategoryCondition string   `json:"special_category_condition,omitempty"`
	Rights                   []string `json:"rights"` // derived from the legal basis
}

type regActivity struct {
	ID      string `json:"id"`
	Name    text   `json:"name"`
	Summary text   `json:"summary"`
	Topic   string `json:"topic,omitempty"` // id of one of the topics
	// VisibleTo is who else sees the activity's data, and how to control it.
	VisibleTo *regVisibility `json:"visible_to,omitempty"`
	// Controllers are the legal names of the entities responsible for the
	// activity: those it names, or the organisation's first controller.
	Controllers        []string        `json:"controllers"`
	Purposes           []regPurpose    `json:"purposes"`
	LegalBases         []string        `json:"legal_bases"` // of the purposes, distinct, in their order
	Subjects           []string        `json:"subjects"`
	Categories         []string        `json:"categories"`
	SourceDetails      text            `json:"source_details,omitempty"`
	Requirement        *regRequirement `json:"requirement,omitempty"`
	Recipients         []string        `json:"recipients"`
	Transfers          []regTransfer   `json:"transfers"`
	Retention          []regRetention  `json:"retention"`
	Measures           []string        `json:"measures"`
	AutomatedDecisions regAutomated    `json:"automated_decisions"`
	Choices            []regChoice     `json:"choices"`
	Cookies            []regCookie     `json:"cookies"` // cookies and similar technologies (ePrivacy Art. 5(3))
	Children           bool            `json:"children"`
	Manual             bool            `json:"manual"`
	LegalClaims        bool            `json:"legal_claims"`
	Rights             []string        `json:"rights"` // derived from the legal bases: the union of the purposes' rights
	// RightLimits and RightsNotApplying give, per right id, the reason codes
	// (e.g. "art17-3-b") of its limits, or why it does not apply.
	RightLimits       map[string][]string `json:"right_limits"`
	RightsNotApplying map[string]string   `json:"rights_not_applying"`
	// RecipientsStated and TransfersStated: recipients and transfers are
	// stated in the record, even as none.
	RecipientsStated bool `json:"recipients_stated"`
	TransfersStated  bool `json:"transfers_stated"`
}

type regCookie struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"`                // cookie, local-storage, pixel or sdk
	Provider  string `json:"provider"`            // first-party or third-party
	Recipient string `json:"recipient,omitempty"` // a third party's recipient id
	Purpose   text   `json:"purpose"`
	Lifetime  string `json:"lifetime"` // ISO 8601 duration, or "session"
	Category  string `json:"category"` // strictly-necessary, functional, analytics or advertising
}

type regNamed struct {
	Name        text `json:"name"`
	Description text `json:"description,omitempty"`
}

type regCategory struct {
	Name        text           `json:"name"`
	Description text           `json:"description"`
	Examples    []text         `json:"examples,omitempty"`
	Special     bool           `json:"special"`
	Criminal    bool           `json:"criminal"`
	Source      string         `json:"source"`
	VisibleTo   *regVisibility `json:"visible_to,omitempty"`
}

type regVisibility struct {
	To      string `json:"to"`
	What    text   `json:"what,omitempty"`
	Control text   `json:"control"`
}

type regRecipient struct {
	Name        text     `json:"name"`
	Kind        string   `json:"kind"`
	Country     string   `json:"country,omitempty"`
	Countries   []string `json:"countries,omitempty"`
	Region      string   `json:"region,omitempty"`
	Description text     `json:"description"`
}

type regMeasure struct {
	Name        text   `json:"name"`
	Description text   `json:"description"`
	Kind        string `json:"kind"`
}

func buildRegister(reg *register.Register, pub *public, langs []string, def string) (*publicRegister, error) {
	tx := func(t register.Text) text {
		if len(t) == 0 {
			return nil
		}
		out := text{}
		if s, ok := t[""]; ok {
			out[def] = s
		}
		for k, v := range t {
			if k != "" {
				out[k] = v // an explicit default-language entry wins over the plain string
			}
		}
		return out
	}
	// name is a name in every language: a plain name is the same in all.
	name := func(n register.Name) text {
		if len(n) == 0 {
			return nil
		}
		out := text{}
		for _, l := range langs {
			out[l] = n.In(l, def)
		}
		return out
	}
	txs := func(ts []register.Text) []text {
		out := make([]text, 0, len(ts))
		for _, t := range ts {
			out = append(out, tx(t))
		}
		return out
	}
	var steps func(ss []register.Step) []regStep
	steps = func(ss []register.Step) []regStep {
		out := make([]regStep, 0, len(ss))
		for _, st := range ss {
			rs := regStep{Text: tx(st.Text)}
			if len(st.Steps) > 0 {
				rs.Steps = steps(st.Steps)
			}
			out = append(out, rs)
		}
		return out
	}
	visibility := func(v *register.Visibility) *regVisibility {
		if v == nil {
			return nil
		}
		return &regVisibility{To: v.To, What: tx(v.What), Control: tx(v.Control)}
	}
	links := func(ls []register.Link) []regLink {
		var out []regLink
		for _, l := range ls {
			out = append(out, regLink{URL: l.URL, Label: tx(l.Label)})
		}
		return out
	}
	party := func(p register.Party) regParty {
		return regParty{ID: p.ID, LegalName: name(p.LegalName), Address: p.Address, Country: p.Country, Email: p.Email, Phone: p.Phone, Website: p.Website, Registration: p.Registration}
	}
	strs := func(s []string) []string { return append([]string{}, s...) }

	org := &reg.Organisation
	r := &publicRegister{
		Format: registerFormat, Languages: append([]string{}, langs...), DefaultLanguage: def,
		EffectiveDate: org.EffectiveDate, Version: org.Version,
		Organisation: regOrganisation{
			Name: name(org.Name), Controllers: []regParty{},
			Rights: regRights{
				ResponseTime: org.Rights.ResponseTime, Channels: []regChannel{},
				Verification: tx(org.Rights.Verification), Extension: tx(org.Rights.ExtensionNote),
			},
			Security: tx(org.Security),
		},
		Activities: []regActivity{},
		Subjects:   map[string]regNamed{}, Categories: map[string]regCategory{},
		Recipients: map[string]regRecipient{}, Measures: map[string]regMeasure{},
		Topics: []regTopic{},
	}
	for _, c := range org.Controllers {
		r.Organisation.Controllers = append(r.Organisation.Controllers, party(c))
	}
	if org.HasLeadAuthority() {
		r.Organisation.SupervisoryAuthority = &regAuthority{
			Name: name(org.SupervisoryAuthority.Name), Country: org.SupervisoryAuthority.Country,
			Address: org.SupervisoryAuthority.Address, Phone: org.SupervisoryAuthority.Phone, Website: org.SupervisoryAuthority.Website,
		}
	}
	for _, j := range org.JointControllers {
		r.Organisation.JointControllers = append(r.Organisation.JointControllers, regJointController{regParty: party(j.Party), Arrangement: tx(j.Arrangement)})
	}
	if org.Representative != nil {
		p := party(*org.Representative)
		r.Organisation.Representative = &p
	}
	if org.DPO != nil {
		r.Organisation.DPO = &regDPO{Name: name(org.DPO.Name), Email: org.DPO.Email, Address: org.DPO.Address}
	}
	for _, c := range org.Rights.Channels {
		r.Organisation.Rights.Channels = append(r.Organisation.Rights.Channels, regChannel{ID: c.ID, Kind: c.Kind, Label: tx(c.Label), Address: c.Address})
	}
	for _, id := range rightOrder {
		st := org.Rights.Steps(id)
		if st == nil {
			continue
		}
		rs := regRightSteps{Channel: st.Channel, Notes: tx(st.Notes)}
		for _, t := range st.Steps {
			rs.Steps = append(rs.Steps, tx(t))
		}
		if r.Organisation.Rights.Exercise == nil {
			r.Organisation.Rights.Exercise = map[string]regRightSteps{}
		}
		r.Organisation.Rights.Exercise[id] = rs
	}
	if c := org.Rights.Complaint; c != nil {
		r.Organisation.Rights.Complaint = &regComplaint{Text: tx(c.Text), Channel: c.Channel}
	}
	if org.Children != nil {
		r.Organisation.Children = &regChildren{MinimumAge: org.Children.MinimumAge, Statement: tx(org.Children.Statement)}
	}

	for _, a := range pub.activities {
		rights, denied := rightsOf(a)
		ra := regActivity{
			ID: a.ID, Name: tx(a.Name), Summary: tx(a.Summary), Topic: a.Topic, VisibleTo: visibility(a.VisibleTo), Purposes: []regPurpose{},
			LegalBases: nonNil(a.LegalBases()),
			Subjects:   strs(a.Subjects), Categories: strs(a.Categories),
			SourceDetails: tx(a.SourceDetails),
			Recipients:    strs(a.Recipients), Transfers: []regTransfer{}, Retention: []regRetention{},
			Measures: strs(a.Measures),
			AutomatedDecisions: regAutomated{
				Used: a.AutomatedDecisions.Used, Logic: tx(a.AutomatedDecisions.Logic),
				Consequences: tx(a.AutomatedDecisions.Consequences), HumanReview: tx(a.AutomatedDecisions.HumanReview),
			},
			Choices: []regChoice{}, Cookies: []regCookie{},
			Children: a.Children,
			Rights:   rightIDs(rights),
			Manual:   a.Manual, LegalClaims: a.LegalClaims,
			RightLimits: map[string][]string{}, RightsNotApplying: map[string]string{},
			RecipientsStated: a.Recipients != nil, TransfersStated: a.Transfers != nil,
		}
		for _, g := range rights {
			if len(g.limits) > 0 {
				ra.RightLimits[g.id] = g.limits
			}
		}
		for _, d := range denied {
			ra.RightsNotApplying[d.id] = d.reason
		}
		ra.Controllers = []string{}
		for _, p := range org.Responsible(a) {
			ra.Controllers = append(ra.Controllers, p.LegalName.In(def, def))
		}
		for i := range a.Purposes {
			p := a.Resolved(i)
			ra.Purposes = append(ra.Purposes, regPurpose{
				Purpose: tx(p.Purpose), LegalBasis: p.LegalBasis, LegalBasisArticle: english.legalBasisArticle(p.LegalBasis),
				LegitimateInterest: tx(p.LegitimateInterest), Law: tx(p.Law), SpecialCategoryCondition: p.SpecialCategoryCondition,
				Rights: purposeRights(rights, i),
			})
		}
		if q := a.Requirement; q != nil {
			ra.Requirement = &regRequirement{Statutory: q.Statutory, Contractual: q.Contractual, Consequence: tx(q.Consequence)}
		}
		for _, t := range a.Transfers {
			ra.Transfers = append(ra.Transfers, regTransfer{Recipient: t.Recipient, Country: t.Country, Countries: strs(t.Countries), Safeguard: t.Safeguard, Derogation: t.Derogation, Details: tx(t.Details)})
		}
		for _, k := range a.Retention {
			ra.Retention = append(ra.Retention, regRetention{Categories: strs(k.Categories), Period: k.Period, UpTo: k.UpTo, Maximum: k.Maximum, Criteria: tx(k.Criteria), Trigger: tx(k.Trigger)})
		}
		for _, c := range a.Choices {
			rc := regChoice{Kind: c.Kind, Title: tx(c.Title), Effect: tx(c.Effect), Where: tx(c.Where), Steps: steps(c.Steps), Link: c.Link, Links: links(c.Links), Right: c.Right}
			for _, w := range c.Ways {
				rc.Ways = append(rc.Ways, regWay{Platforms: strs(w.Platforms), Audience: tx(w.Audience), Steps: steps(w.Steps), Links: links(w.Links)})
			}
			ra.Choices = append(ra.Choices, rc)
		}
		for _, k := range a.Cookies {
			ra.Cookies = append(ra.Cookies, regCookie{Name: k.Name, Kind: k.KindOrDefault(), Provider: k.Provider, Recipient: k.Recipient, Purpose: tx(k.Purpose), Lifetime: k.Lifetime, Category: k.Category})
		}
		r.Activities = append(r.Activities, ra)
	}
	for _, id := range pub.topics {
		t := reg.Topics[id]
		r.Topics = append(r.Topics, regTopic{ID: id, Name: tx(t.Name), Description: tx(t.Description)})
	}
	for _, id := range pub.subjects {
		s := reg.Subjects[id]
		r.Subjects[id] = regNamed{Name: tx(s.Name), Description: tx(s.Description)}
	}
	for _, id := range pub.categories {
		c := reg.Categories[id]
		r.Categories[id] = regCategory{Name: tx(c.Name), Description: tx(c.Description), Examples: txs(c.Examples), Special: c.Special, Criminal: c.Criminal, Source: c.Source, VisibleTo: visibility(c.VisibleTo)}
	}
	for _, id := range pub.recipients {
		c := reg.Recipients[id]
		r.Recipients[id] = regRecipient{Name: name(c.Name), Kind: c.Kind, Country: c.Country, Countries: c.Countries, Region: c.Region, Description: tx(c.Description)}
	}
	for _, id := range pub.measures {
		m := reg.Measures[id]
		r.Measures[id] = regMeasure{Name: tx(m.Name), Description: tx(m.Description), Kind: m.Kind}
	}
	return r, nil
}
