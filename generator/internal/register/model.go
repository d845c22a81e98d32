// Package register holds the record of processing activities: its model, how it
// is loaded from the TOML files under data/, and the rules that check it.
package register

import (
	"slices"
	"sort"
	"strings"
)

// Text is a human-readable text in one or more languages. A plain TOML string
// is stored under the empty key and stands for the site's default language
// (see decodeValue).
type Text map[string]string

// In returns the text in lang, falling back to a plain string when lang is the
// default language. It returns "" when the text has no such language.
func (t Text) In(lang, defaultLang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	if lang == defaultLang {
		return t[""]
	}
	return ""
}

// Languages returns the languages the text is written in, sorted; a plain
// string counts as defaultLang.
func (t Text) Languages(defaultLang string) []string {
	var out []string
	for k := range t {
		if k == "" {
			k = defaultLang
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Name is a name people read. A plain TOML string is a proper name, the same
// in every language (a company's registered name); a table keyed by language
// translates it ("Belastingdienst" / "Dutch Tax Administration").
type Name map[string]string

// In returns the name in lang: its translation, else the plain name, else the
// default language's.
func (n Name) In(lang, defaultLang string) string {
	if s, ok := n[lang]; ok {
		return s
	}
	if s, ok := n[""]; ok {
		return s
	}
	return n[defaultLang]
}

// String returns the name where no language applies (a diff, a log): the
// plain name, else its translations in the order of their languages, joined
// with " / ".
func (n Name) String() string {
	if s, ok := n[""]; ok {
		return s
	}
	var out []string
	for _, lang := range Text(n).Languages("") {
		out = append(out, n[lang])
	}
	return strings.Join(out, " / ")
}

// Register is the whole, loaded record of processing activities.
type Register struct {
	Languages       []string // site languages, default first
	DefaultLanguage string

	Organisation Organisation
	Subjects     map[string]*Subject
	Categories   map[string]*Category
	Recipients   map[string]*Recipient
	Measures     map[string]*Measure
	Topics       map[string]*Topic // empty when the project has no data/topics.toml
	Activities   []*Activity       // sorted by ID

	// Order lists the ids of each shared register ("subjects", "categories",
	// "recipients", "measures", "topics") in the order its file writes them: the order
	// readers see them in.
	Order map[string][]string

	// Files maps each record ("organisation", "activity:<id>", and
	// "subjects:<id>", "categories:<id>", "recipients:<id>", "measures:<id>")
	// to the file it came from, relative to the root.
	Files map[string]string
}

// Ranks returns the position of each id of a shared register kind in its
// file (see Register.Order).
func (r *Register) Ranks(kind string) Ranks {
	ids := r.Order[kind]
	out := make(Ranks, len(ids))
	for i, id := range ids {
		out[id] = i
	}
	return out
}

// Ranks are the positions of ids in a register's file.
type Ranks map[string]int

// Sort returns ids without repeats in the order of the file; ids the file
// does not list (a register built in code) come last, sorted.
func (rk Ranks) Sort(ids []string) []string {
	out := make([]string, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, iok := rk[out[i]]
		rj, jok := rk[out[j]]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return out[i] < out[j]
	})
	return out
}

// Organisation is data/organisation.toml: who is responsible and how to reach them.
type Organisation struct {
	Name                 Name               `json:"name"`
	EffectiveDate        string             `json:"effective_date"`
	Version              string             `json:"version,omitempty"`
	ReviewInterval       string             `json:"review_interval,omitempty"` // opt-in: ISO 8601 duration after which validate asks for a review
	Controllers          []Party            `json:"controllers"`
	JointControllers     []JointController  `json:"joint_controllers,omitempty"`
	Representative       *Party             `json:"representative,omitempty"`
	DPO                  *DPO               `json:"dpo,omitempty"`
	SupervisoryAuthority Authority          `json:"supervisory_authority"` // zero when there is no lead authority
	Rights               RightsProcedure    `json:"rights"`
	Children             *ChildrenPolicy    `json:"children,omitempty"`
	Security             Text               `json:"security,omitempty"`
	Internal             *OrganisationNotes `json:"internal,omitempty"`
}

// Party is a legal person with contact details.
type Party struct {
	ID           string `json:"id,omitempty"` // controllers only: how activities name it
	LegalName    Name   `json:"legal_name"`
	Address      string `json:"address"`
	Country      string `json:"country"`
	Email        string `json:"email,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Website      string `json:"website,omitempty"`
	Registration string `json:"registration,omitempty"` // e.g. chamber of commerce number
}

// JointController is a controller with whom purposes and means are determined jointly (Art. 26).
type JointController struct {
	Party
	Arrangement Text `json:"arrangement"` // the essence of the arrangement, made available to people
}

// DPO is the data protection officer (Art. 37-39); an e-mail address is enough.
type DPO struct {
	Name    Name   `json:"name,omitempty"`
	Email   string `json:"email"`
	Address string `json:"address,omitempty"`
}

// Authority is the lead supervisory authority.
type Authority struct {
	Name    Name   `json:"name"`
	Country string `json:"country"`
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Website string `json:"website"`
}

// RightsProcedure says how people exercise their rights.
type RightsProcedure struct {
	ResponseTime  string    `json:"response_time"` // ISO 8601 duration, e.g. P30D or P1M
	Channels      []Channel `json:"channels"`
	Verification  Text      `json:"verification,omitempty"`
	ExtensionNote Text      `json:"extension,omitempty"`

	// How to exercise each right; nil where the record says nothing of its own.
	Access             *RightSteps `json:"access,omitempty"`
	Rectification      *RightSteps `json:"rectification,omitempty"`
	Erasure            *RightSteps `json:"erasure,omitempty"`
	Restriction        *RightSteps `json:"restriction,omitempty"`
	Portability        *RightSteps `json:"portability,omitempty"`
	Object             *RightSteps `json:"object,omitempty"`
	WithdrawConsent    *RightSteps `json:"withdraw-consent,omitempty"`
	AutomatedDecisions *RightSteps `json:"automated-decisions,omitempty"`

	Complaint *Complaint `json:"complaint,omitempty"` // to the organisation first, before the authority
}

// Steps returns how to exercise the right id, or nil.
func (r *RightsProcedure) Steps(id string) *RightSteps {
	switch id {
	case "access":
		return r.Access
	case "rectification":
		return r.Rectification
	case "erasure":
		return r.Erasure
	case "restriction":
		return r.Restriction
	case "portability":
		return r.Portability
	case "object":
		return r.Object
	case "withdraw-consent":
		return r.WithdrawConsent
	case "automated-decisions":
		return r.AutomatedDecisions
	}
	return nil
}

// Channel returns the channel with the id, or nil.
func (r *RightsProcedure) Channel(id string) *Channel {
	for i := range r.Channels {
		if r.Channels[i].ID == id {
			return &r.Channels[i]
		}
	}
	return nil
}

// RightSteps says how to exercise one right: the steps in order, the channel
// (an id of one of the rights channels) and notes for this right only.
type RightSteps struct {
	Steps   []Text `json:"steps,omitempty"`
	Channel string `json:"channel,omitempty"`
	Notes   Text   `json:"notes,omitempty"`
}

// Complaint is the route to complain to the organisation or its DPO before
// going to the supervisory authority: a text, a channel id, or both.
type Complaint struct {
	Text    Text   `json:"text,omitempty"`
	Channel string `json:"channel,omitempty"`
}

// Channel is one way to send a request: kind is email, web, post or self-service.
type Channel struct {
	ID      string `json:"id,omitempty"` // how a right or the complaint route names it
	Kind    string `json:"kind"`
	Label   Text   `json:"label"`
	Address string `json:"address"`
}

// ChildrenPolicy states the minimum age and how children's data is treated.
type ChildrenPolicy struct {
	MinimumAge int  `json:"minimum_age"`
	Statement  Text `json:"statement"`
}

// OrganisationNotes are internal fields of the organisation record.
type OrganisationNotes struct {
	RecordOwner string `json:"record_owner,omitempty"`
	Notes       string `json:"notes,omitempty"`
}

// Subject is a category of data subjects (data/subjects.toml).
type Subject struct {
	ID          string `json:"-"`
	Name        Text   `json:"name"`
	Description Text   `json:"description,omitempty"`
}

// Category is a category of personal data (data/categories.toml).
type Category struct {
	ID          string      `json:"-"`
	Name        Text        `json:"name"`
	Description Text        `json:"description"`
	Examples    []Text      `json:"examples,omitempty"`
	Special     bool        `json:"special,omitempty"`  // special category under Art. 9
	Criminal    bool        `json:"criminal,omitempty"` // criminal convictions and offences under Art. 10
	Source      string      `json:"source"`             // provided, observed, derived or received
	VisibleTo   *Visibility `json:"visible_to,omitempty"`
}

// Visibility says who else can see some data (other users, followers, the
// public), what they see and how people control it.
type Visibility struct {
	To      string `json:"to"` // other-users, followers, public
	What    Text   `json:"what,omitempty"`
	Control Text   `json:"control"`
}

// Recipient is a recipient or category of recipients (data/recipients.toml).
type Recipient struct {
	ID          string         `json:"-"`
	Name        Name           `json:"name"`
	Kind        string         `json:"kind"` // processor, controller, joint-controller, group-company, public-authority, other
	Country     string         `json:"country,omitempty"`
	Countries   []string       `json:"countries,omitempty"` // several countries; with Region worldwide, the main ones
	Region      string         `json:"region,omitempty"`    // EEA or worldwide
	Description Text           `json:"description"`
	Internal    *RecipientNote `json:"internal,omitempty"`
}

// Where returns the countries the recipient processes data in, as far as the
// record names them: its country, or its countries.
func (r *Recipient) Where() []string {
	if r.Country != "" {
		return []string{r.Country}
	}
	return r.Countries
}

// RecipientNote holds the internal fields of a recipient.
type RecipientNote struct {
	Contract string `json:"contract,omitempty"` // reference of the processing agreement
	Contact  string `json:"contact,omitempty"`
	Notes    string `json:"notes,omitempty"`
}

// Measure is a technical or organisational security measure (data/measures.toml).
type Measure struct {
	ID          string `json:"-"`
	Name        Text   `json:"name"`
	Description Text   `json:"description"`
	Kind        string `json:"kind"` // technical or organisational
}

// Topic is a group of activities as readers look for them ("your account",
// "ads", "safety"), from data/topics.toml; the file's order is the order the
// site shows them in.
type Topic struct {
	ID          string `json:"-"`
	Name        Text   `json:"name"`
	Description Text   `json:"description,omitempty"`
}

// Activity is one processing activity (data/activities/<id>.toml).
type Activity struct {
	ID                       string             `json:"-"`
	Name                     Text               `json:"name"`
	Summary                  Text               `json:"summary"`
	Topic                    string             `json:"topic,omitempty"`       // id of a topic of data/topics.toml
	Role                     string             `json:"role"`                  // controller or processor
	Controllers              []string           `json:"controllers,omitempty"` // ids of the responsible controllers; default the first
	OnBehalfOf               []Party            `json:"on_behalf_of,omitempty"`
	Purposes                 []Purpose          `json:"purposes"`
	LegalBasis               string             `json:"legal_basis,omitempty"` // of the purposes that name none
	LegitimateInterest       Text               `json:"legitimate_interest,omitempty"`
	Law                      Text               `json:"law,omitempty"`
	SpecialCategoryCondition string             `json:"special_category_condition,omitempty"`
	Subjects                 []string           `json:"subjects"`
	Categories               []string           `json:"categories"`
	SourceDetails            Text               `json:"source_details,omitempty"`
	Requirement              *Requirement       `json:"requirement,omitempty"`
	Recipients               []string           `json:"recipients,omitempty"` // nil: not stated; empty: stated that there are none
	Transfers                []Transfer         `json:"transfers,omitempty"`  // nil: not stated; empty: stated that there are none
	Retention                []Retention        `json:"retention,omitempty"`
	Measures                 []string           `json:"measures,omitempty"`
	AutomatedDecisions       AutomatedDecisions `json:"automated_decisions"`
	Choices                  []Choice           `json:"choices,omitempty"`
	VisibleTo                *Visibility        `json:"visible_to,omitempty"` // what others can see of the activity's data
	Cookies                  []Cookie           `json:"cookies,omitempty"`    // cookies and similar technologies (ePrivacy Art. 5(3))
	Children                 bool               `json:"children,omitempty"`
	Manual                   bool               `json:"manual,omitempty"`       // not by automated means: no portability (Art. 20(1)(b))
	LegalClaims              bool               `json:"legal_claims,omitempty"` // kept for legal claims: erasure limited (Art. 17(3)(e))
	Draft                    bool               `json:"draft,omitempty"`        // still being described: never published
	Reviewed                 string             `json:"reviewed,omitempty"`     // YYYY-MM-DD: last confirmed as still true (internal)
	Public                   *bool              `json:"public,omitempty"`       // default true
	Internal                 *ActivityInternal  `json:"internal,omitempty"`
}

// IsPublic reports whether the activity is published in the privacy center.
func (a *Activity) IsPublic() bool {
	return a.Role == "controller" && !a.Draft && (a.Public == nil || *a.Public)
}

// Requirement says whether providing the data is a statutory or contractual
// requirement and what happens when it is not provided (Art. 13(2)(e)).
type Requirement struct {
	Statutory   bool `json:"statutory"`
	Contractual bool `json:"contractual"`
	Consequence Text `json:"consequence"`
}

// Transfer is a transfer to a third country or international organisation.
type Transfer struct {
	Recipient  string   `json:"recipient,omitempty"` // empty: the organisation's own storage abroad
	Country    string   `json:"country,omitempty"`
	Countries  []string `json:"countries,omitempty"`  // several countries with the same safeguard
	Safeguard  string   `json:"safeguard"`            // adequacy, dpf, scc, bcr, code-of-conduct, certification, ad-hoc-clauses, public-authority-instrument, administrative-arrangement, art49-derogation, privacy-shield
	Derogation string   `json:"derogation,omitempty"` // art49-1-a ... art49-1-g, for art49-derogation
	Copy       string   `json:"copy,omitempty"`       // how people get a copy of the safeguard: "on-request" or an https:// address
	Details    Text     `json:"details,omitempty"`
}

// Retention is how long some categories of data are kept: a period (ISO 8601
// duration) counted from a trigger, or criteria in words.
type Retention struct {
	Categories []string `json:"categories"`
	Period     string   `json:"period,omitempty"`
	UpTo       string   `json:"up_to,omitempty"` // the longest period of a range that starts at Period
	Criteria   Text     `json:"criteria,omitempty"`
	Maximum    string   `json:"maximum,omitempty"` // with Criteria: the longest the data is kept
	Trigger    Text     `json:"trigger,omitempty"`
}

// AutomatedDecisions describes automated decision-making including profiling (Art. 22).
type AutomatedDecisions struct {
	Used         bool `json:"used"`
	Logic        Text `json:"logic,omitempty"`
	Consequences Text `json:"consequences,omitempty"`
	HumanReview  Text `json:"human_review,omitempty"`
}

// Choice is a way for people to object, opt out, change a setting or withdraw consent.
type Choice struct {
	Kind   string `json:"kind"` // withdraw-consent, opt-out, object, settings
	Title  Text   `json:"title"`
	Effect Text   `json:"effect,omitempty"` // what the choice changes
	Where  Text   `json:"where,omitempty"`  // where to make it, e.g. the app's privacy settings
	Steps  []Step `json:"steps,omitempty"`  // the steps that hold for everyone
	Ways   []Way  `json:"ways,omitempty"`   // steps per platform or audience
	Link   string `json:"link,omitempty"`   // shorthand for one link, labelled with the title
	Links  []Link `json:"links,omitempty"`
	Right  string `json:"right,omitempty"` // the right the choice exercises, shown under it on the rights page
}

// Step is one step of a choice: a text, or a table { text, steps } with the
// sub-steps that make it up.
type Step struct {
	Text  Text   `json:"text"`
	Steps []Step `json:"steps,omitempty"`

	plain bool // written as a text, not a table
}

// StepsOf makes steps of texts, as a record's shorthand form does.
func StepsOf(texts ...Text) []Step {
	out := make([]Step, len(texts))
	for i, t := range texts {
		out[i] = Step{Text: t, plain: true}
	}
	return out
}

// Way is how to make a choice on some platforms or for one audience.
type Way struct {
	Platforms []string `json:"platforms,omitempty"` // web, ios, android, tv, desktop
	Audience  Text     `json:"audience,omitempty"`  // who these steps are for, e.g. members
	Steps     []Step   `json:"steps"`
	Links     []Link   `json:"links,omitempty"`
}

// Link is a labelled web address.
type Link struct {
	URL   string `json:"url"`
	Label Text   `json:"label"`
}

// Cookie is a cookie or similar technology (local storage, pixel, SDK) that
// an activity places on or reads from people's devices.
type Cookie struct {
	Name      string `json:"name"`
	Kind      string `json:"kind,omitempty"`      // cookie (default), local-storage, pixel, sdk
	Provider  string `json:"provider"`            // first-party or third-party
	Recipient string `json:"recipient,omitempty"` // third-party: the recipient id, where the register has one
	Purpose   Text   `json:"purpose"`
	Lifetime  string `json:"lifetime"` // ISO 8601 duration, or "session"
	Category  string `json:"category"` // strictly-necessary, functional, analytics, advertising
}

// KindOrDefault returns the cookie's kind, "cookie" when the record names none.
func (c Cookie) KindOrDefault() string {
	if c.Kind == "" {
		return "cookie"
	}
	return c.Kind
}

// ActivityInternal holds the fields that go to the regulator's record only.
type ActivityInternal struct {
	Owner              string   `json:"owner,omitempty"`
	BusinessFunction   string   `json:"business_function,omitempty"`
	Systems            []string `json:"systems,omitempty"`
	DPIA               *DPIA    `json:"dpia,omitempty"`
	LIA                string   `json:"lia,omitempty"`
	ConsentRecord      string   `json:"consent_record,omitempty"`
	ProcessorContracts []string `json:"processor_contracts,omitempty"`
	Notes              string   `json:"notes,omitempty"`
}

// DPIA records whether a data protection impact assessment is required and its state.
type DPIA struct {
	Required bool   `json:"required"`
	Status   string `json:"status,omitempty"` // not-started, in-progress, done
	Link     string `json:"link,omitempty"`
}

// Purpose is one purpose of an activity. In the record it is a text, or a
// table { purpose = text, legal_basis = ... } when purposes have different
// legal bases; the fields left empty are the activity's.
type Purpose struct {
	Purpose                  Text   `json:"purpose"`
	LegalBasis               string `json:"legal_basis,omitempty"`
	LegitimateInterest       Text   `json:"legitimate_interest,omitempty"`
	Law                      Text   `json:"law,omitempty"`
	SpecialCategoryCondition string `json:"special_category_condition,omitempty"`

	text bool // written as a plain text, not a table
}

// PurposesOf makes purposes of texts, as a record's shorthand form does.
func PurposesOf(texts ...Text) []Purpose {
	out := make([]Purpose, len(texts))
	for i, t := range texts {
		out[i] = Purpose{Purpose: t, text: true}
	}
	return out
}

// PurposeTexts returns the texts of the activity's purposes.
func (a *Activity) PurposeTexts() []Text {
	out := make([]Text, len(a.Purposes))
	for i, p := range a.Purposes {
		out[i] = p.Purpose
	}
	return out
}

// Resolved returns purpose i with the activity's fields filled in where the
// purpose names none: its legal basis, and the legitimate interest or law
// that goes with that basis.
func (a *Activity) Resolved(i int) Purpose {
	p := a.Purposes[i]
	if p.LegalBasis == "" {
		p.LegalBasis = a.LegalBasis
	}
	if len(p.LegitimateInterest) == 0 && p.LegalBasis == "legitimate-interests" {
		p.LegitimateInterest = a.LegitimateInterest
	}
	if len(p.Law) == 0 && (p.LegalBasis == "legal-obligation" || p.LegalBasis == "public-task") {
		p.Law = a.Law
	}
	if p.SpecialCategoryCondition == "" {
		p.SpecialCategoryCondition = a.SpecialCategoryCondition
	}
	return p
}

// LegalBases returns the distinct legal bases of the activity's purposes, in
// the order they first appear; a purpose without a basis adds none.
func (a *Activity) LegalBases() []string {
	var out []string
	for i := range a.Purposes {
		if b := a.Resolved(i).LegalBasis; b != "" && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// HasLeadAuthority reports whether the organisation names a lead supervisory
// authority; a controller outside the EEA has none (Art. 56 needs an
// establishment in the Union).
func (o *Organisation) HasLeadAuthority() bool { return len(o.SupervisoryAuthority.Name) > 0 }

// Responsible returns the controllers responsible for an activity: those it
// names, or else the organisation's first. Ids that name no controller are
// left out (a rule reports them).
func (o *Organisation) Responsible(a *Activity) []Party {
	if len(a.Controllers) == 0 {
		if len(o.Controllers) == 0 {
			return nil
		}
		return o.Controllers[:1]
	}
	var out []Party
	for _, id := range a.Controllers {
		for _, p := range o.Controllers {
			if p.ID == id {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// Where returns the countries of a transfer: its country, or its countries.
func (t Transfer) Where() []string {
	if t.Country != "" {
		return []string{t.Country}
	}
	return t.Countries
}
