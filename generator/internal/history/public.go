package history

import (
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// publicPart returns the part of a register the public sees: the public
// activities without their internal fields, the definitions they use
// without theirs, and the organisation without its internal notes, version
// and date (those mark a version; they are not a change of the notice), nor
// the review interval and reviewed dates, which are not published.
// Comparing two public parts finds only changes the public can see.
func publicPart(reg *register.Register) *register.Register {
	p := &register.Register{
		Languages: reg.Languages, DefaultLanguage: reg.DefaultLanguage,
		Organisation: reg.Organisation,
		Subjects:     map[string]*register.Subject{},
		Categories:   map[string]*register.Category{},
		Recipients:   map[string]*register.Recipient{},
		Measures:     map[string]*register.Measure{},
		Order:        reg.Order,
	}
	p.Organisation.Internal = nil
	p.Organisation.Version, p.Organisation.EffectiveDate, p.Organisation.ReviewInterval = "", "", ""
	for _, a := range reg.Activities {
		if a == nil || !a.IsPublic() {
			continue
		}
		c := *a
		c.Internal, c.Public, c.Draft, c.Reviewed = nil, nil, false, "" // reviewed is never published
		p.Activities = append(p.Activities, &c)
		use(p.Subjects, reg.Subjects, a.Subjects)
		use(p.Categories, reg.Categories, a.Categories)
		use(p.Measures, reg.Measures, a.Measures)
		for _, id := range a.Recipients {
			useRecipient(p, reg, id)
		}
		for _, t := range a.Transfers {
			useRecipient(p, reg, t.Recipient)
		}
		for _, r := range a.Retention {
			use(p.Categories, reg.Categories, r.Categories)
		}
		for _, ck := range a.Cookies {
			useRecipient(p, reg, ck.Recipient)
		}
	}
	return p
}

func use[T any](into, from map[string]*T, ids []string) {
	for _, id := range ids {
		if d := from[id]; d != nil {
			into[id] = d
		}
	}
}

func useRecipient(p, reg *register.Register, id string) {
	r := reg.Recipients[id]
	if r == nil {
		return
	}
	c := *r
	c.Internal = nil
	p.Recipients[id] = &c
}
