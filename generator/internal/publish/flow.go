package publish

import (
	"fmt"
	"slices"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/flowchart"
)

// flow draws the data flow of an activity: its categories by how they are
// obtained, the activity, and its recipients with their countries, each
// transfer outside the EEA labelled with its safeguard on the arrow. A
// transfer to a recipient the activity does not list, or to its own storage
// abroad, gets a box of its own.
func (b *builder) flow(av *activity) string {
	fw := flowWordsIn(b.lang)
	c := flowchart.Chart{
		ID: av.ID, Title: fmt.Sprintf(fw.title, av.Name),
		FromCaption: fw.from, ToCaption: fw.to, Center: av.Name,
	}
	for _, s := range av.Sources {
		box := flowchart.Box{Heading: s.Name}
		for _, cat := range s.Categories {
			box.Lines = append(box.Lines, cat.Name)
		}
		c.From = append(c.From, box)
	}
	label := func(t transfer) string {
		return fmt.Sprintf(fw.transfer, t.CountryName, t.Safeguard.Name, t.Safeguard.Article)
	}
	listed := map[string]bool{}
	for _, r := range av.Recipients {
		listed[r.ID] = true
		box := flowchart.Box{Heading: r.Name, Lines: []string{r.KindName + ", " + r.CountryName}}
		for _, t := range av.Transfers {
			if !t.OwnStorage && t.Recipient.ID == r.ID {
				box.Arrow = append(box.Arrow, label(t))
			}
		}
		c.To = append(c.To, box)
	}
	for _, t := range av.Transfers {
		if !t.OwnStorage && listed[t.Recipient.ID] {
			continue
		}
		name := fw.ownStorage
		if !t.OwnStorage {
			name = t.Recipient.Name
		}
		c.To = append(c.To, flowchart.Box{Heading: name, Lines: []string{t.CountryName}, Arrow: []string{label(t)}})
	}
	c.Desc = describe(c)
	return flowchart.SVG(c)
}

// transferMap draws the hub's overview of the transfers outside the EEA: the
// organisation, and each country with the recipients there, the safeguards
// on its arrow. The countries are in the order of their names; empty when
// nothing is transferred.
func (b *builder) transferMap(v *view) string {
	if len(v.TransferGroups) == 0 {
		return ""
	}
	fw := flowWordsIn(b.lang)
	type country struct {
		name       string
		recipients []string
		safeguards []string
	}
	var countries []*country
	byCode := map[string]*country{}
	for _, g := range v.TransferGroups {
		c := byCode[g.Country]
		if c == nil {
			c = &country{name: g.CountryName}
			byCode[g.Country] = c
			countries = append(countries, c)
		}
		name := fw.ownStorage
		if !g.OwnStorage {
			name = g.Recipient.Name
		}
		if !slices.Contains(c.recipients, name) {
			c.recipients = append(c.recipients, name)
		}
		if s := fmt.Sprintf(fw.mapSafeguard, g.Safeguard.Name, g.Safeguard.Article); !slices.Contains(c.safeguards, s) {
			c.safeguards = append(c.safeguards, s)
		}
	}
	slices.SortStableFunc(countries, func(x, y *country) int {
		return strings.Compare(strings.ToLower(x.name), strings.ToLower(y.name))
	})
	chart := flowchart.Chart{ID: "transfers", Title: fw.mapTitle, ToCaption: fw.mapTo, Center: v.Organisation.Name}
	for _, c := range countries {
		chart.To = append(chart.To, flowchart.Box{Heading: c.name, Lines: c.recipients, Arrow: c.safeguards})
	}
	chart.Desc = describe(chart)
	return flowchart.SVG(chart)
}

// describe says in words what a picture shows, for screen readers: each box
// with its lines and the labels of its arrow.
func describe(c flowchart.Chart) string {
	var parts []string
	boxes := func(caption string, bs []flowchart.Box) {
		if len(bs) == 0 {
			return
		}
		var each []string
		for _, b := range bs {
			s := b.Heading
			if more := append(slices.Clone(b.Lines), b.Arrow...); len(more) > 0 {
				s += " (" + strings.Join(more, "; ") + ")"
			}
			each = append(each, s)
		}
		parts = append(parts, caption+": "+strings.Join(each, "; ")+".")
	}
	boxes(c.FromCaption, c.From)
	parts = append(parts, c.Center+".")
	boxes(c.ToCaption, c.To)
	return strings.Join(parts, " ")
}
