package review

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// render writes pieces as text: [-deleted-] and {+inserted+}.
func render(pieces []piece) string {
	var out []string
	for _, p := range pieces {
		switch p.op {
		case del:
			out = append(out, "[-"+p.text+"-]")
		case ins:
			out = append(out, "{+"+p.text+"+}")
		default:
			out = append(out, p.text)
		}
	}
	return strings.Join(out, " ")
}

func TestCompareWords(t *testing.T) {
	for _, tc := range []struct{ name, a, b, want string }{
		{"same", "We keep it 2 years.", "We keep it 2 years.", "We keep it 2 years."},
		{"a number changed", "We keep it 2 years after unsubscribing.", "We keep it 3 years after unsubscribing.", "We keep it [-2-] {+3+} years after unsubscribing."},
		{"words added at the end", "Sending news", "Sending news and offers", "Sending news {+and offers+}"},
		{"words removed at the start", "Only then we send news", "we send news", "[-Only then-] we send news"},
		{"all new", "", "Announcing offers", "{+Announcing offers+}"},
		{"white space does not count", "a  b\nc", "a b c", "a b c"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pieces, _ := compareWords(tc.a, tc.b)
			if got := render(pieces); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestCompareBlocks(t *testing.T) {
	p := func(kind, text string) Block { return Block{Kind: kind, Cells: []string{text}} }
	show := func(bs []block) string {
		var out []string
		for _, b := range bs {
			switch b.op {
			case del:
				out = append(out, "-"+b.kind+" "+b.a[0])
			case ins:
				out = append(out, "+"+b.kind+" "+b.b[0])
			default:
				if b.a[0] != b.b[0] {
					out = append(out, "~"+b.kind+" "+b.a[0]+" => "+b.b[0])
				} else {
					out = append(out, " "+b.kind+" "+b.b[0])
				}
			}
		}
		return strings.Join(out, "\n")
	}
	for _, tc := range []struct {
		name string
		a, b []Block
		want string
	}{
		{"an item added",
			[]Block{p("h2", "Purposes"), p("li", "Sending news")},
			[]Block{p("h2", "Purposes"), p("li", "Sending news"), p("li", "Announcing offers")},
			" h2 Purposes\n li Sending news\n+li Announcing offers"},
		{"an item removed",
			[]Block{p("li", "Mailer GmbH (Germany)"), p("li", "Cloud Inc. (United States)")},
			[]Block{p("li", "Cloud Inc. (United States)")},
			"-li Mailer GmbH (Germany)\n li Cloud Inc. (United States)"},
		{"a paragraph edited",
			[]Block{p("p", "We keep it 2 years after unsubscribing.")},
			[]Block{p("p", "We keep it 3 years after unsubscribing.")},
			"~p We keep it 2 years after unsubscribing. => We keep it 3 years after unsubscribing."},
		{"a paragraph replaced by another",
			[]Block{p("p", "We keep it for two years.")},
			[]Block{p("p", "Ask the DPO.")},
			"-p We keep it for two years.\n+p Ask the DPO."},
		{"one purpose in a sentence becomes a list of two",
			[]Block{p("dt", "Purposes"), p("dd", "Sending news")},
			[]Block{p("dt", "Purposes"), p("li", "Sending news"), p("li", "Announcing offers")},
			" dt Purposes\n li Sending news\n+li Announcing offers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(compareBlocks(tc.a, tc.b)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestScriptIsAnEditScript checks, on random sequences large enough to take
// the patience path, that the script keeps every element of a or b once, in
// order, and pairs only equal ones.
func TestScriptIsAnEditScript(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 6 {
		size := 50 << (2 * n) // up to 51,200: above maxCells squared
		a, b := make([]string, size), make([]string, size)
		for i := range a {
			a[i] = fmt.Sprint(r.IntN(size))
			b[i] = fmt.Sprint(r.IntN(size))
			if r.IntN(3) > 0 {
				b[i] = a[i]
			}
		}
		ia, ib, same := 0, 0, 0
		for _, e := range script(a, b) {
			switch e.op {
			case del:
				if e.a != ia {
					t.Fatalf("size %d: deletes %d, expected %d", size, e.a, ia)
				}
				ia++
			case ins:
				if e.b != ib {
					t.Fatalf("size %d: inserts %d, expected %d", size, e.b, ib)
				}
				ib++
			default:
				if e.a != ia || e.b != ib || a[e.a] != b[e.b] {
					t.Fatalf("size %d: keeps %d=%q and %d=%q, expected %d and %d", size, e.a, a[e.a], e.b, b[e.b], ia, ib)
				}
				ia, ib, same = ia+1, ib+1, same+1
			}
		}
		if ia != len(a) || ib != len(b) {
			t.Fatalf("size %d: the script ends at %d, %d", size, ia, ib)
		}
		if same < size/2 {
			t.Errorf("size %d: keeps only %d of about %d", size, same, 2*size/3)
		}
	}
}
