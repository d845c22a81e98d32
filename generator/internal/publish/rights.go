package publish

import (
	"slices"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// grant is a right that applies to an activity: the purposes (indices) it
// applies to, and the limits the GDPR puts on it there.
type grant struct {
	id       string
	purposes []int
	limits   []string // reason codes, see reasonCodes
}

// denial is a right that does not apply to an activity, and why.
type denial struct {
	id     string
	reason string // a reason code, see reasonCodes
}

// Reason codes, for limits and denials; each has words in every language.
const (
	erasureLaw        = "art17-3-b" // erasure: the processing is required by law or a public task
	erasureClaims     = "art17-3-e" // erasure: kept for legal claims
	portabilityBasis  = "art20-1-a" // portability: neither consent nor contract
	portabilityManual = "art20-1-b" // portability: not by automated means
	objectBasis       = "art21-1"   // objection: neither legitimate interests nor public task
	withdrawBasis     = "art7-3"    // withdrawal: not on consent
)

// all reports whether the right applies to every purpose of a.
func (g grant) all(a *register.Activity) bool { return len(g.purposes) == len(a.Purposes) }

// rightsOf derives the rights a person has for an activity, per purpose, as
// the GDPR grants them, from each purpose's legal basis and the activity's
// explicit fields:
//   - access, rectification and restriction (Art. 15, 16, 18): always;
//   - erasure (Art. 17): not where the processing is required by a legal
//     obligation or a public task (Art. 17(3)(b)); limited where data is kept
//     for legal claims (legal_claims, Art. 17(3)(e));
//   - portability (Art. 20(1)): on consent or contract, by automated means
//     (not manual);
//   - objection (Art. 21(1)): on legitimate interests or public task;
//   - withdrawing consent (Art. 7(3)): on consent;
//   - the Art. 22 rights: when the activity takes automated decisions.
//
// Rights are in rightOrder. The rights that do not apply at all are returned
// with the reason.
func rightsOf(a *register.Activity) ([]grant, []denial) {
	at := map[string][]int{}
	erasureExcluded := false
	contractOrConsent := false
	for i := range a.Purposes {
		basis := a.Resolved(i).LegalBasis
		add := func(r string) { at[r] = append(at[r], i) }
		add("access")
		add("rectification")
		if basis == "legal-obligation" || basis == "public-task" {
			erasureExcluded = true
		} else {
			add("erasure")
		}
		add("restriction")
		if basis == "consent" || basis == "contract" {
			contractOrConsent = true
			if !a.Manual {
				add("portability")
			}
		}
		if basis == "legitimate-interests" || basis == "public-task" {
			add("object")
		}
		if basis == "consent" {
			add("withdraw-consent")
		}
		if a.AutomatedDecisions.Used {
			add("automated-decisions")
		}
	}
	var grants []grant
	var denials []denial
	for _, id := range rightOrder {
		ps, ok := at[id]
		if ok {
			g := grant{id: id, purposes: ps}
			if id == "erasure" {
				if erasureExcluded {
					g.limits = append(g.limits, erasureLaw)
				}
				if a.LegalClaims {
					g.limits = append(g.limits, erasureClaims)
				}
			}
			grants = append(grants, g)
			continue
		}
		switch id {
		case "erasure":
			denials = append(denials, denial{id, erasureLaw})
		case "portability":
			if contractOrConsent {
				denials = append(denials, denial{id, portabilityManual})
			} else {
				denials = append(denials, denial{id, portabilityBasis})
			}
		case "object":
			denials = append(denials, denial{id, objectBasis})
		case "withdraw-consent":
			denials = append(denials, denial{id, withdrawBasis})
		}
	}
	return grants, denials
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
