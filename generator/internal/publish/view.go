package publish

import "encoding/json"

// The view is what the site shows in one language: every reference resolved,
// every derived text written out, grouped and sorted. It is the contract with
// the theme's templates, which read it as hugo.Data.ropa.<lang> (JSON keys in
// snake_case). Only public fields are here: each struct is built field by
// field from the register, so internal fields cannot reach it.
//
// Short lists carry refs (id, name, url). The long lists of the category,
// recipient and rights pages, which grow with the register, carry ids only:
// the template looks each one up in activities, categories or recipients, so
// that a register of 10,000 activities stays a view of reasonable size.

type view struct {
	Lang       string `json:"lang"`
	Updated    string `json:"updated"`     // the notice's effective date in words
	UpdatedISO string `json:"updated_iso"` // the same, YYYY-MM-DD
	Version    string `json:"version,omitempty"`

	Organisation organisation `json:"organisation"`
	// SeveralControllers is true when the organisation has more than one
	// controller, so that pages say which one is responsible.
	SeveralControllers bool      `json:"several_controllers"`
	Procedure          procedure `json:"procedure"`

	// Activities, Categories and Recipients are keyed by id; each value is
	// one page of the site. Activities is written by writeJSON, one at a
	// time, not by encoding/json with the rest: the encoder holds all it
	// writes in one buffer, which at 10,000 activities grew to over 150 MB.
	Activities map[string]*activity `json:"-"`
	// ActivityOrder lists the activity ids in the order the site lists
	// them: by topic (see Topics), else by name.
	ActivityOrder []string `json:"activity_order"`
	// Topics are the public activities and their choices grouped by topic,
	// in the order of data/topics.toml: the hub and the choices page.
	Topics []topicGroup `json:"topics"`
	// Visible is what others can see: the public data categories, then the
	// activities, that say who else sees their data; the choices page.
	Visible    []visible             `json:"visible"`
	Categories map[string]*category  `json:"categories"`
	Recipients map[string]*recipient `json:"recipients"`

	Sections sections `json:"sections"` // where the pages live

	Sources        []sourceGroup `json:"sources"`         // data categories grouped by how they are obtained
	Optional       []optional    `json:"optional"`        // what is required, and what happens without it
	RecipientKinds []kindGroup   `json:"recipient_kinds"` // recipients grouped by kind
	Transfers      []transfer    `json:"transfers"`       // every transfer outside the EEA
	// Safeguards are the safeguards of the transfers, each different one
	// once (with its texts), in the order they first appear; a transfer
	// refers to its safeguard by position.
	Safeguards []safeguard `json:"safeguards"`
	// TransferGroups are the transfers with the same recipient, country and
	// safeguard taken together, each listing its activities, in the order
	// they first appear: the hub's overview.
	TransferGroups []transferGroup `json:"transfer_groups"`
	// TransferCountries are the names of the countries outside the EEA that
	// data is transferred to, sorted: the hub's one line on transfers.
	TransferCountries []string    `json:"transfer_countries"`
	NoRecipients      bool        `json:"no_recipients"` // every public activity states recipients = []
	NoTransfers       bool        `json:"no_transfers"`  // every public activity states its transfers, and none has any
	Retention         []retention `json:"retention"`     // one overview of retention, per activity
	Rights            []right     `json:"rights"`        // the rights that apply, with where
	Automated         []ref       `json:"automated"`     // activities with automated decisions
	Measures          []measure   `json:"measures"`      // security measures of the public activities
	// Cookies are the cookies and similar technologies of every public
	// activity, grouped by consent category: the cookies page.
	Cookies  []cookieGroup `json:"cookies"`
	Children children      `json:"children"`

	// TransferMap is the picture of the transfers by country, an inline
	// <svg> (package flowchart); empty when nothing is transferred.
	TransferMap string `json:"transfer_map,omitempty"`
}

// sections names the site sections, relative to the language root, so the
// content adapter and the links agree.
type sections struct {
	Activities string `json:"activities"`
	Categories string `json:"categories"`
	Recipients string `json:"recipients"`
	Rights     string `json:"rights"`
	Cookies    string `json:"cookies"`
	Choices    string `json:"choices"`
}

// ref points at a page: its id, its name in the view's language, and its URL
// relative to the language root (for relLangURL).
type ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

// idRef is a ref that the view writes as its id alone, for the long lists
// that grow with the register (the transfers, the retention rows): the
// page it points at is in the view once, in activities, categories or
// recipients, where the templates look up its name and URL.
type idRef ref

func (r idRef) MarshalJSON() ([]byte, error) { return json.Marshal(r.ID) }

// recipientIDs are recipients that the view writes as their ids, to look up
// in its recipients.
type recipientIDs []recipientRef

func (rs recipientIDs) MarshalJSON() ([]byte, error) {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return json.Marshal(ids)
}

type party struct {
	ID           string   `json:"id,omitempty"`
	LegalName    string   `json:"legal_name"`
	AddressLines []string `json:"address_lines"`
	Country      string   `json:"country"`
	CountryName  string   `json:"country_name"`
	Email        string   `json:"email,omitempty"`
	Phone        string   `json:"phone,omitempty"`
	Website      string   `json:"website,omitempty"`
	Registration string   `json:"registration,omitempty"`
}

type jointController struct {
	party
	Arrangement string `json:"arrangement"`
}

type dpo struct {
	Name         string   `json:"name,omitempty"`
	Email        string   `json:"email"`
	AddressLines []string `json:"address_lines,omitempty"`
}

type authority struct {
	Name         string   `json:"name"`
	Country      string   `json:"country"`
	CountryName  string   `json:"country_name"`
	AddressLines []string `json:"address_lines,omitempty"`
	Phone        string   `json:"phone,omitempty"`
	Website      string   `json:"website"`
}

type organisation struct {
	Name             string            `json:"name"`
	Controllers      []party           `json:"controllers"`
	JointControllers []jointController `json:"joint_controllers"`
	Representative   *party            `json:"representative,omitempty"`
	DPO              *dpo              `json:"dpo,omitempty"`
	Authority        *authority        `json:"authority,omitempty"` // the lead supervisory authority; none for a controller outside the EEA
	Security         string            `json:"security,omitempty"`
}

type procedure struct {
	ResponseTime string    `json:"response_time"` // in words, e.g. "30 dagen"
	Channels     []channel `json:"channels"`
	Verification string    `json:"verification,omitempty"`
	Extension    string    `json:"extension,omitempty"`
	Contact      string    `json:"contact"` // the address for questions and copies of safeguards
	// Complaint is the route to complain to the organisation first, shown
	// before the supervisory authority; nil when the record names none.
	Complaint *complaint `json:"complaint,omitempty"`
}

type complaint struct {
	Text    string   `json:"text,omitempty"`
	Channel *channel `json:"channel,omitempty"`
}

type channel struct {
	Kind         string   `json:"kind"`
	KindName     string   `json:"kind_name"`
	Label        string   `json:"label"`
	Address      string   `json:"address"`
	AddressLines []string `json:"address_lines"`
	Href         string   `json:"href,omitempty"` // mailto: or https: link; empty for post
}

// legalBasis is one legal basis of an activity with what goes with it. An
// activity whose purposes have different bases (or different interests or
// laws) has several; each then names the purposes it covers.
type legalBasis struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Article     string   `json:"article"`
	Explanation string   `json:"explanation"`
	Balancing   string   `json:"balancing,omitempty"` // the interests were weighed: only when the record holds a balancing test (internal.lia)
	Interest    string   `json:"interest,omitempty"`  // the legitimate interest pursued
	Law         string   `json:"law,omitempty"`       // the law behind an obligation or public task
	Purposes    []string `json:"purposes,omitempty"`  // the purposes on this basis, when the activity has several bases
}

// purpose is one purpose of an activity and the name of its legal basis.
type purpose struct {
	Text       string `json:"text"`
	LegalBasis string `json:"legal_basis"` // the basis's name
}

type condition struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Article string `json:"article"`
}

type subject struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

type categoryRef struct {
	ref
	Special  bool `json:"special,omitempty"`
	Criminal bool `json:"criminal,omitempty"`
}

type recipientRef struct {
	ref
	Kind        string `json:"kind"`
	KindName    string `json:"kind_name"`
	Country     string `json:"country"`
	CountryName string `json:"country_name"`
}

type requirement struct {
	Required    string `json:"required"` // in words
	Statutory   bool   `json:"statutory"`
	Contractual bool   `json:"contractual"`
	Consequence string `json:"consequence"`
}

type safeguard struct {
	Key         string `json:"key"`
	Name        string `json:"name"`
	Article     string `json:"article"`
	Explanation string `json:"explanation"`
	Decision    string `json:"decision,omitempty"` // the adequacy decision, for adequacy
	Copy        string `json:"copy"`               // how to obtain a copy
}

type transfer struct {
	Activity    idRef     `json:"activity"`
	Recipient   idRef     `json:"recipient"`   // empty for the organisation's own storage abroad
	OwnStorage  bool      `json:"own_storage"` // no recipient: the organisation stores or processes the data there itself
	Country     string    `json:"country"`
	CountryName string    `json:"country_name"`
	Safeguard   safeguard `json:"-"`
	// SafeguardRow is the position of Safeguard in the view's list of
	// safeguards, which holds each different one once.
	SafeguardRow int    `json:"safeguard"`
	Details      string `json:"details,omitempty"`
}

type retention struct {
	Activity   idRef         `json:"activity"`
	Categories []categoryRef `json:"-"`
	// CategoryIDs are the ids of Categories: the view holds each
	// category's name and link once, in its categories map.
	CategoryIDs []string `json:"categories"`
	Period      string   `json:"period,omitempty"`  // in words, e.g. "7 jaar", or a range "7 tot 10 jaar"
	UpTo        string   `json:"up_to,omitempty"`   // the longest period of a range, in words
	Maximum     string   `json:"maximum,omitempty"` // with criteria: the longest, in words
	Trigger     string   `json:"trigger,omitempty"`
	Criteria    string   `json:"criteria,omitempty"`
	Text        string   `json:"text"` // period and trigger, or the criteria
}

type automated struct {
	Logic        string `json:"logic"`
	Consequences string `json:"consequences"`
	HumanReview  string `json:"human_review,omitempty"`
}

type choice struct {
	Activity ref       `json:"activity"`
	Kind     string    `json:"kind"`
	KindName string    `json:"kind_name"`
	Title    string    `json:"title"`
	Effect   string    `json:"effect,omitempty"` // what the choice changes
	Where    string    `json:"where,omitempty"`  // where to make it
	Steps    []step    `json:"steps"`            // for everyone
	Ways     []way     `json:"ways"`             // per platform or audience
	Link     string    `json:"link,omitempty"`
	Links    []link    `json:"links"`
	Right    *rightRef `json:"right,omitempty"` // the right it exercises
}

type rightRef struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Article string `json:"article"`
	// Purposes are the purposes the right applies to, on an activity page,
	// when it does not apply to all of them.
	Purposes []string `json:"purposes,omitempty"`
	// Limits say where the GDPR limits the right for this activity.
	Limits []string `json:"limits,omitempty"`
}

// notApplying is a right that does not apply to an activity, and why.
type notApplying struct {
	rightRef
	Reason string `json:"reason"`
}

// activity is one processing activity of the view, in two parts. The card
// is what the lists of the site show of it (the hub, the activities and
// choices sections, search): it is part of hugo.Data.ropa.<lang>.activities.
// The detail is what only the activity's own page shows: the generator
// writes it as a resource of its own (assets ropa/<lang>/activities/<id>.json)
// that the page reads while it is rendered, so Hugo does not hold the
// details of every activity in memory for the whole build (at 10,000
// activities they were most of the view, 65 MB of it the data-flow pictures).
// DataJSON writes both parts together, one object per activity.
type activity struct {
	activityCard
	activityDetail

	// Flow is the picture of the activity's data flow, an inline <svg>
	// (package flowchart) that states what Sources, Recipients and
	// Transfers state. It is a resource of its own beside the details
	// (assets ropa/<lang>/activities/<id>.svg), not a string inside their
	// JSON, where its quotes made the most costly text to decode.
	Flow string `json:"flow"`
}

type activityCard struct {
	ref
	Path       string        `json:"path"` // page path for the content adapter
	Summary    string        `json:"summary"`
	Topic      *ref          `json:"topic,omitempty"` // id and name only
	Purposes   []purpose     `json:"purposes"`
	LegalBases []legalBasis  `json:"legal_bases"` // distinct, in the order of the purposes
	Conditions []condition   `json:"conditions"`  // Art. 9(2), when special categories are used
	Categories []categoryRef `json:"-"`           // shown grouped, in Sources
	Sources    []sourceGroup `json:"sources"`     // the categories, by how they are obtained
	Recipients recipientIDs  `json:"recipients"`  // ids, to look up in the view's recipients
	Automated  *automated    `json:"automated,omitempty"`
	Choices    []choice      `json:"choices"`
	Cookies    []cookie      `json:"cookies"` // cookies and similar technologies, in the order of the record
}

type activityDetail struct {
	Controllers   []party      `json:"controllers"` // the entities responsible for this activity
	Subjects      []subject    `json:"subjects"`
	SourceDetails string       `json:"source_details,omitempty"`
	Requirement   *requirement `json:"requirement,omitempty"`
	Transfers     []transfer   `json:"-"`
	Retention     []retention  `json:"-"`
	// TransferRows and RetentionRows are the activity's transfers and
	// retention rows as positions in the view's lists of all transfers and
	// all retention rows: each is in the view once, not once per page that
	// shows it (at 10,000 activities the copies made the view three times
	// as large, and Hugo holds the view decoded in memory).
	TransferRows  []int         `json:"transfers"`
	RetentionRows []int         `json:"retention"`
	Measures      []measure     `json:"measures"`
	Rights        []rightRef    `json:"rights"`
	NotApplying   []notApplying `json:"not_applying"` // rights that do not apply here, with the reason
	// RecipientsStated and TransfersStated are true when the record says
	// explicitly who receives data and what is transferred, even when that is
	// nobody and nothing; only then may the page say "nobody" or "nothing".
	RecipientsStated bool `json:"recipients_stated"`
	TransfersStated  bool `json:"transfers_stated"`
	Children         bool `json:"children"`
}

// cookie is a cookie or similar technology of an activity.
type cookie struct {
	Activity     ref    `json:"activity"`
	Name         string `json:"name"`
	Kind         string `json:"kind"` // cookie, local-storage, pixel, sdk
	KindName     string `json:"kind_name"`
	Provider     string `json:"provider"`      // first-party or third-party
	ProviderName string `json:"provider_name"` // in words; a third party's recipient name when the record names one
	Recipient    *ref   `json:"recipient,omitempty"`
	Purpose      string `json:"purpose"`
	Lifetime     string `json:"lifetime"`     // in words
	LifetimeISO  string `json:"lifetime_iso"` // ISO 8601 duration, or "session"
	Category     string `json:"category"`
	CategoryName string `json:"category_name"`
}

// cookieGroup is the cookies of one consent category, for the cookies page.
type cookieGroup struct {
	Category string   `json:"category"`
	Name     string   `json:"name"`
	Cookies  []cookie `json:"cookies"`
}

type category struct {
	ref
	Path        string         `json:"path"`
	Description string         `json:"description"`
	Examples    []string       `json:"examples"`
	Special     bool           `json:"special"`
	Criminal    bool           `json:"criminal"`
	Source      string         `json:"source"`
	SourceName  string         `json:"source_name"`
	Activities  []string       `json:"activities"` // ids of the activities that use it
	Recipients  []string       `json:"recipients"` // ids of the recipients that may receive it
	Retention   []categoryKept `json:"-"`
	// RetentionRows are the positions, in the view's list of all retention
	// rows, of the rows that keep this category, in the order of Retention.
	RetentionRows []int `json:"retention"`
}

// categoryKept is how long one activity keeps a data category.
type categoryKept struct {
	Activity string // id
	Row      int    // the position of the retention row in the view's list
}

type recipient struct {
	ref
	Path        string   `json:"path"`
	Kind        string   `json:"kind"`
	KindName    string   `json:"kind_name"`
	Country     string   `json:"country"`
	CountryName string   `json:"country_name"`
	Description string   `json:"description"`
	Activities  []string `json:"activities"` // ids of the activities that share data with it
	Categories  []string `json:"categories"` // ids of the data categories it may receive
	// TransferRows are the positions of its transfers in the view's list of
	// all transfers.
	TransferRows []int `json:"transfers"`
}

type sourceGroup struct {
	Key         string        `json:"key"`
	Name        string        `json:"name"`
	Explanation string        `json:"explanation"`
	Categories  []categoryRef `json:"-"`
	// CategoryIDs are the ids of Categories: the view holds each
	// category's name and link once, in its categories map.
	CategoryIDs []string `json:"categories"`
}

type optional struct {
	Activity    idRef  `json:"activity"`
	Required    string `json:"required"`
	Consequence string `json:"consequence"`
}

type kindGroup struct {
	Key         string         `json:"key"`
	Name        string         `json:"name"`
	Explanation string         `json:"explanation,omitempty"`
	Recipients  []recipientRef `json:"recipients"`
}

type right struct {
	rightRef
	Description string   `json:"description"`
	All         bool     `json:"all"`        // applies to every activity
	Activities  []string `json:"activities"` // ids of the activities where it applies
	Choices     []choice `json:"choices"`    // ready-made ways to exercise it
	HumanReview []review `json:"human_review,omitempty"`
	// How to exercise the right, where the record says so: the steps in
	// order, the channel to use, and notes for this right only.
	Steps   []string `json:"steps,omitempty"`
	Channel *channel `json:"channel,omitempty"`
	Notes   string   `json:"notes,omitempty"`
}

type review struct {
	Activity ref    `json:"activity"`
	Text     string `json:"text"`
}

type measure struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Kind        string `json:"kind"`
	KindName    string `json:"kind_name"`
}

type children struct {
	MinimumAge *int   `json:"minimum_age,omitempty"`
	Statement  string `json:"statement,omitempty"`
	Activities []ref  `json:"activities"`
}

// transferGroup is one row of the hub's transfer overview.
type transferGroup struct {
	Recipient   idRef     `json:"recipient"`
	OwnStorage  bool      `json:"own_storage"`
	Country     string    `json:"country"`
	CountryName string    `json:"country_name"`
	Safeguard   safeguard `json:"-"`
	// SafeguardRow is the position of Safeguard in the view's safeguards.
	SafeguardRow int     `json:"safeguard"`
	Activities   []idRef `json:"activities"`
}
