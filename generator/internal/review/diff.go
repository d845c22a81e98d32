package review

import "strings"

// op is one step of an edit script.
type op int

const (
	same op = iota
	del
	ins
)

// edit is one step of an edit script: an element of a (del), of b (ins) or
// of both (same).
type edit struct {
	op   op
	a, b int // indexes into a and b; -1 when not used
}

// script returns a shortest edit script from a to b (longest common
// subsequence), deletions before insertions within a change. The common
// prefix and suffix are taken off first: most of a notice stays the same.
func script[T comparable](a, b []T) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []edit
	for i := range pre {
		out = append(out, edit{same, i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	// lcs[i][j] is the length of the longest common subsequence of ma[i:]
	// and mb[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	var dels, inss []edit
	flush := func() {
		out = append(out, dels...)
		out = append(out, inss...)
		dels, inss = dels[:0], inss[:0]
	}
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j]:
			flush()
			out = append(out, edit{same, pre + i, pre + j})
			i++
			j++
		case j == m || (i < n && lcs[i+1][j] >= lcs[i][j+1]):
			dels = append(dels, edit{del, pre + i, -1})
			i++
		default:
			inss = append(inss, edit{ins, -1, pre + j})
			j++
		}
	}
	flush()
	for k := range suf {
		out = append(out, edit{same, len(a) - suf + k, len(b) - suf + k})
	}
	return out
}

// piece is a run of words of one side, or of both.
type piece struct {
	op   op
	text string
}

// compareWords compares two texts word by word and returns the runs of words kept,
// deleted and inserted, and how many words they share.
func compareWords(a, b string) (out []piece, common int) {
	wa, wb := strings.Fields(a), strings.Fields(b)
	var cur []string
	curOp := same
	emit := func() {
		if len(cur) > 0 {
			out = append(out, piece{curOp, strings.Join(cur, " ")})
		}
		cur = cur[:0]
	}
	for _, e := range script(wa, wb) {
		if e.op != curOp {
			emit()
			curOp = e.op
		}
		switch e.op {
		case same:
			cur = append(cur, wa[e.a])
			common++
		case del:
			cur = append(cur, wa[e.a])
		case ins:
			cur = append(cur, wb[e.b])
		}
	}
	emit()
	return out, common
}
