package publish

import (
	"sort"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Topics and choices: the groups activities are listed in (data/topics.toml),
// and every choice of the public activities, grouped the same way, for the
// choices page and the rights page.

// topicGroup is one topic with its public activities and their choices.
type topicGroup struct {
	ID          string   `json:"id"` // empty for the activities without a topic
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Activities  []string `json:"activities"` // ids, in the order the site lists them
	// Choices is the number of choices of these activities; the choices
	// themselves are the activities' (not copied: the view stays small).
	Choices int `json:"choices"`
}

// step is one step of a choice, with its sub-steps.
type step struct {
	Text  string `json:"text"`
	Steps []step `json:"steps,omitempty"`
}

// way is how to make a choice on some platforms or for one audience.
type way struct {
	Platforms []named2 `json:"platforms,omitempty"`
	Audience  string   `json:"audience,omitempty"`
	Steps     []step   `json:"steps"`
	Links     []link   `json:"links,omitempty"`
}

// named2 is a code with its name in words.
type named2 struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type link struct {
	URL   string `json:"url"`
	Label string `json:"label"`
}

// platformOrder is the order of the platforms a way names.
var platformOrder = []string{"web", "ios", "android", "tv", "desktop"}

// choiceWords are the generator's words of this file, per language; a
// language without them falls back to English. None addresses the reader,
// so the formal tone uses the same.
var choiceWords = map[string]struct {
	platforms  map[string]string
	otherTopic string
	visibleTo  map[string]string // who else sees data (visible_to.to)
}{
	"nl": {
		platforms:  map[string]string{"web": "Website", "ios": "iPhone en iPad", "android": "Android", "tv": "Tv", "desktop": "Desktop-app"},
		otherTopic: "Overig",
		visibleTo:  map[string]string{"other-users": "Andere gebruikers van onze dienst", "followers": "Mensen die je volgen", "public": "Iedereen, ook zonder account"},
	},
	"en": {
		platforms:  map[string]string{"web": "Website", "ios": "iPhone and iPad", "android": "Android", "tv": "TV", "desktop": "Desktop app"},
		otherTopic: "Other",
		visibleTo:  map[string]string{"other-users": "Other users of our service", "followers": "People who follow you", "public": "Everyone, also without an account"},
	},
}

// visibleToFormal are the Dutch words of visibleTo that address the reader,
// in the formal tone (u).
var visibleToFormal = map[string]string{"followers": "Mensen die u volgen"}

func (b *builder) choiceWords() (map[string]string, string) {
	w, ok := choiceWords[b.lang]
	if !ok {
		w = choiceWords["en"]
	}
	return w.platforms, w.otherTopic
}

// visibleToName says who else sees data, in the view's language and tone.
func (b *builder) visibleToName(to string) string {
	if b.lang == "nl" && b.formal {
		if s, ok := visibleToFormal[to]; ok {
			return s
		}
	}
	w, ok := choiceWords[b.lang]
	if !ok {
		w = choiceWords["en"]
	}
	return w.visibleTo[to]
}

// visible is data that others can see: of a data category or an activity.
type visible struct {
	Category *ref   `json:"category,omitempty"`
	Activity *ref   `json:"activity,omitempty"`
	To       string `json:"to"`      // other-users, followers, public
	ToName   string `json:"to_name"` // in words
	What     string `json:"what,omitempty"`
	Control  string `json:"control"`
}

// visible lists what others can see: the public categories in the order of
// their file, then the public activities in the order the site lists them.
func (b *builder) visible(activityOrder []string) []visible {
	out := []visible{}
	add := func(v *register.Visibility, cat, act *ref) {
		if v != nil {
			out = append(out, visible{Category: cat, Activity: act, To: v.To, ToName: b.visibleToName(v.To), What: b.t(v.What), Control: b.t(v.Control)})
		}
	}
	for _, id := range b.pub.categories {
		r := b.categoryRefs[id].ref
		add(b.reg.Categories[id].VisibleTo, &r, nil)
	}
	byID := map[string]*register.Activity{}
	for _, a := range b.pub.activities {
		byID[a.ID] = a
	}
	for _, id := range activityOrder {
		r := b.activityRefs[id]
		add(byID[id].VisibleTo, nil, &r)
	}
	return out
}

// steps resolves steps and their sub-steps.
func (b *builder) steps(ss []register.Step) []step {
	out := make([]step, 0, len(ss))
	for _, s := range ss {
		st := step{Text: b.t(s.Text)}
		if len(s.Steps) > 0 {
			st.Steps = b.steps(s.Steps)
		}
		out = append(out, st)
	}
	return out
}

// choice resolves one choice of an activity: its ways in the order of the
// platforms, its links (the shorthand link first, labelled with the title)
// and the right it exercises.
func (b *builder) choice(aref ref, c register.Choice) choice {
	platforms, _ := b.choiceWords()
	cv := choice{
		Activity: aref, Kind: c.Kind, KindName: b.w.choiceKinds[c.Kind],
		Title: b.t(c.Title), Effect: b.t(c.Effect), Where: b.t(c.Where),
		Steps: b.steps(c.Steps), Link: c.Link, Links: []link{}, Ways: []way{},
	}
	for _, l := range c.Links {
		cv.Links = append(cv.Links, link{URL: l.URL, Label: b.t(l.Label)})
	}
	for _, w := range c.Ways {
		wv := way{Audience: b.t(w.Audience), Steps: b.steps(w.Steps)}
		ps := append([]string(nil), w.Platforms...)
		sort.SliceStable(ps, func(i, j int) bool { return index(platformOrder, ps[i]) < index(platformOrder, ps[j]) })
		for _, p := range ps {
			wv.Platforms = append(wv.Platforms, named2{Key: p, Name: platforms[p]})
		}
		for _, l := range w.Links {
			wv.Links = append(wv.Links, link{URL: l.URL, Label: b.t(l.Label)})
		}
		cv.Ways = append(cv.Ways, wv)
	}
	if id := choiceRight(c); id != "" {
		r := b.rightRef(id)
		cv.Right = &r
	}
	return cv
}

// choiceRight is the right a choice exercises: the one it names, or else
// the one its kind implies (withdrawing consent, objecting, opting out).
func choiceRight(c register.Choice) string {
	if c.Right != "" {
		return c.Right
	}
	return choiceRights[c.Kind]
}

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}

// topicGroups groups the public activities by topic, in the order of
// data/topics.toml, the activities without a topic last. Within a topic the
// activities follow their ids, so both languages list them in the same
// order. A register without topics has one group without a name, its
// activities by name as before.
func (b *builder) topicGroups(v *view) []topicGroup {
	_, other := b.choiceWords()
	byTopic := map[string][]string{}
	for _, a := range b.pub.activities { // sorted by id
		byTopic[a.Topic] = append(byTopic[a.Topic], a.ID)
	}
	var out []topicGroup
	if len(b.pub.topics) == 0 {
		out = append(out, topicGroup{Activities: b.byName(b.pub.activityIDs(), func(id string) string { return b.activityRefs[id].Name })})
	} else {
		for _, id := range b.pub.topics {
			t := b.reg.Topics[id]
			out = append(out, topicGroup{ID: id, Name: b.t(t.Name), Description: b.t(t.Description), Activities: byTopic[id]})
		}
		if ids := byTopic[""]; len(ids) > 0 {
			out = append(out, topicGroup{Name: other, Activities: ids})
		}
	}
	for i := range out {
		for _, id := range out[i].Activities {
			out[i].Choices += len(v.Activities[id].Choices)
		}
	}
	return out
}

// transferCountries returns the names of the countries of the transfers,
// once each, sorted by name.
func transferCountries(gs []transferGroup) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, g := range gs {
		if !seen[g.CountryName] {
			seen[g.CountryName] = true
			out = append(out, g.CountryName)
		}
	}
	sort.Strings(out)
	return out
}
