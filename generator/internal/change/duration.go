package change

import (
	"regexp"
	"strconv"
	"strings"
)

// duration matches the ISO 8601 durations the schema allows: PnYnMnWnD and
// a time part TnHnMnS.
var duration = regexp.MustCompile(`^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$`)

// days of each unit of a duration, in the order of the pattern's groups: a
// year is 365.2425 days (the Gregorian mean), a month a twelfth of it.
var days = []float64{365.2425, 365.2425 / 12, 7, 1, 1.0 / 24, 1.0 / 1440, 1.0 / 86400}

// compareDurations compares two ISO 8601 durations by their mean length: -1
// when a is shorter than b, 1 when longer, 0 when as long (P1Y and P12M).
// ok is false when either is not a duration.
func compareDurations(a, b string) (cmp int, ok bool) {
	da, oka := length(a)
	db, okb := length(b)
	switch {
	case !oka || !okb:
		return 0, false
	case da < db:
		return -1, true
	case da > db:
		return 1, true
	}
	return 0, true
}

// length returns a duration's mean length in days.
func length(d string) (float64, bool) {
	m := duration.FindStringSubmatch(d)
	if m == nil || d == "P" || d[len(d)-1] == 'T' {
		return 0, false
	}
	total := 0.0
	for i, g := range m[1:] {
		if g == "" {
			continue
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(g, ",", "."), 64)
		if err != nil {
			return 0, false
		}
		total += n * days[i]
	}
	return total, true
}
