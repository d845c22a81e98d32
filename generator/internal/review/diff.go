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

// maxCells bounds the table of the longest common subsequence: a larger
// change is first split at the elements that occur once on each side
// (patience diff), and what stays too large is said as deleted, then
// inserted.
const maxCells = 1 << 22

// script returns an edit script from a to b, deletions before insertions
// within a change: the longest common subsequence where the change is small
// enough to compute it, anchored at the elements unique to both sides where
// it is not. The common prefix and suffix are taken off first: most of a
// notice stays the same.
func script[T comparable](a, b []T) []edit {
	var out []edit
	diffInto(&out, a, b, 0, 0)
	return out
}

// diffInto appends the script from a to b, whose indexes start at offA and
// offB in the sequences compared.
func diffInto[T comparable](out *[]edit, a, b []T, offA, offB int) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	for i := range pre {
		*out = append(*out, edit{same, offA + i, offB + i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	switch {
	case len(ma) == 0 || len(mb) == 0 || len(ma)*len(mb) <= maxCells:
		lcs(out, ma, mb, offA+pre, offB+pre)
	default:
		if !patience(out, ma, mb, offA+pre, offB+pre) {
			for i := range ma {
				*out = append(*out, edit{del, offA + pre + i, -1})
			}
			for j := range mb {
				*out = append(*out, edit{ins, -1, offB + pre + j})
			}
		}
	}
	for k := range suf {
		*out = append(*out, edit{same, offA + len(a) - suf + k, offB + len(b) - suf + k})
	}
}

// patience splits the comparison at the longest increasing run of elements
// that occur once in a and once in b, and compares the pieces between them.
// It reports false when there is no such element.
func patience[T comparable](out *[]edit, a, b []T, offA, offB int) bool {
	type seen struct{ na, nb, ia, ib int }
	count := map[T]*seen{}
	for i, x := range a {
		s := count[x]
		if s == nil {
			s = &seen{}
			count[x] = s
		}
		s.na++
		s.ia = i
	}
	for j, x := range b {
		if s := count[x]; s != nil {
			s.nb++
			s.ib = j
		}
	}
	// The unique pairs in the order of a, and the longest run of them
	// increasing in b.
	var pairs [][2]int
	for i, x := range a {
		if s := count[x]; s.na == 1 && s.nb == 1 {
			pairs = append(pairs, [2]int{i, s.ib})
		}
	}
	if len(pairs) == 0 {
		return false
	}
	var tails []int // tails[k]: index in pairs of the smallest end of a run of length k+1
	prev := make([]int, len(pairs))
	for p, pr := range pairs {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if pairs[tails[mid]][1] < pr[1] {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[p] = -1
		if lo > 0 {
			prev[p] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, p)
		} else {
			tails[lo] = p
		}
	}
	anchors := make([][2]int, len(tails))
	for k, p := len(tails)-1, tails[len(tails)-1]; k >= 0; k, p = k-1, prev[p] {
		anchors[k] = pairs[p]
	}
	i, j := 0, 0
	for _, an := range anchors {
		diffInto(out, a[i:an[0]], b[j:an[1]], offA+i, offB+j)
		*out = append(*out, edit{same, offA + an[0], offB + an[1]})
		i, j = an[0]+1, an[1]+1
	}
	diffInto(out, a[i:], b[j:], offA+i, offB+j)
	return true
}

// lcs appends the script of a longest common subsequence of a and b.
func lcs[T comparable](out *[]edit, ma, mb []T, offA, offB int) {
	n, m := len(ma), len(mb)
	// t[i][j] is the length of the longest common subsequence of ma[i:]
	// and mb[j:].
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	i, j := 0, 0
	var dels, inss []edit
	flush := func() {
		*out = append(*out, dels...)
		*out = append(*out, inss...)
		dels, inss = dels[:0], inss[:0]
	}
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j]:
			flush()
			*out = append(*out, edit{same, offA + i, offB + j})
			i++
			j++
		case j == m || (i < n && t[i+1][j] >= t[i][j+1]):
			dels = append(dels, edit{del, offA + i, -1})
			i++
		default:
			inss = append(inss, edit{ins, -1, offB + j})
			j++
		}
	}
	flush()
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
