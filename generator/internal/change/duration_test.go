package change

import "testing"

func TestCompareDurations(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		cmp  int
		ok   bool
	}{
		{"P1Y", "P12M", 0, true},
		{"P2Y", "P3Y", -1, true},
		{"P30D", "P1M", -1, true}, // a mean month is 30.44 days
		{"P31D", "P1M", 1, true},
		{"P1W", "P7D", 0, true},
		{"PT24H", "P1D", 0, true},
		{"P1Y6M", "P18M", 0, true},
		{"P0,5Y", "P6M", 0, true},
		{"P1.5Y", "P2Y", -1, true},
		{"P7Y", "P6Y11M", 1, true},
		{"P", "P1Y", 0, false},
		{"P1YT", "P1Y", 0, false},
		{"1Y", "P1Y", 0, false},
		{"P1Y", "until deleted", 0, false},
	} {
		cmp, ok := compareDurations(tc.a, tc.b)
		if cmp != tc.cmp || ok != tc.ok {
			t.Errorf("compareDurations(%q, %q) = %d, %v; want %d, %v", tc.a, tc.b, cmp, ok, tc.cmp, tc.ok)
		}
	}
}
