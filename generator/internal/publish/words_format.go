package publish

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// duration renders an ISO 8601 duration of years, months, weeks and days
// ("P7Y", "P1Y6M", "P30D") in words: "7 jaar", "1 jaar en 6 maanden", "30 days".
func (w *words) duration(iso string) (string, error) {
	rest, ok := strings.CutPrefix(iso, "P")
	if !ok || rest == "" {
		return "", fmt.Errorf("period %q: not an ISO 8601 duration such as P7Y, P18M or P30D", iso)
	}
	var parts []string
	order := "YMWD"
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return "", fmt.Errorf("period %q: not an ISO 8601 duration such as P7Y, P18M or P30D", iso)
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil {
			return "", fmt.Errorf("period %q: %v", iso, err)
		}
		unit := rest[i]
		at := strings.IndexByte(order, unit)
		if at < 0 {
			return "", fmt.Errorf("period %q: unit %q is not one of Y, M, W, D (in that order)", iso, unit)
		}
		order = order[at+1:]
		form := w.units[unit][1]
		if n == 1 {
			form = w.units[unit][0]
		}
		parts = append(parts, strconv.Itoa(n)+" "+form)
		rest = rest[i+1:]
	}
	return w.list(parts), nil
}

// lifetime renders how long a cookie stays on a device: "session", an
// ISO 8601 duration of days and longer, or of hours, minutes or seconds
// ("PT30M"), in words.
func (w *words) lifetime(iso string) (string, error) {
	if iso == "session" {
		return w.session, nil
	}
	rest, ok := strings.CutPrefix(iso, "PT")
	if !ok {
		return w.duration(iso)
	}
	if len(rest) < 2 {
		return "", fmt.Errorf("lifetime %q: not an ISO 8601 duration such as PT30M", iso)
	}
	unit := rest[len(rest)-1]
	forms, ok := w.timeUnits[unit]
	n, err := strconv.Atoi(rest[:len(rest)-1])
	if !ok || err != nil || n < 0 {
		return "", fmt.Errorf("lifetime %q: not an ISO 8601 duration such as PT1H, PT30M or PT10S", iso)
	}
	if n == 1 {
		return "1 " + forms[0], nil
	}
	return strconv.Itoa(n) + " " + forms[1], nil
}

// list joins items as "a", "a and b", "a, b and c".
func (w *words) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + w.and + " " + items[len(items)-1]
}

// date renders a YYYY-MM-DD date as "22 november 2026" or "22 November 2026".
func (w *words) date(iso string) (string, error) {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "", fmt.Errorf("date %q: not a date in the form YYYY-MM-DD", iso)
	}
	return fmt.Sprintf("%d %s %d", t.Day(), w.months[t.Month()-1], t.Year()), nil
}

// legalBasisArticle cites the letter of Art. 6(1) for a legal basis.
func (w *words) legalBasisArticle(basis string) string {
	letter, ok := legalBasisLetter[basis]
	if !ok {
		return ""
	}
	return fmt.Sprintf(w.article6, letter)
}

// conditionArticle cites the letter of Art. 9(2) for a condition "art9-2-x".
func (w *words) conditionArticle(cond string) string {
	letter, ok := strings.CutPrefix(cond, "art9-2-")
	if !ok {
		return ""
	}
	return fmt.Sprintf(w.article9, letter)
}

// rightArticle cites the article of a right.
func (w *words) rightArticle(right string) string {
	return fmt.Sprintf(w.article, w.rightArticles[right])
}

// requirement says in words whether providing the data is required.
func (w *words) requirement(statutory, contractual bool) string {
	switch {
	case statutory && contractual:
		return w.statutoryAndContractual
	case statutory:
		return w.statutory
	case contractual:
		return w.contractual
	}
	return w.notRequired
}

// sameUnit reports whether two unit words (singular or plural) name the same
// unit, so that "1 to 2 years" can drop the first.
func (w *words) sameUnit(a, b string) bool {
	for _, forms := range w.units {
		if (a == forms[0] || a == forms[1]) && (b == forms[0] || b == forms[1]) {
			return true
		}
	}
	return false
}
