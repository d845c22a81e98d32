package register

import (
	"slices"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// legalBasisValues are the values of legal_basis, as the schema lists them.
const legalBasisValues = "consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests"

// legalBasis: every purpose has a legal basis, its own or the activity's,
// and each basis has what it needs stated (Art. 6, 7(3), 13(1)(d)).
func (c *checker) legalBasis(rec *file, a *Activity) {
	// basisAt is where purpose i's basis is written: its own key, or the
	// activity's legal_basis.
	basisAt := func(i int) []string {
		if a.Purposes[i].LegalBasis != "" {
			return dp("purposes", i, "legal_basis")
		}
		return dp("legal_basis")
	}
	var without []int
	for i := range a.Purposes {
		if a.Resolved(i).LegalBasis == "" {
			without = append(without, i)
		}
	}
	switch {
	case len(without) > 0 && len(without) == len(a.Purposes):
		c.report(rec, dp("purposes"), true, diag.Error, "no legal basis: add legal_basis = \"...\" (one of %s) for all purposes, or give each purpose its own: [[purposes]] purpose = { ... } legal_basis = \"contract\"", legalBasisValues)
	default:
		for _, i := range without {
			c.errorf(rec, dp("purposes", i), "this purpose has no legal basis and the activity names none: add legal_basis to the activity or write this purpose as a table with its own")
		}
	}

	// What the activity states once, for the purposes that state nothing.
	usesInterest, usesLaw, activityLI, activityLaw := false, false, false, false
	for i, p := range a.Purposes {
		r := a.Resolved(i)
		switch r.LegalBasis {
		case "legitimate-interests":
			if len(p.LegitimateInterest) == 0 {
				usesInterest = true
				activityLI = activityLI || p.LegalBasis == ""
				if len(a.LegitimateInterest) == 0 && p.LegalBasis != "" {
					c.errorf(rec, basisAt(i), "legitimate interests need the interest stated: add legitimate_interest to this purpose (Art. 13(1)(d))")
				}
			}
		case "legal-obligation", "public-task":
			if len(p.Law) == 0 {
				usesLaw = true
				activityLaw = activityLaw || p.LegalBasis == ""
				if len(a.Law) == 0 && p.LegalBasis != "" {
					c.errorf(rec, basisAt(i), "%s needs the law that sets it: add law to this purpose (Art. 6(3))", r.LegalBasis)
				}
			}
		}
		if len(p.LegitimateInterest) > 0 && r.LegalBasis != "legitimate-interests" && r.LegalBasis != "" {
			c.report(rec, dp("purposes", i, "legitimate_interest"), true, diag.Error, "legitimate_interest belongs only to legal_basis = \"legitimate-interests\", not %q", r.LegalBasis)
		}
		if len(p.Law) > 0 && r.LegalBasis != "legal-obligation" && r.LegalBasis != "public-task" && r.LegalBasis != "" {
			c.report(rec, dp("purposes", i, "law"), true, diag.Error, "law belongs only to legal_basis = \"legal-obligation\" or \"public-task\", not %q", r.LegalBasis)
		}
	}
	if activityLI && len(a.LegitimateInterest) == 0 {
		c.errorf(rec, dp("legal_basis"), "legitimate interests need the interest stated: add legitimate_interest (Art. 13(1)(d))")
	}
	if activityLaw && len(a.Law) == 0 {
		c.errorf(rec, dp("legal_basis"), "%s needs the law that sets it: add law (Art. 6(3))", a.LegalBasis)
	}
	if len(a.LegitimateInterest) > 0 && !usesInterest {
		if a.LegalBasis != "" && a.LegalBasis != "legitimate-interests" {
			c.report(rec, dp("legitimate_interest"), true, diag.Error, "legitimate_interest belongs only to legal_basis = \"legitimate-interests\", not %q", a.LegalBasis)
		} else {
			c.report(rec, dp("legitimate_interest"), true, diag.Error, "legitimate_interest applies to no purpose: every purpose on legitimate interests states its own, and the others are on other bases")
		}
	}
	if len(a.Law) > 0 && !usesLaw && a.LegalBasis != "" {
		c.report(rec, dp("law"), true, diag.Warning, "law applies to no purpose: it is for purposes on legal-obligation or public-task")
	}
	hasLIA := a.Internal != nil && a.Internal.LIA != ""
	for i := range a.Purposes {
		if a.Resolved(i).LegalBasis == "legitimate-interests" && !hasLIA {
			c.warnf(rec, basisAt(i), "legitimate interests without a recorded balancing test: add its reference in [internal] lia = \"...\" (Art. 6(1)(f), 5(2)); until then the site does not say the interests were weighed")
			break
		}
	}
	for i := range a.Purposes {
		if a.Resolved(i).LegalBasis == "consent" && !slices.ContainsFunc(a.Choices, func(ch Choice) bool { return ch.Kind == "withdraw-consent" }) {
			c.errorf(rec, basisAt(i), "consent needs a way to withdraw it: add a choice with kind = \"withdraw-consent\" (Art. 7(3))")
			break
		}
	}
}

// specialCategories: special categories need an Art. 9(2) condition, given
// for the activity or for the purposes that use them.
func (c *checker) specialCategories(rec *file, a *Activity) {
	var conditions [][]string // where a condition is written
	if a.SpecialCategoryCondition != "" {
		conditions = append(conditions, dp("special_category_condition"))
	}
	for i, p := range a.Purposes {
		if p.SpecialCategoryCondition != "" {
			conditions = append(conditions, dp("purposes", i, "special_category_condition"))
		}
	}
	special := false
	for i, id := range a.Categories {
		cat, ok := c.reg.Categories[id]
		if !ok || !cat.Special {
			continue
		}
		special = true
		if len(conditions) == 0 {
			c.errorf(rec, dp("categories", i), "%q is a special category of personal data: state the Art. 9(2) condition in special_category_condition", id)
		}
	}
	if !special {
		for _, p := range conditions {
			c.report(rec, p, true, diag.Warning, "no data category of this activity is special; special_category_condition applies to none")
		}
	}
}
