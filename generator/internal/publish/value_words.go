package publish

// ValueWords are the site's words for record values in one language, for
// another package that writes sentences the site shows (the change log), so
// that a legal basis, a safeguard, a period or a date reads the same there
// as on the activity's page.
type ValueWords struct{ w *words }

// WordsFor returns the value words of lang (English when the generator has
// no words of its own for it).
func WordsFor(lang string) ValueWords { return ValueWords{wordsFor(lang)} }

// Date renders a YYYY-MM-DD date in words, or returns it as is when it is
// not one.
func (v ValueWords) Date(iso string) string {
	s, err := v.w.date(iso)
	if err != nil {
		return iso
	}
	return s
}

// LegalBasis names a legal basis ("toestemming", "consent").
func (v ValueWords) LegalBasis(basis string) string {
	if n, ok := v.w.legalBases[basis]; ok {
		return n.Name
	}
	return basis
}

// Safeguard names a transfer safeguard.
func (v ValueWords) Safeguard(s string) string {
	if n, ok := v.w.safeguards[s]; ok {
		return n.Name
	}
	return s
}

// Period renders an ISO 8601 period in words, or returns it as is.
func (v ValueWords) Period(iso string) string {
	s, err := v.w.duration(iso)
	if err != nil {
		return iso
	}
	return s
}

// CookieCategory names a consent category of cookies.
func (v ValueWords) CookieCategory(c string) string {
	if s, ok := v.w.cookieCategories[c]; ok {
		return s
	}
	return c
}

// List joins items as "a", "a and b", "a, b and c".
func (v ValueWords) List(items []string) string { return v.w.list(items) }

// Lifetime renders how long a cookie stays on a device, or returns it as is.
func (v ValueWords) Lifetime(iso string) string {
	s, err := v.w.lifetime(iso)
	if err != nil {
		return iso
	}
	return s
}
