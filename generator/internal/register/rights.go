package register

// RightsByPurpose returns, for each right the activity grants, the indices
// of the purposes it applies to, as the GDPR grants it from each purpose's
// legal basis and the activity's explicit fields:
//   - access, rectification and restriction (Art. 15, 16, 18): always;
//   - erasure (Art. 17): not where the processing is required by a legal
//     obligation or a public task (Art. 17(3)(b));
//   - portability (Art. 20(1)): on consent or contract, by automated means
//     (not manual);
//   - objection (Art. 21(1)): on legitimate interests or public task;
//   - withdrawing consent (Art. 7(3)): on consent;
//   - the Art. 22 rights: when the activity takes automated decisions.
//
// The site, the workbook and the rules all ask this one function.
func (a *Activity) RightsByPurpose() map[string][]int {
	at := map[string][]int{}
	for i := range a.Purposes {
		basis := a.Resolved(i).LegalBasis
		add := func(r string) { at[r] = append(at[r], i) }
		add("access")
		add("rectification")
		if basis != "legal-obligation" && basis != "public-task" {
			add("erasure")
		}
		add("restriction")
		if (basis == "consent" || basis == "contract") && !a.Manual {
			add("portability")
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
	return at
}
