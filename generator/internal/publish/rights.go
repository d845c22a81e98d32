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
// the GDPR grants them (register.Activity.RightsByPurpose), with the limits
// the GDPR puts on erasure (Art. 17(3)(b), and legal_claims for 17(3)(e)).
// Rights are in rightOrder. The rights that do not apply at all are returned
// with the reason.
func rightsOf(a *register.Activity) ([]grant, []denial) {
	at := a.RightsByPurpose()
	bases := a.LegalBases()
	erasureExcluded := slices.Contains(bases, "legal-obligation") || slices.Contains(bases, "public-task")
	contractOrConsent := slices.Contains(bases, "contract") || slices.Contains(bases, "consent")
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
