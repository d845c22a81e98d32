package register

import (
	"strconv"
	"strings"
)

// approxDays is an ISO 8601 duration of years, months, weeks and days in
// days, counting a year as 365 days and a month as 30: enough to order two
// periods. It returns -1 for a value the schema would not have let through.
func approxDays(iso string) int {
	rest, ok := strings.CutPrefix(iso, "P")
	if !ok || rest == "" {
		return -1
	}
	total := 0
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return -1
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil {
			return -1
		}
		switch rest[i] {
		case 'Y':
			total += 365 * n
		case 'M':
			total += 30 * n
		case 'W':
			total += 7 * n
		case 'D':
			total += n
		default:
			return -1
		}
		rest = rest[i+1:]
	}
	return total
}

// retentionRanges: the longest period of a range is longer than the shortest.
func (c *checker) retentionRanges(rec *file, a *Activity) {
	for i, r := range a.Retention {
		if r.UpTo == "" || r.Period == "" {
			continue
		}
		if from, to := approxDays(r.Period), approxDays(r.UpTo); from >= 0 && to >= 0 && to <= from {
			c.errorf(rec, dp("retention", i, "up_to"), "up_to = %q is not longer than period = %q: a range goes from the shortest period to the longest", r.UpTo, r.Period)
		}
	}
}

// PeriodDays returns an ISO 8601 duration in approximate days (a year 365, a
// month 30), enough to order two periods; -1 for a value that is not one.
func PeriodDays(iso string) int { return approxDays(iso) }
