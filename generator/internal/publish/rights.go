package publish

import (
	"slices"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// basisRights are the rights a legal basis gives besides those every
// processing gives (access, rectification, erasure, restriction):
// portability for consent and contract (Art. 20(1)(a)), objection for
// legitimate interests and public task (Art. 21(1)), withdrawal for consent
// (Art. 7(3)).
var basisRights = map[string][]string{
	"consent":              {"portability", "withdraw-consent"},
	"contract":             {"portability"},
	"legitimate-interests": {"object"},
	"public-task":          {"object"},
}

// grant is a right that applies to an activity, and the purposes (indices)
// it applies to.
type grant struct {
	id       string
	purposes []int
}

// all reports whether the right applies to every purpose of a.
func (g grant) all(a *register.Activity) bool { return len(g.purposes) == len(a.Purposes) }

// rightsOf derives the rights a person has for an activity, per purpose, from
// the legal basis of each purpose; the Art. 22 rights apply to the whole
// activity when it takes automated decisions. Rights are in rightOrder.
func rightsOf(a *register.Activity) []grant {
	at := map[string][]int{}
	for i := range a.Purposes {
		basis := a.Resolved(i).LegalBasis
		rights := append([]string{"access", "rectification", "erasure", "restriction"}, basisRights[basis]...)
		for _, r := range rights {
			at[r] = append(at[r], i)
		}
	}
	if a.AutomatedDecisions.Used {
		for i := range a.Purposes {
			at["automated-decisions"] = append(at["automated-decisions"], i)
		}
	}
	var out []grant
	for _, id := range rightOrder {
		if ps, ok := at[id]; ok {
			out = append(out, grant{id: id, purposes: ps})
		}
	}
	return out
}

// rightIDs returns the ids of the rights of grants.
func rightIDs(gs []grant) []string {
	out := make([]string, 0, len(gs))
	for _, g := range gs {
		out = append(out, g.id)
	}
	return out
}

// purposeRights returns the ids of the rights that apply to purpose i.
func purposeRights(gs []grant, i int) []string {
	out := []string{}
	for _, g := range gs {
		if slices.Contains(g.purposes, i) {
			out = append(out, g.id)
		}
	}
	return out
}
