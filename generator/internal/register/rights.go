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
	a.eachRight(func(r string, i int) { at[r] = append(at[r], i) })
	return at
}

// eachRight calls add for every right of every purpose, as RightsByPurpose
// lists them, without building the map.
func (a *Activity) eachRight(add func(right string, purpose int)) {
	for i := range a.Purposes {
		basis := a.Purposes[i].LegalBasis
		if basis == "" {
			basis = a.LegalBasis // as Resolved
		}
		add("access", i)
		add("rectification", i)
		if basis != "legal-obligation" && basis != "public-task" {
			add("erasure", i)
		}
		add("restriction", i)
		if (basis == "consent" || basis == "contract") && !a.Manual {
			add("portability", i)
		}
		if basis == "legitimate-interests" || basis == "public-task" {
			add("object", i)
		}
		if basis == "consent" {
			add("withdraw-consent", i)
		}
		if a.AutomatedDecisions.Used {
			add("automated-decisions", i)
		}
	}
}
