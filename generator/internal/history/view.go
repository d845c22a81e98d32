package history

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/publish"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Section is where the change log lives, relative to a language's root.
const Section = "changes"

// view is the public change log in one language, the contract with the
// theme: the content adapter makes the change log page and its Atom feed
// from it (hugo.Data.ropa_history.<lang>), and the activity pages read their
// dates from it. Only the public part of each version is here.
type view struct {
	Lang       string `json:"lang"`
	Path       string `json:"path"`        // the change log page, relative to the language root
	Updated    string `json:"updated"`     // the newest entry's date in words
	UpdatedISO string `json:"updated_iso"` // the same, RFC 3339
	// Entries are the versions with a public change, and the first version,
	// newest first.
	Entries []entry `json:"entries"`
	// Activities holds the dates of each activity public at the newest
	// version, by id.
	Activities map[string]activityDates `json:"activities"`
}

type entry struct {
	ID      string `json:"id"` // the anchor on the change log page: "version-" and the abbreviated commit
	Date    string `json:"date"`
	DateISO string `json:"date_iso"` // committer date, RFC 3339, UTC
	Label   string `json:"label"`
	First   bool   `json:"first"` // the first version git knows: no changes of its own
	// Changes are the material changes (and activities no longer
	// published), in plain words.
	Changes []line `json:"changes"`
	// Editorial names what was otherwise changed in the public notice, in
	// one sentence: editorial changes are not listed one by one.
	Editorial string `json:"editorial,omitempty"`
}

type line struct {
	Text     string `json:"text"`
	Activity string `json:"activity,omitempty"` // the activity's id, to link to its page
}

type activityDates struct {
	FirstPublished    string `json:"first_published,omitempty"` // empty when it was public before the versions read
	FirstPublishedISO string `json:"first_published_iso,omitempty"`
	LastChanged       string `json:"last_changed"`
	LastChangedISO    string `json:"last_changed_iso"`
	Entry             string `json:"entry"` // the id of the last entry that changed it
}

// ViewJSON returns the public change log in lang as compact JSON (formal is
// accepted for the site's interface; the change log does not address the
// reader, so its words are the same in both tones).
func (h *History) ViewJSON(lang string, formal bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h.view(lang)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (h *History) view(lang string) *view {
	w := publish.WordsFor(lang)
	v := &view{Lang: lang, Path: Section, Activities: map[string]activityDates{}}
	firstPublished := map[string]*Version{}
	lastChanged := map[string]*Version{}
	for _, ver := range h.Versions {
		e := entry{ID: "version-" + ver.Short(), Date: w.Date(ver.Date.Format(time.DateOnly)), DateISO: ver.Date.Format(time.RFC3339), Label: ver.Label, First: ver.First()}
		if ver.baseline {
			continue // only compared with, not shown
		}
		e.Changes, e.Editorial = h.lines(ver, lang)
		for id := range ver.publicActivity {
			// Public in the baseline: when it was first published is not known.
			if firstPublished[id] == nil && !(h.Versions[0].baseline && h.Versions[0].publicActivity[id]) {
				firstPublished[id], lastChanged[id] = ver, ver
			}
		}
		for _, c := range ver.Public {
			if c.Activity != "" && ver.publicActivity[c.Activity] {
				lastChanged[c.Activity] = ver
			}
		}
		if e.First || len(e.Changes) > 0 || e.Editorial != "" {
			v.Entries = append(v.Entries, e)
		}
	}
	slices.Reverse(v.Entries)
	if len(v.Entries) > 0 {
		v.Updated, v.UpdatedISO = v.Entries[0].Date, v.Entries[0].DateISO
	}
	newest := h.Versions[len(h.Versions)-1]
	for id := range newest.publicActivity {
		f, l := firstPublished[id], lastChanged[id]
		if l == nil {
			continue // public since before the versions read, and unchanged since
		}
		d := activityDates{
			LastChanged: w.Date(l.Date.Format(time.DateOnly)), LastChangedISO: l.Date.Format(time.RFC3339),
			Entry: "version-" + l.Short(),
		}
		if f != nil {
			d.FirstPublished, d.FirstPublishedISO = w.Date(f.Date.Format(time.DateOnly)), f.Date.Format(time.RFC3339)
		}
		v.Activities[id] = d
	}
	return v
}

// lines says what changed in the public part at version ver, in lang: the
// material changes one by one, the rest named in one sentence.
func (h *History) lines(ver *Version, lang string) ([]line, string) {
	if ver.First() {
		return nil, ""
	}
	n := names{lang: lang, def: h.DefaultLang, regs: []*register.Register{ver.pub, ver.prevPub}, w: publish.WordsFor(lang)}
	t := sentences[lang]
	if t == nil {
		t = sentences["en"]
	}
	var out []line
	var edited []string
	for _, c := range ver.Public {
		if c.Kind == change.ActivityAdded {
			continue // said as published
		}
		if !c.Material && c.Kind != change.ActivityRemoved {
			if name := n.record(c); name != "" && !slices.Contains(edited, name) {
				edited = append(edited, name)
			}
			continue
		}
		out = append(out, line{Text: n.sentence(t, c), Activity: c.Activity})
	}
	if len(edited) == 0 {
		return out, ""
	}
	return out, strings.ReplaceAll(t["editorial"], "{list}", n.w.List(edited))
}

// names finds the names of what a change is about in the newer register,
// else the older one.
type names struct {
	lang, def string
	regs      []*register.Register
	w         publish.ValueWords
}

func (n names) activity(id string) string {
	for _, r := range n.regs {
		for _, a := range r.Activities {
			if a.ID == id {
				return a.Name.In(n.lang, n.def)
			}
		}
	}
	return id
}

func (n names) category(id string) string {
	for _, r := range n.regs {
		if c := r.Categories[id]; c != nil {
			return c.Name.In(n.lang, n.def)
		}
	}
	return id
}

func (n names) recipient(id string) string {
	if id == "" {
		return sentences[n.lang]["own"]
	}
	for _, r := range n.regs {
		if c := r.Recipients[id]; c != nil {
			return c.Name.In(n.lang, n.def)
		}
	}
	return id
}

func (n names) where(id string) string {
	for _, r := range n.regs {
		if c := r.Recipients[id]; c != nil {
			var places []string
			if c.Region != "" {
				places = append(places, sentences[n.lang]["region-"+c.Region])
			}
			for _, code := range c.Where() {
				places = append(places, country.Name(code, n.lang))
			}
			return n.w.List(places)
		}
	}
	return ""
}

// record names the record a change is about, for the editorial sentence.
func (n names) record(c change.Change) string {
	if c.Activity != "" {
		return n.activity(c.Activity)
	}
	kind, id, _ := strings.Cut(c.Record, ":")
	switch kind {
	case "organisation":
		return sentences[n.lang]["organisation"]
	case "categories":
		return n.category(id)
	case "recipients":
		return n.recipient(id)
	case "measures":
		for _, r := range n.regs {
			if m := r.Measures[id]; m != nil {
				return m.Name.In(n.lang, n.def)
			}
		}
	case "subjects":
		for _, r := range n.regs {
			if s := r.Subjects[id]; s != nil {
				return s.Name.In(n.lang, n.def)
			}
		}
	}
	return ""
}

// sentence says a material change in plain words.
func (n names) sentence(t map[string]string, c change.Change) string {
	recipientAndCountry := func() (string, string) {
		rec, rest, _ := strings.Cut(c.Subject, " (")
		return n.recipient(rec), country.Name(strings.TrimSuffix(rest, ")"), n.lang)
	}
	period := func(p string) string {
		if p == "" {
			return t["criteria"]
		}
		return n.w.Period(p)
	}
	cookie := func() string { name, _, _ := strings.Cut(c.Subject, " ("); return name }
	cookieValue := func(v string) (string, string) {
		cat, life, _ := strings.Cut(v, ", ")
		return n.w.CookieCategory(cat), n.w.Lifetime(life)
	}
	key, r := c.Kind, map[string]string{"{a}": n.activity(c.Activity)}
	switch c.Kind {
	case change.ActivityPublished, change.ActivityRemoved:
	case change.PurposeAdded:
		r["{s}"], r["{new}"] = c.SubjectIn(n.lang, n.def), n.w.LegalBasis(c.New)
	case change.LegalBasisChanged:
		r["{s}"], r["{old}"], r["{new}"] = c.SubjectIn(n.lang, n.def), n.w.LegalBasis(c.Old), n.w.LegalBasis(c.New)
	case change.CategoryAdded, change.CategoryMadeSpecial:
		if c.Kind == change.CategoryMadeSpecial {
			key = "made"
		}
		key += "-" + c.New
		r["{s}"] = n.category(c.Subject)
	case change.RecipientAdded:
		r["{s}"], r["{where}"] = n.recipient(c.Subject), n.where(c.Subject)
	case change.TransferAdded, change.ThirdCountryAdded:
		r["{s}"], r["{country}"] = recipientAndCountry()
		r["{new}"] = n.w.Safeguard(c.New)
	case change.SafeguardChanged:
		r["{s}"], r["{country}"] = recipientAndCountry()
		r["{old}"], r["{new}"] = n.w.Safeguard(c.Old), n.w.Safeguard(c.New)
	case change.RetentionLonger, change.RetentionChanged:
		var cats []string
		for id := range strings.SplitSeq(c.Subject, ", ") {
			cats = append(cats, n.category(id))
		}
		r["{s}"], r["{old}"], r["{new}"] = n.w.List(cats), period(c.Old), period(c.New)
	case change.RecipientMoved:
		_, id, _ := strings.Cut(c.Record, ":")
		r["{s}"], r["{where}"] = n.recipient(id), n.where(id)
	case change.CookieAdded:
		r["{s}"] = cookie()
		r["{category}"], r["{lifetime}"] = cookieValue(c.New)
	case change.CookieChanged:
		r["{s}"] = cookie()
		r["{category}"], r["{lifetime}"] = cookieValue(c.New)
	default:
		return c.Describe(n.lang, n.def)
	}
	s, ok := t[key]
	if !ok {
		return c.Describe(n.lang, n.def)
	}
	var pairs []string
	for _, k := range slices.Sorted(maps.Keys(r)) {
		pairs = append(pairs, k, r[k])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// sentences are the change log's words per language: {a} is the activity,
// {s} what changed, {old} and {new} the values before and after.
var sentences = map[string]map[string]string{
	"en": {
		change.ActivityPublished:  "New processing activity: {a}.",
		change.ActivityRemoved:    "{a} is no longer in the privacy center.",
		change.PurposeAdded:       "{a}: new purpose “{s}” (legal basis: {new}).",
		change.LegalBasisChanged:  "{a}: the legal basis of “{s}” is now {new} (was: {old}).",
		"category-added-special":  "{a}: we now also process {s}, a special category of personal data.",
		"category-added-criminal": "{a}: we now also process {s}, data on criminal convictions and offences.",
		"made-special":            "{s} is now treated as a special category of personal data.",
		"made-criminal":           "{s} is now treated as data on criminal convictions and offences.",
		change.RecipientAdded:     "{a}: new recipient {s} ({where}).",
		change.TransferAdded:      "{a}: new transfer to {s} ({country}), with safeguard: {new}.",
		change.ThirdCountryAdded:  "{a}: personal data now goes to {s} ({country}), outside the EEA, with safeguard: {new}.",
		change.SafeguardChanged:   "{a}: the transfer to {s} ({country}) now relies on {new} (was: {old}).",
		change.RetentionLonger:    "{a}: we now keep {s} longer: {new} (was: {old}).",
		change.RetentionChanged:   "{a}: the retention of {s} changed: {new} (was: {old}).",
		change.RecipientMoved:     "{s} now processes personal data in {where}.",
		change.CookieAdded:        "{a}: new cookie or similar technology {s} ({category}, {lifetime}).",
		change.CookieChanged:      "{a}: cookie or similar technology {s} changed: now {category}, {lifetime}.",
		"editorial":               "Editorial changes to: {list}.",
		"organisation":            "the organisation's details",
		"own":                     "our own storage",
		"criteria":                "criteria in words",
		"region-EEA":              "the EEA",
		"region-worldwide":        "worldwide",
	},
	"nl": {
		change.ActivityPublished:  "Nieuwe verwerking: {a}.",
		change.ActivityRemoved:    "{a} staat niet meer in het privacycentrum.",
		change.PurposeAdded:       "{a}: nieuw doel “{s}” (grondslag: {new}).",
		change.LegalBasisChanged:  "{a}: de grondslag van “{s}” is nu {new} (was: {old}).",
		"category-added-special":  "{a}: we verwerken nu ook {s}, een bijzonder persoonsgegeven.",
		"category-added-criminal": "{a}: we verwerken nu ook {s}, strafrechtelijke gegevens.",
		"made-special":            "{s} geldt nu als bijzonder persoonsgegeven.",
		"made-criminal":           "{s} geldt nu als strafrechtelijk gegeven.",
		change.RecipientAdded:     "{a}: nieuwe ontvanger {s} ({where}).",
		change.TransferAdded:      "{a}: nieuwe doorgifte aan {s} ({country}), met als waarborg: {new}.",
		change.ThirdCountryAdded:  "{a}: persoonsgegevens gaan nu naar {s} ({country}), buiten de EER, met als waarborg: {new}.",
		change.SafeguardChanged:   "{a}: de doorgifte aan {s} ({country}) steunt nu op {new} (was: {old}).",
		change.RetentionLonger:    "{a}: {s} bewaren we nu langer: {new} (was: {old}).",
		change.RetentionChanged:   "{a}: de bewaartermijn van {s} is gewijzigd: {new} (was: {old}).",
		change.RecipientMoved:     "{s} verwerkt persoonsgegevens nu in {where}.",
		change.CookieAdded:        "{a}: nieuwe cookie of vergelijkbare techniek {s} ({category}, {lifetime}).",
		change.CookieChanged:      "{a}: cookie of vergelijkbare techniek {s} gewijzigd: nu {category}, {lifetime}.",
		"editorial":               "Redactionele wijzigingen in: {list}.",
		"organisation":            "de gegevens van de organisatie",
		"own":                     "onze eigen opslag",
		"criteria":                "criteria in woorden",
		"region-EEA":              "de EER",
		"region-worldwide":        "wereldwijd",
	},
}
