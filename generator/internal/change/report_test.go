package change

import "testing"

func TestCellKeepsTheTableWhole(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"pipe", `new purpose "A | B"`, `new purpose "A \| B"`},
		{"newline", "two\nlines", "two lines"},
		{"html", "<script>", "&lt;script&gt;"},
		{"emphasis", "*bold* and _it_", `\*bold\* and \_it\_`},
		{"code and link", "`x` [y](z)", "\\`x\\` \\[y](z)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cell(tc.in); got != tc.want {
				t.Errorf("cell(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
