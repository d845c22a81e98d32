package diag

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var sample = List{
	{File: "data/activities/pay.toml", Line: 12, Col: 13, Len: 5, Path: "transfers[1].safeguard", Message: `"dpa" is not allowed; use one of adequacy, scc, bcr, dpf, art49-derogation`, Source: `safeguard = "dpa"`},
	{File: "data/activities/pay.toml", Line: 3, Col: 2, Len: 9, Path: "retention", Severity: Warning, Message: `data category "email" has no retention rule`, Source: "\tretention = []"},
	{File: "data/activities/pay.toml", Line: 3, Col: 2, Len: 9, Path: "retention", Severity: Warning, Message: `data category "email" has no retention rule`, Source: "\tretention = []"},
	{File: "data/organisation.toml", Path: "dpo", Message: "a, b: c\nd % e"},
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	if err := WriteText(&b, slices.Clone(sample).Sort()); err != nil {
		t.Fatal(err)
	}
	want := `data/activities/pay.toml:3:2: retention: warning: data category "email" has no retention rule
   |
 3 |     retention = []
   |     ^^^^^^^^^
data/activities/pay.toml:12:13: transfers[1].safeguard: "dpa" is not allowed; use one of adequacy, scc, bcr, dpf, art49-derogation
    |
 12 | safeguard = "dpa"
    |             ^^^^^
data/organisation.toml: dpo: a, b: c
d % e
2 errors, 1 warning
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteTextCutsLongLinesAndControlCharacters(t *testing.T) {
	long := strings.Repeat("a.", 200) + "b = \x1b[31m"
	var b strings.Builder
	WriteText(&b, List{{File: "x.toml", Line: 1, Col: 405, Len: 5, Message: "m", Source: long}})
	want := "x.toml:1:405: m\n" +
		"   |\n" +
		" 1 | …" + strings.Repeat(".a", 45) + ".b = \uFFFD[31m\n" +
		"   | " + strings.Repeat(" ", 96) + "^^^^^\n" +
		"1 error, 0 warnings\n"
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b strings.Builder
	if err := WriteJSON(&b, sample[:1]); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "file": "data/activities/pay.toml",
    "line": 12,
    "column": 13,
    "path": "transfers[1].safeguard",
    "severity": "error",
    "message": "\"dpa\" is not allowed; use one of adequacy, scc, bcr, dpf, art49-derogation"
  }
]
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	b.Reset()
	if err := WriteJSON(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("empty list: got %q, %v; want []", b.String(), err)
	}
}

func TestWriteGitHub(t *testing.T) {
	var b strings.Builder
	if err := WriteGitHub(&b, List{sample[1], sample[3]}); err != nil {
		t.Fatal(err)
	}
	want := `::warning file=data/activities/pay.toml,line=3,col=2,title=retention::data category "email" has no retention rule
::error file=data/organisation.toml,title=dpo::a, b: c%0Ad %25 e
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		s     string
		cands []string
		slack int
		want  string
	}{
		{"dpa", []string{"adequacy", "scc", "bcr", "dpf", "art49-derogation"}, 1, "dpf"},
		{"purpose", []string{"purposes", "name"}, 1, "purposes"},
		{"custmers", []string{"customers", "employees"}, 2, "customers"},
		{"Purposes", []string{"purposes"}, 1, "purposes"},
		{"purposes", []string{"purposes"}, 1, ""},
		{"xyz", []string{"purposes", "name"}, 1, ""},
		{"", nil, 2, ""},
	} {
		if got := Closest(tc.s, tc.cands, tc.slack); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

// TestWriteTextCutsMegabyteLines: the excerpt of a diagnostic in a line of
// megabytes is cut before any work on the whole line, and shows the same as
// for a short line.
func TestWriteTextCutsMegabyteLines(t *testing.T) {
	long := strings.Repeat("é", 1<<20) + "x = 1"
	var b strings.Builder
	l := List{}
	for i := range 100 {
		l = append(l, Diagnostic{File: "x.toml", Line: 1, Col: 500000 + i, Len: 1, Message: "m", Source: long})
	}
	WriteText(&b, l)
	want := "x.toml:1:500000: m\n" +
		"   |\n" +
		" 1 | …" + strings.Repeat("é", 100) + "…\n" +
		"   | " + strings.Repeat(" ", 34) + "^\n"
	if got := b.String(); !strings.HasPrefix(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", got[:min(len(got), 600)], want)
	}
}

// BenchmarkClosest looks up one unknown id among 20,000 (the most keys a
// register file may hold): the cost per candidate that cannot be near stays
// small, so 100 shown diagnostics per file cost milliseconds, not minutes.
func BenchmarkClosest(b *testing.B) {
	cands := make([]string, 20000)
	for i := range cands {
		cands[i] = fmt.Sprintf("measure-%05d-%s", i, strings.Repeat("x", i%7))
	}
	b.ResetTimer()
	for b.Loop() {
		Closest("measure-1234x-xyz", cands, 2)
	}
}
