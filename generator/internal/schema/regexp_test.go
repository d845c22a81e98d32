package schema

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// The hand matchers accept exactly what their regular expressions accept:
// on hand-picked strings and on a million random ones over the characters
// that matter.
func TestHandMatchersAgreeWithRegexp(t *testing.T) {
	picked := []string{"", "a", "a-b", "a--b", "-a", "a-", "A", "ab-12-c", "é", "NL", "nl", "NLD", "N", "P", "P7Y",
		"P18M", "P6W", "P30D", "P1Y2M3W4D", "P1M1Y", "P1Y1Y", "PY", "P1", "P1H", "PT1H", "PT30M", "PT1S", "PT", "PTH",
		"PT1H1M", "session", "sessions", "P1Y\n", "\nP1Y", "P٣D", "P1D ", " P1D"}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "PTYMWDHSessiona0192-AZz é\n"
	for range 1000000 {
		b := make([]rune, r.IntN(7))
		for i := range b {
			b[i] = []rune(alphabet)[r.IntN(len([]rune(alphabet)))]
		}
		picked = append(picked, string(b))
	}
	for pattern, match := range handMatchers {
		re := regexp.MustCompile(pattern)
		for _, s := range picked {
			if got, want := match(s), re.MatchString(s); got != want {
				t.Errorf("%s: %q: hand %v, regexp %v", pattern, s, got, want)
			}
		}
	}
}
