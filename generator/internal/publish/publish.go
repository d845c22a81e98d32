// Package publish turns the validated register into what the public privacy
// center shows: per language, every reference resolved and every derived text
// (legal bases, rights, safeguards, retention periods, dates) written out, and
// a machine-readable public register. Templates only present what is here.
//
// Nothing internal is ever copied: the public structures are built field by
// field, and activities that are not public (public = false, or the processor
// role) are left out together with the definitions only they use.
package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// The site sections, relative to a language's root.
const (
	activitiesSection = "activities"
	categoriesSection = "personal-data"
	recipientsSection = "recipients"
	rightsSection     = "rights"
	cookiesSection    = "cookies"
	choicesSection    = "choices"
)

// Site is the public part of the register, ready to be shown.
type Site struct {
	languages []string
	views     map[string]*view
	register  *publicRegister
}

// Languages returns the site languages, the default first.
func (s *Site) Languages() []string { return slices.Clone(s.languages) }

// DataJSON returns the view of one language as compact JSON: the data the
// theme's templates read as hugo.Data.ropa.<lang>.
func (s *Site) DataJSON(lang string) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.WriteDataJSON(lang, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ActivityPath returns the page path of a public activity in the view of
// one language, as the content adapter gives it to Hugo.
func (s *Site) ActivityPath(lang, id string) (string, bool) {
	v, ok := s.views[lang]
	if !ok {
		return "", false
	}
	a, ok := v.Activities[id]
	if !ok {
		return "", false
	}
	return a.Path, true
}

// WriteDataJSON writes the view of one language as compact JSON to w, the
// same bytes as DataJSON, one activity at a time: at 10,000 activities a
// view is over 150 MB.
func (s *Site) WriteDataJSON(lang string, w io.Writer) error {
	v, ok := s.views[lang]
	if !ok {
		return fmt.Errorf("publish: no language %q", lang)
	}
	return v.writeJSON(w, func(a *activity) any { return a })
}

// WriteDataFiles writes the view of one language as files made with the
// create functions: with data, the Hugo data file <lang>.json, the view with
// each activity's card only; with details, <lang>/activities/<id>.json with
// the details that only the activity's page shows and
// <lang>/activities/<id>.svg with its data-flow picture (see activity),
// which the site mounts as assets. Hugo holds its data decoded in memory for
// the whole build and reads the resources only while it renders the page
// that needs them. The activity ids are safe as file names (see schemas/).
func (s *Site) WriteDataFiles(lang string, data, details func(name string) (io.WriteCloser, error)) error {
	v, ok := s.views[lang]
	if !ok {
		return fmt.Errorf("publish: no language %q", lang)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, id := range slices.Sorted(maps.Keys(v.Activities)) {
		a := v.Activities[id]
		name := lang + "/activities/" + id + ".json"
		buf.Reset()
		if err := enc.Encode(&a.activityDetail); err != nil {
			return err
		}
		if err := writeTo(details, name, buf.Bytes()); err != nil {
			return err
		}
		if a.Flow != "" {
			if err := writeTo(details, lang+"/activities/"+id+".svg", []byte(a.Flow)); err != nil {
				return err
			}
		}
	}
	w, err := data(lang + ".json")
	if err != nil {
		return err
	}
	err = v.writeJSON(w, func(a *activity) any { return &a.activityCard })
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

func writeTo(create func(string) (io.WriteCloser, error), name string, b []byte) error {
	w, err := create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeJSON writes the view as one JSON object: "activities" first, with
// part of each activity (all of it, or its card) encoded on its own in the
// order of its id (the encoder holds all it writes in one buffer, which for
// the whole view grew to over 150 MB), or none without part; then the other
// fields as encoding/json writes them.
func (v *view) writeJSON(w io.Writer, part func(*activity) any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteString(`{"activities":{`)
	if part != nil {
		for i, id := range slices.Sorted(maps.Keys(v.Activities)) {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := enc.Encode(id); err != nil {
				return err
			}
			buf.Truncate(buf.Len() - 1) // the newline Encode ends with
			buf.WriteByte(':')
			if err := enc.Encode(part(v.Activities[id])); err != nil {
				return err
			}
			buf.Truncate(buf.Len() - 1)
			if buf.Len() >= 1<<16 {
				if _, err := w.Write(buf.Bytes()); err != nil {
					return err
				}
				buf.Reset()
			}
		}
	}
	buf.WriteString("},")
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	buf.Reset()
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes()[1:]) // the rest of the object, without its "{"
	return err
}

// RegisterJSON returns the machine-readable public register (served as
// /register.json) as indented JSON with sorted keys.
func (s *Site) RegisterJSON() ([]byte, error) { return marshal(s.register, "  ") }

func marshal(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Options say how the site addresses its readers.
type Options struct {
	// Formal lists the languages whose pages address the reader formally
	// (hugo.toml's [params] address = "formal"): Dutch u and uw, not je.
	Formal map[string]bool
}

// Build resolves and derives the public site from a validated register, in
// the informal tone. It returns an error, never a partial result, when a
// reference does not resolve or a value cannot be rendered.
func Build(reg *register.Register) (*Site, error) { return BuildWith(reg, Options{}) }

// BuildWith is Build with options.
func BuildWith(reg *register.Register, opts Options) (*Site, error) {
	if reg == nil {
		return nil, errors.New("publish: no register")
	}
	langs := reg.Languages
	def := reg.DefaultLanguage
	if def == "" && len(langs) > 0 {
		def = langs[0]
	}
	if def == "" {
		return nil, errors.New("publish: the register has no languages")
	}
	if len(langs) == 0 {
		langs = []string{def}
	}
	pub, err := selectPublic(reg)
	if err != nil {
		return nil, err
	}
	s := &Site{languages: slices.Clone(langs), views: map[string]*view{}}
	// The languages are built at the same time: each builder reads the
	// register and writes only its own view.
	views := make([]*view, len(langs))
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() { views[i], errs[i] = newBuilder(reg, pub, lang, def, opts.Formal[lang]).view() })
	}
	wg.Wait()
	for i, lang := range langs {
		if errs[i] != nil {
			return nil, errs[i] // the first language's error first, as before
		}
		s.views[lang] = views[i]
	}
	s.register, err = buildRegister(reg, pub, langs, def)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// public is the part of the register that is published: the public
// activities and the definitions they use.
type public struct {
	activities []*register.Activity
	categories []string // ids, in the order of their register's file
	recipients []string
	subjects   []string
	measures   []string
	topics     []string // the topics of the public activities, in the order of data/topics.toml

	// The position of each id in its register's file, by kind.
	categoryRanks, recipientRanks, subjectRanks, measureRanks, topicRanks register.Ranks
}

func selectPublic(reg *register.Register) (*public, error) {
	p := &public{
		categoryRanks: reg.Ranks("categories"), recipientRanks: reg.Ranks("recipients"),
		subjectRanks: reg.Ranks("subjects"), measureRanks: reg.Ranks("measures"), topicRanks: reg.Ranks("topics"),
	}
	cats, recs, subs, meas, tops := set{}, set{}, set{}, set{}, set{}
	for _, a := range reg.Activities {
		if a == nil || !a.IsPublic() {
			continue
		}
		p.activities = append(p.activities, a)
		if err := resolveAll(a, "subject", a.Subjects, reg.Subjects, subs); err != nil {
			return nil, err
		}
		if err := resolveAll(a, "category", a.Categories, reg.Categories, cats); err != nil {
			return nil, err
		}
		if err := resolveAll(a, "recipient", a.Recipients, reg.Recipients, recs); err != nil {
			return nil, err
		}
		if err := resolveAll(a, "measure", a.Measures, reg.Measures, meas); err != nil {
			return nil, err
		}
		if a.Topic != "" {
			if err := resolveAll(a, "topic", []string{a.Topic}, reg.Topics, tops); err != nil {
				return nil, err
			}
		}
		for _, t := range a.Transfers {
			if t.Recipient == "" {
				continue // the organisation's own storage abroad
			}
			if err := resolveAll(a, "recipient", []string{t.Recipient}, reg.Recipients, recs); err != nil {
				return nil, err
			}
		}
		for _, r := range a.Retention {
			if err := resolveAll(a, "category", r.Categories, reg.Categories, cats); err != nil {
				return nil, err
			}
		}
	}
	sort.Slice(p.activities, func(i, j int) bool { return p.activities[i].ID < p.activities[j].ID })
	p.categories, p.recipients = p.categoryRanks.Sort(cats.sorted()), p.recipientRanks.Sort(recs.sorted())
	p.subjects, p.measures = p.subjectRanks.Sort(subs.sorted()), p.measureRanks.Sort(meas.sorted())
	p.topics = p.topicRanks.Sort(tops.sorted())
	return p, nil
}

func (p *public) activityIDs() []string {
	ids := make([]string, len(p.activities))
	for i, a := range p.activities {
		ids[i] = a.ID
	}
	return ids
}

type set map[string]bool

func (s set) sorted() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func resolveAll[T any](a *register.Activity, kind string, ids []string, defs map[string]*T, into set) error {
	for _, id := range ids {
		if d, ok := defs[id]; !ok || d == nil {
			return fmt.Errorf("publish: activity %q: unknown %s %q", a.ID, kind, id)
		}
		into[id] = true
	}
	return nil
}

// choiceRights maps a kind of choice to the right it is a way to exercise.
var choiceRights = map[string]string{
	"withdraw-consent": "withdraw-consent",
	"opt-out":          "object",
	"object":           "object",
}

// lines splits an address into its lines: on line breaks when it has them.
func lines(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// contactAddress is where people ask questions and copies of safeguards: the
// DPO, else the first e-mail channel, else a controller's e-mail, else the
// first channel.
func contactAddress(org *register.Organisation) string {
	if org.DPO != nil && org.DPO.Email != "" {
		return org.DPO.Email
	}
	for _, c := range org.Rights.Channels {
		if c.Kind == "email" {
			return c.Address
		}
	}
	for _, c := range org.Controllers {
		if c.Email != "" {
			return c.Email
		}
	}
	if len(org.Rights.Channels) > 0 {
		return org.Rights.Channels[0].Address
	}
	return ""
}

func countryName(code, lang string) string {
	if code == "" {
		return ""
	}
	return country.Name(code, lang)
}
