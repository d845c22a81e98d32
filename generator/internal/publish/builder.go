package publish

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// builder builds the view of one language.
type builder struct {
	reg       *register.Register
	pub       *public
	lang, def string
	w         *words
	contact   string

	activityRefs  map[string]ref
	categoryRefs  map[string]categoryRef
	recipientRefs map[string]recipientRef
	topicNames    map[string]string
	formal        bool
}

func newBuilder(reg *register.Register, pub *public, lang, def string, formal bool) *builder {
	return &builder{
		reg: reg, pub: pub, lang: lang, def: def, w: wordsIn(lang, formal),
		contact:       contactAddress(&reg.Organisation),
		activityRefs:  map[string]ref{},
		categoryRefs:  map[string]categoryRef{},
		recipientRefs: map[string]recipientRef{},
		topicNames:    map[string]string{},
		formal:        formal,
	}
}

// t returns a text in the view's language, falling back to the default
// language when the text has no translation.
func (b *builder) t(t register.Text) string {
	if s := t.In(b.lang, b.def); s != "" {
		return s
	}
	return t.In(b.def, b.def)
}

func (b *builder) ts(ts []register.Text) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, b.t(t))
	}
	return out
}

func pageURL(section, id string) string { return section + "/" + id + "/" }

func (b *builder) view() (*view, error) {
	org := &b.reg.Organisation
	updated, err := b.w.date(org.EffectiveDate)
	if err != nil {
		return nil, fmt.Errorf("publish: organisation: effective_date: %w", err)
	}
	v := &view{
		Lang: b.lang, Updated: updated, UpdatedISO: org.EffectiveDate, Version: org.Version,
		Activities: map[string]*activity{}, Categories: map[string]*category{}, Recipients: map[string]*recipient{},
		Sections: sections{Activities: activitiesSection, Categories: categoriesSection, Recipients: recipientsSection, Rights: rightsSection, Cookies: cookiesSection, Choices: choicesSection},
	}
	v.Organisation = b.organisation(org)
	v.SeveralControllers = len(org.Controllers) > 1
	if v.Procedure, err = b.procedure(org); err != nil {
		return nil, err
	}

	// References first, so every page can point at every other.
	for _, a := range b.pub.activities {
		b.activityRefs[a.ID] = ref{ID: a.ID, Name: b.t(a.Name), URL: pageURL(activitiesSection, a.ID)}
		if a.Topic != "" {
			b.topicNames[a.Topic] = b.t(b.reg.Topics[a.Topic].Name)
		}
	}
	for _, id := range b.pub.categories {
		c := b.reg.Categories[id]
		b.categoryRefs[id] = categoryRef{ref: ref{ID: id, Name: b.t(c.Name), URL: pageURL(categoriesSection, id)}, Special: c.Special, Criminal: c.Criminal}
	}
	for _, id := range b.pub.recipients {
		r := b.reg.Recipients[id]
		b.recipientRefs[id] = recipientRef{
			ref:  ref{ID: id, Name: r.Name.In(b.lang, b.def), URL: pageURL(recipientsSection, id)},
			Kind: r.Kind, KindName: b.w.recipientKinds[r.Kind].Name,
			Country: r.Country, CountryName: b.where(r),
		}
	}

	for _, id := range b.pub.categories {
		c := b.reg.Categories[id]
		v.Categories[id] = &category{
			ref: b.categoryRefs[id].ref, Path: categoriesSection + "/" + id,
			Description: b.t(c.Description), Examples: b.ts(c.Examples),
			Special: c.Special, Criminal: c.Criminal,
			Source: c.Source, SourceName: b.w.sources[c.Source].Name,
			Activities: []string{}, Recipients: []string{}, Retention: []categoryKept{},
		}
	}
	for _, id := range b.pub.recipients {
		r := b.reg.Recipients[id]
		rr := b.recipientRefs[id]
		v.Recipients[id] = &recipient{
			ref: rr.ref, Path: recipientsSection + "/" + id,
			Kind: rr.Kind, KindName: rr.KindName, Country: rr.Country, CountryName: rr.CountryName,
			Description: b.t(r.Description),
			Activities:  []string{}, Categories: []string{}, TransferRows: []int{},
		}
	}

	rightActivities := map[string][]string{}
	catRecipients := map[string]set{} // category -> recipients
	recCategories := map[string]set{} // recipient -> categories
	rightChoices := map[string][]choice{}
	var reviews []review
	var cookies []cookie
	for _, a := range b.pub.activities {
		av, err := b.activity(a)
		if err != nil {
			return nil, err
		}
		v.Activities[a.ID] = av
		av.Flow = b.flow(av)
		aref := av.ref
		for _, c := range av.Categories {
			cv := v.Categories[c.ID]
			cv.Activities = append(cv.Activities, a.ID)
			for _, r := range av.Recipients {
				addTo(catRecipients, c.ID, r.ID)
				addTo(recCategories, r.ID, c.ID)
			}
		}
		for _, r := range av.Recipients {
			rv := v.Recipients[r.ID]
			rv.Activities = append(rv.Activities, a.ID)
		}
		av.TransferRows, av.RetentionRows = []int{}, []int{}
		for _, t := range av.Transfers {
			av.TransferRows = append(av.TransferRows, len(v.Transfers))
			if rv := v.Recipients[t.Recipient.ID]; rv != nil {
				rv.TransferRows = append(rv.TransferRows, len(v.Transfers))
			}
			v.Transfers = append(v.Transfers, t)
		}
		cookies = append(cookies, av.Cookies...)
		for _, r := range av.Retention {
			for _, c := range r.Categories {
				cv := v.Categories[c.ID]
				cv.Retention = append(cv.Retention, categoryKept{Activity: a.ID, Row: len(v.Retention)})
			}
			av.RetentionRows = append(av.RetentionRows, len(v.Retention))
			v.Retention = append(v.Retention, r)
		}
		if av.Requirement != nil {
			v.Optional = append(v.Optional, optional{Activity: idRef(aref), Required: av.Requirement.Required, Consequence: av.Requirement.Consequence})
		}
		for _, r := range av.Rights {
			rightActivities[r.ID] = append(rightActivities[r.ID], a.ID)
		}
		for _, c := range av.Choices {
			if c.Right != nil {
				rightChoices[c.Right.ID] = append(rightChoices[c.Right.ID], c)
			}
		}
		if av.Automated != nil {
			v.Automated = append(v.Automated, aref)
			if av.Automated.HumanReview != "" {
				reviews = append(reviews, review{Activity: aref, Text: av.Automated.HumanReview})
			}
		}
		if av.Children {
			v.Children.Activities = append(v.Children.Activities, aref)
		}
	}

	v.Topics = b.topicGroups(v)
	v.ActivityOrder = []string{}
	for _, g := range v.Topics {
		v.ActivityOrder = append(v.ActivityOrder, g.Activities...)
	}
	v.Visible = b.visible(v.ActivityOrder)
	rank := map[string]int{}
	for i, id := range v.ActivityOrder {
		rank[id] = i
	}
	byRank := func(ids []string) {
		sort.SliceStable(ids, func(i, j int) bool { return rank[ids[i]] < rank[ids[j]] })
	}
	for _, c := range v.Categories {
		byRank(c.Activities)
		sort.SliceStable(c.Retention, func(i, j int) bool { return rank[c.Retention[i].Activity] < rank[c.Retention[j].Activity] })
	}
	for _, r := range v.Recipients {
		byRank(r.Activities)
	}
	for id := range rightActivities {
		byRank(rightActivities[id])
	}
	for id, rs := range catRecipients {
		v.Categories[id].Recipients = b.pub.recipientRanks.Sort(rs.sorted())
	}
	for id, cs := range recCategories {
		v.Recipients[id].Categories = b.pub.categoryRanks.Sort(cs.sorted())
	}
	for _, c := range v.Categories {
		c.RetentionRows = make([]int, len(c.Retention))
		for i, k := range c.Retention {
			c.RetentionRows[i] = k.Row
		}
	}
	v.Sources = b.sourceGroups(b.pub.categories)
	v.RecipientKinds = b.kindGroups(v)
	for _, id := range rightOrder {
		applies := rightActivities[id]
		always := id == "access" || id == "rectification" || id == "erasure" || id == "restriction"
		if len(applies) == 0 && !always {
			continue
		}
		r := right{
			rightRef:    b.rightRef(id),
			Description: b.w.rights[id].Description,
			All:         len(applies) == len(b.pub.activities),
			Activities:  nonNil(applies),
			Choices:     nonNil(rightChoices[id]),
		}
		if id == "automated-decisions" {
			r.HumanReview = reviews
		}
		if st := org.Rights.Steps(id); st != nil {
			for _, t := range st.Steps {
				r.Steps = append(r.Steps, b.t(t))
			}
			r.Channel = b.channelByID(org, st.Channel)
			r.Notes = b.t(st.Notes)
		}
		v.Rights = append(v.Rights, r)
	}
	for _, id := range b.pub.measures {
		v.Measures = append(v.Measures, b.measure(id))
	}
	if org.Children != nil {
		age := org.Children.MinimumAge
		v.Children.MinimumAge = &age
		v.Children.Statement = b.t(org.Children.Statement)
	}
	v.NoRecipients, v.NoTransfers = len(b.pub.activities) > 0, len(v.Transfers) == 0 && len(b.pub.activities) > 0
	for _, a := range b.pub.activities {
		v.NoRecipients = v.NoRecipients && a.Recipients != nil && len(a.Recipients) == 0
		v.NoTransfers = v.NoTransfers && a.Transfers != nil
	}
	v.TransferGroups = groupTransfers(v.Transfers)
	v.TransferCountries = transferCountries(v.TransferGroups)
	v.TransferMap = b.transferMap(v)
	v.Transfers = nonNil(v.Transfers)
	v.Safeguards = []safeguard{}
	safeguardAt := map[safeguard]int{}
	rowOf := func(sg safeguard) int {
		i, ok := safeguardAt[sg]
		if !ok {
			i = len(v.Safeguards)
			safeguardAt[sg] = i
			v.Safeguards = append(v.Safeguards, sg)
		}
		return i
	}
	for i := range v.Transfers {
		v.Transfers[i].SafeguardRow = rowOf(v.Transfers[i].Safeguard)
	}
	for i := range v.TransferGroups {
		v.TransferGroups[i].SafeguardRow = rowOf(v.TransferGroups[i].Safeguard)
	}
	v.Retention = nonNil(v.Retention)
	v.Cookies = b.cookieGroups(cookies)
	v.Optional = nonNil(v.Optional)
	v.Automated = nonNil(v.Automated)
	v.Measures = nonNil(v.Measures)
	v.Children.Activities = nonNil(v.Children.Activities)
	return v, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func addTo(m map[string]set, key, value string) {
	if m[key] == nil {
		m[key] = set{}
	}
	m[key][value] = true
}

func (b *builder) rightRef(id string) rightRef {
	return rightRef{ID: id, Name: b.w.rights[id].Name, Article: b.w.rightArticle(id)}
}

func (b *builder) party(p register.Party) party {
	return party{
		ID: p.ID, LegalName: p.LegalName.In(b.lang, b.def), AddressLines: lines(p.Address),
		Country: p.Country, CountryName: countryName(p.Country, b.lang),
		Email: p.Email, Phone: p.Phone, Website: p.Website, Registration: p.Registration,
	}
}

func (b *builder) organisation(org *register.Organisation) organisation {
	o := organisation{
		Name:             org.Name.In(b.lang, b.def),
		Controllers:      []party{},
		JointControllers: []jointController{},
		Security:         b.t(org.Security),
	}
	if org.HasLeadAuthority() {
		o.Authority = &authority{
			Name: org.SupervisoryAuthority.Name.In(b.lang, b.def), Country: org.SupervisoryAuthority.Country,
			CountryName:  countryName(org.SupervisoryAuthority.Country, b.lang),
			AddressLines: lines(org.SupervisoryAuthority.Address),
			Phone:        org.SupervisoryAuthority.Phone, Website: org.SupervisoryAuthority.Website,
		}
	}
	for _, c := range org.Controllers {
		o.Controllers = append(o.Controllers, b.party(c))
	}
	for _, j := range org.JointControllers {
		o.JointControllers = append(o.JointControllers, jointController{party: b.party(j.Party), Arrangement: b.t(j.Arrangement)})
	}
	if org.Representative != nil {
		p := b.party(*org.Representative)
		o.Representative = &p
	}
	if org.DPO != nil {
		o.DPO = &dpo{Name: org.DPO.Name.In(b.lang, b.def), Email: org.DPO.Email, AddressLines: lines(org.DPO.Address)}
	}
	return o
}

func (b *builder) procedure(org *register.Organisation) (procedure, error) {
	rt, err := b.w.duration(org.Rights.ResponseTime)
	if err != nil {
		return procedure{}, fmt.Errorf("publish: organisation: rights.response_time: %w", err)
	}
	p := procedure{
		ResponseTime: rt, Channels: []channel{},
		Verification: b.t(org.Rights.Verification), Extension: b.t(org.Rights.ExtensionNote),
		Contact: b.contact,
	}
	for _, c := range org.Rights.Channels {
		p.Channels = append(p.Channels, b.channel(c))
	}
	if c := org.Rights.Complaint; c != nil {
		p.Complaint = &complaint{Text: b.t(c.Text), Channel: b.channelByID(org, c.Channel)}
	}
	return p, nil
}

func (b *builder) channel(c register.Channel) channel {
	ch := channel{Kind: c.Kind, KindName: b.w.channelKinds[c.Kind], Label: b.t(c.Label), Address: c.Address, AddressLines: lines(c.Address)}
	switch c.Kind {
	case "email":
		ch.Href = "mailto:" + c.Address
	case "web", "self-service":
		if strings.HasPrefix(c.Address, "https://") || strings.HasPrefix(c.Address, "http://") {
			ch.Href = c.Address
		}
	}
	return ch
}

// channelByID returns the rights channel with the id, or nil (no id, or an
// unknown one, which a rule reports).
func (b *builder) channelByID(org *register.Organisation, id string) *channel {
	if id == "" {
		return nil
	}
	c := org.Rights.Channel(id)
	if c == nil {
		return nil
	}
	ch := b.channel(*c)
	return &ch
}

func (b *builder) activity(a *register.Activity) (*activity, error) {
	av := &activity{
		activityCard: activityCard{
			ref: b.activityRefs[a.ID], Path: activitiesSection + "/" + a.ID,
			Summary:    b.t(a.Summary),
			Categories: []categoryRef{}, Recipients: []recipientRef{}, Choices: []choice{}, Cookies: []cookie{},
		},
		activityDetail: activityDetail{
			Subjects: []subject{}, Transfers: []transfer{}, Retention: []retention{}, Measures: []measure{},
			Rights: []rightRef{}, NotApplying: []notApplying{},
			RecipientsStated: a.Recipients != nil, TransfersStated: a.Transfers != nil,
			SourceDetails: b.t(a.SourceDetails),
			Children:      a.Children,
		},
	}
	if a.Topic != "" {
		av.Topic = &ref{ID: a.Topic, Name: b.topicNames[a.Topic], URL: activitiesSection + "/#topic-" + a.Topic}
	}
	av.Controllers = []party{}
	for _, p := range b.reg.Organisation.Responsible(a) {
		av.Controllers = append(av.Controllers, b.party(p))
	}
	if err := b.purposes(a, av); err != nil {
		return nil, err
	}
	for _, id := range b.pub.subjectRanks.Sort(a.Subjects) {
		s := b.reg.Subjects[id]
		av.Subjects = append(av.Subjects, subject{ID: id, Name: b.t(s.Name), Description: b.t(s.Description)})
	}
	for _, id := range b.pub.categoryRanks.Sort(a.Categories) {
		av.Categories = append(av.Categories, b.categoryRefs[id])
	}
	av.Sources = b.sourceGroups(a.Categories)
	if r := a.Requirement; r != nil {
		av.Requirement = &requirement{
			Required: b.w.requirement(r.Statutory, r.Contractual), Statutory: r.Statutory, Contractual: r.Contractual,
			Consequence: b.t(r.Consequence),
		}
	}
	for _, id := range b.pub.recipientRanks.Sort(a.Recipients) {
		av.Recipients = append(av.Recipients, b.recipientRefs[id])
	}
	for _, t := range a.Transfers {
		for _, code := range t.Where() { // one entry per country
			one := t
			one.Country = code
			tv, err := b.transfer(av.ref, one)
			if err != nil {
				return nil, fmt.Errorf("publish: activity %q: %w", a.ID, err)
			}
			av.Transfers = append(av.Transfers, tv)
		}
	}
	for i, r := range a.Retention {
		rv := retention{Activity: idRef(av.ref), Categories: []categoryRef{}, Trigger: b.t(r.Trigger), Criteria: b.t(r.Criteria)}
		for _, id := range r.Categories {
			rv.Categories = append(rv.Categories, b.categoryRefs[id])
		}
		text, err := b.retentionText(r, &rv)
		if err != nil {
			return nil, fmt.Errorf("publish: activity %q: retention[%d]: %w", a.ID, i, err)
		}
		rv.Text = text
		rv.CategoryIDs = refIDs(rv.Categories)
		av.Retention = append(av.Retention, rv)
	}
	for _, id := range b.pub.measureRanks.Sort(a.Measures) {
		av.Measures = append(av.Measures, b.measure(id))
	}
	if a.AutomatedDecisions.Used {
		av.Automated = &automated{
			Logic: b.t(a.AutomatedDecisions.Logic), Consequences: b.t(a.AutomatedDecisions.Consequences),
			HumanReview: b.t(a.AutomatedDecisions.HumanReview),
		}
	}
	grants, denials := rightsOf(a)
	for _, g := range grants {
		r := b.rightRef(g.id)
		if !g.all(a) {
			for _, i := range g.purposes {
				r.Purposes = append(r.Purposes, av.Purposes[i].Text)
			}
		}
		for _, l := range g.limits {
			r.Limits = append(r.Limits, b.w.reasons[l])
		}
		av.Rights = append(av.Rights, r)
	}
	for _, d := range denials {
		av.NotApplying = append(av.NotApplying, notApplying{rightRef: b.rightRef(d.id), Reason: b.w.reasons[d.reason]})
	}
	for _, c := range a.Choices {
		av.Choices = append(av.Choices, b.choice(av.ref, c))
	}
	for i, c := range a.Cookies {
		cv, err := b.cookie(av.ref, c)
		if err != nil {
			return nil, fmt.Errorf("publish: activity %q: cookies[%d]: %w", a.ID, i, err)
		}
		av.Cookies = append(av.Cookies, cv)
	}
	return av, nil
}

// cookie resolves a cookie: its recipient, and its kind, provider, lifetime
// and category in words.
func (b *builder) cookie(aref ref, c register.Cookie) (cookie, error) {
	life, err := b.w.lifetime(c.Lifetime)
	if err != nil {
		return cookie{}, err
	}
	cv := cookie{
		Activity: aref, Name: c.Name, Kind: c.KindOrDefault(), KindName: b.w.cookieKinds[c.KindOrDefault()],
		Provider: c.Provider, ProviderName: b.w.providers[c.Provider],
		Purpose: b.t(c.Purpose), Lifetime: life, LifetimeISO: c.Lifetime,
		Category: c.Category, CategoryName: b.w.cookieCategories[c.Category],
	}
	if c.Recipient != "" {
		r, ok := b.recipientRefs[c.Recipient]
		if !ok {
			return cookie{}, fmt.Errorf("recipient %q is not a public recipient", c.Recipient)
		}
		cv.Recipient = &ref{ID: r.ID, Name: r.Name, URL: r.URL}
		cv.ProviderName = r.Name
	}
	return cv, nil
}

// cookieGroups groups the cookies of the public activities by consent
// category, in the order of cookieCategoryOrder; within a category, in the
// order of the activities and their records.
func (b *builder) cookieGroups(all []cookie) []cookieGroup {
	out := []cookieGroup{}
	for _, cat := range cookieCategoryOrder {
		g := cookieGroup{Category: cat, Name: b.w.cookieCategories[cat]}
		for _, c := range all {
			if c.Category == cat {
				g.Cookies = append(g.Cookies, c)
			}
		}
		if len(g.Cookies) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// purposes fills in the purposes of an activity with their legal bases,
// grouped: purposes with the same basis, interest and law share one entry.
func (b *builder) purposes(a *register.Activity, av *activity) error {
	av.Purposes, av.LegalBases, av.Conditions = []purpose{}, []legalBasis{}, []condition{}
	group := map[[3]string]int{}
	for i := range a.Purposes {
		p := a.Resolved(i)
		w, ok := b.w.legalBases[p.LegalBasis]
		if !ok {
			return fmt.Errorf("publish: activity %q: purposes[%d]: unknown legal basis %q", a.ID, i, p.LegalBasis)
		}
		text := b.t(p.Purpose)
		av.Purposes = append(av.Purposes, purpose{Text: text, LegalBasis: w.Name})
		lb := legalBasis{
			Key: p.LegalBasis, Name: w.Name, Article: b.w.legalBasisArticle(p.LegalBasis), Explanation: w.Explanation,
			Interest: b.t(p.LegitimateInterest), Law: b.t(p.Law),
		}
		if p.LegalBasis == "legitimate-interests" && a.Internal != nil && a.Internal.LIA != "" {
			lb.Balancing = b.w.balancing
		}
		key := [3]string{lb.Key, lb.Interest, lb.Law}
		at, seen := group[key]
		if !seen {
			at = len(av.LegalBases)
			group[key] = at
			av.LegalBases = append(av.LegalBases, lb)
		}
		av.LegalBases[at].Purposes = append(av.LegalBases[at].Purposes, text)
		if c := p.SpecialCategoryCondition; c != "" && !slices.ContainsFunc(av.Conditions, func(x condition) bool { return x.Key == c }) {
			av.Conditions = append(av.Conditions, condition{Key: c, Name: b.w.conditions[c], Article: b.w.conditionArticle(c)})
		}
	}
	if len(av.LegalBases) == 1 {
		av.LegalBases[0].Purposes = nil // one basis for all purposes: no need to repeat them
	}
	return nil
}

func (b *builder) transfer(aref ref, t register.Transfer) (transfer, error) {
	sw, ok := b.w.safeguards[t.Safeguard]
	if !ok {
		return transfer{}, fmt.Errorf("transfer to %s: unknown safeguard %q", t.Country, t.Safeguard)
	}
	name := countryName(t.Country, b.lang)
	sg := safeguard{
		Key: t.Safeguard, Name: sw.Name, Article: b.w.safeguardArts[t.Safeguard],
		Explanation: sw.Explanation,
		Copy:        sw.Copy,
	}
	switch {
	case register.HasCopy(t.Safeguard) && t.Copy == "":
		sg.Copy = "" // the record does not say people can get a copy
	case register.HasCopy(t.Safeguard) && t.Copy != "on-request":
		sg.Copy = fmt.Sprintf(b.w.published, t.Copy)
	case strings.Contains(sw.Copy, "%s"):
		sg.Copy = fmt.Sprintf(sw.Copy, b.contact)
	}
	if t.Safeguard == "adequacy" {
		sg.Decision, _ = country.Adequacy(t.Country)
	}
	if letter, ok := strings.CutPrefix(t.Derogation, "art49-1-"); ok {
		sg.Article = fmt.Sprintf(b.w.article49, letter)
	}
	return transfer{
		Activity: idRef(aref), Recipient: idRef(b.recipientRefs[t.Recipient].ref), OwnStorage: t.Recipient == "",
		Country: t.Country, CountryName: name, Safeguard: sg, Details: b.t(t.Details),
	}, nil
}

func (b *builder) measure(id string) measure {
	m := b.reg.Measures[id]
	return measure{ID: id, Name: b.t(m.Name), Description: b.t(m.Description), Kind: m.Kind, KindName: b.w.measureKinds[m.Kind]}
}

// sourceGroups groups categories by how they are obtained, in a fixed order,
// leaving out empty groups; in a group, categories keep the order of their file.
func (b *builder) sourceGroups(ids []string) []sourceGroup {
	var out []sourceGroup
	ids = b.pub.categoryRanks.Sort(ids)
	for _, src := range sourceOrder {
		g := sourceGroup{Key: src, Name: b.w.sources[src].Name, Explanation: b.w.sources[src].Explanation}
		for _, id := range ids {
			if b.reg.Categories[id].Source == src {
				g.Categories = append(g.Categories, b.categoryRefs[id])
			}
		}
		if len(g.Categories) > 0 {
			g.CategoryIDs = refIDs(g.Categories)
			out = append(out, g)
		}
	}
	return nonNil(out)
}

func (b *builder) kindGroups(v *view) []kindGroup {
	var out []kindGroup
	for _, k := range recipientKindOrder {
		g := kindGroup{Key: k, Name: b.w.recipientKinds[k].Name, Explanation: b.w.recipientKinds[k].Explanation}
		for _, id := range b.pub.recipients {
			if r := v.Recipients[id]; r.Kind == k {
				g.Recipients = append(g.Recipients, b.recipientRefs[id])
			}
		}
		if len(g.Recipients) > 0 {
			out = append(out, g)
		}
	}
	return nonNil(out)
}

// byName returns ids sorted by their names (ignoring case), then by id.
func (b *builder) byName(ids []string, name func(string) string) []string {
	out := slices.Clone(ids)
	keys := make(map[string]string, len(out))
	for _, id := range out {
		keys[id] = strings.ToLower(name(id))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if keys[out[i]] != keys[out[j]] {
			return keys[out[i]] < keys[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// where says where a recipient processes data: its country or countries, the
// EEA, or worldwide with the main countries.
func (b *builder) where(r *register.Recipient) string {
	var names []string
	for _, code := range r.Where() {
		names = append(names, countryName(code, b.lang))
	}
	switch r.Region {
	case "EEA":
		if len(names) == 0 {
			return b.w.eea
		}
	case "worldwide":
		if len(names) == 0 {
			return b.w.worldwide
		}
		return b.w.worldwide + ", " + b.w.mainly + " " + b.w.list(names)
	}
	return b.w.list(names)
}

// groupTransfers takes together the transfers with the same recipient,
// country and safeguard, in the order they first appear.
func groupTransfers(ts []transfer) []transferGroup {
	out := []transferGroup{}
	at := map[string]int{}
	for _, t := range ts {
		key := t.Recipient.ID + "\x00" + t.Country + "\x00" + t.Safeguard.Key + "\x00" + t.Safeguard.Article + "\x00" + t.Safeguard.Copy
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, transferGroup{Recipient: t.Recipient, OwnStorage: t.OwnStorage, Country: t.Country, CountryName: t.CountryName, Safeguard: t.Safeguard})
		}
		if n := len(out[i].Activities); n == 0 || out[i].Activities[n-1].ID != t.Activity.ID {
			out[i].Activities = append(out[i].Activities, t.Activity)
		}
	}
	return out
}

// retentionText says how long data is kept: a period or a range ("7 to 10
// years"), after its trigger, with the criteria that decide; or the criteria
// with their maximum. It fills in rv's period in words.
func (b *builder) retentionText(r register.Retention, rv *retention) (string, error) {
	if r.Period == "" {
		if r.Maximum == "" {
			return rv.Criteria, nil
		}
		max, err := b.w.duration(r.Maximum)
		if err != nil {
			return "", err
		}
		rv.Maximum = max
		return rv.Criteria + " (" + fmt.Sprintf(b.w.atMost, max) + ")", nil
	}
	p, err := b.w.duration(r.Period)
	if err != nil {
		return "", err
	}
	if r.UpTo != "" {
		to, err := b.w.duration(r.UpTo)
		if err != nil {
			return "", err
		}
		// "7 to 10 years" when both are a number of the same unit.
		from := p
		if n, unit, ok := strings.Cut(p, " "); ok && strings.HasSuffix(to, " "+unit) && !strings.Contains(unit, " ") {
			from = n
		} else if ok && !strings.Contains(unit, " ") {
			if _, toUnit, ok := strings.Cut(to, " "); ok && !strings.Contains(toUnit, " ") && b.w.sameUnit(unit, toUnit) {
				from = n
			}
		}
		p = fmt.Sprintf(b.w.rangeTo, from, to)
		rv.UpTo = to
	}
	rv.Period = p
	text := p
	if rv.Trigger != "" {
		text += " " + rv.Trigger
	}
	if rv.Criteria != "" {
		text += ", " + rv.Criteria
	}
	return text, nil
}

// refIDs returns the ids of categories, never nil.
func refIDs(cs []categoryRef) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}
