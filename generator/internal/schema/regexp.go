package schema

import (
	"regexp"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The patterns the schemas use on most values: ids (every reference of an
// activity), country codes and ISO 8601 periods. They are matched by hand,
// accepting exactly the strings the regular expression accepts
// (TestHandMatchersAgreeWithRegexp), because the regexp engine was a tenth
// of validation at 10,000 activities. Any other pattern uses Go's regexp.
const (
	countryRegexp  = `^[A-Z]{2}$`
	periodRegexp   = `^P(?:\d+Y(?:\d+M)?(?:\d+W)?(?:\d+D)?|\d+M(?:\d+W)?(?:\d+D)?|\d+W(?:\d+D)?|\d+D)$`
	lifetimeRegexp = `^(?:session|P(?:\d+Y(?:\d+M)?(?:\d+W)?(?:\d+D)?|\d+M(?:\d+W)?(?:\d+D)?|\d+W(?:\d+D)?|\d+D)|PT\d+[HMS])$`
)

var handMatchers = map[string]func(string) bool{
	idRegexp:       isID,
	countryRegexp:  isCountryCode,
	periodRegexp:   isPeriod,
	lifetimeRegexp: isLifetime,
}

// regexps compiles the patterns of one Load, each once: the $defs inlined
// into every place that uses them (see inline) repeat the same few patterns
// many times. A compiled regexp is safe for concurrent use.
type regexps map[string]jsonschema.Regexp

func (r regexps) compile(s string) (jsonschema.Regexp, error) {
	if re, ok := r[s]; ok {
		return re, nil
	}
	re, err := compileRegexp(s)
	if err == nil {
		r[s] = re
	}
	return re, err
}

// compileRegexp is the regexp engine of the compiler. The compiled regexp is
// kept for its text, which messages quote.
func compileRegexp(s string) (jsonschema.Regexp, error) {
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, err
	}
	if m, ok := handMatchers[s]; ok {
		return &handMatched{re, m}, nil
	}
	return re, nil
}

type handMatched struct {
	*regexp.Regexp
	match func(string) bool
}

func (h *handMatched) MatchString(s string) bool { return h.match(s) }

// isID matches ^[a-z0-9]+(-[a-z0-9]+)*$.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// isCountryCode matches ^[A-Z]{2}$.
func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// isPeriod matches P followed by one or more of nY, nM, nW, nD, in that
// order, each at most once.
func isPeriod(s string) bool {
	if len(s) < 3 || s[0] != 'P' {
		return false
	}
	const units = "YMWD"
	next := 0 // the first unit still allowed
	for i := 1; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j == len(s) {
			return false
		}
		u := indexByte(units[next:], s[j])
		if u < 0 {
			return false
		}
		next += u + 1
		i = j + 1
	}
	return true
}

// isLifetime matches session, a period, or PT with one number of hours,
// minutes or seconds.
func isLifetime(s string) bool {
	if s == "session" || isPeriod(s) {
		return true
	}
	if len(s) < 4 || s[0] != 'P' || s[1] != 'T' {
		return false
	}
	for i := 2; i < len(s)-1; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	switch s[len(s)-1] {
	case 'H', 'M', 'S':
		return true
	}
	return false
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
