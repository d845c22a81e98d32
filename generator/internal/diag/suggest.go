package diag

import (
	"unicode"
	"unicode/utf8"
)

// Closest returns the candidate nearest to s (Levenshtein distance, ignoring
// case) when it is near enough to be a likely typo: at most slack edits, or a
// third of the length of s if that is more. Ties go to the candidate first in
// sort order; "" when none is near or s itself is a candidate.
//
// It costs little per candidate that cannot be near, so that looking up an
// unknown id among the 20,000 a register may hold stays cheap: a candidate
// whose length, or whose count of some letter, differs by more than the edits
// allowed is skipped without working out the distance, which is given up as
// soon as it exceeds the best so far; nothing is allocated per candidate.
func Closest(s string, candidates []string, slack int) string {
	limit := max(slack, len(s)/3)
	var m matcher
	m.a = lower(m.a[:0], s)
	for _, r := range m.a {
		m.hist[bucket(r)]++
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		n := utf8.RuneCountInString(c)
		if diff := n - len(m.a); diff > bestD || -diff > bestD {
			continue
		}
		m.b = lower(m.b[:0], c)
		if m.bagDistance() > bestD {
			continue
		}
		dist := m.distance(bestD)
		if dist < bestD || dist == bestD && c < best {
			best, bestD = c, dist
		}
	}
	if best == "" || best == s || bestD > limit {
		return ""
	}
	return best
}

// matcher holds the query and the buffers reused for every candidate.
type matcher struct {
	a, b      []rune
	hist      [128]int // letters of a by bucket
	work      [128]int
	prev, cur []int
}

func lower(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, unicode.ToLower(r))
	}
	return dst
}

// bucket puts a character in one of 128 bins; all others than ASCII share one,
// which keeps bagDistance a lower bound of the edit distance.
func bucket(r rune) int {
	if r < 127 {
		return int(r)
	}
	return 127
}

// bagDistance is a lower bound of the edit distance between a and b: each
// edit changes the count of at most one character up and one down.
func (m *matcher) bagDistance() int {
	m.work = m.hist
	for _, r := range m.b {
		m.work[bucket(r)]--
	}
	more, fewer := 0, 0
	for _, n := range m.work {
		if n > 0 {
			more += n
		} else {
			fewer -= n
		}
	}
	return max(more, fewer)
}

// distance is the Levenshtein distance between a and b, or bound+1 once it
// is certain to exceed bound.
func (m *matcher) distance(bound int) int {
	a, b := m.a, m.b
	if cap(m.prev) < len(b)+1 {
		m.prev, m.cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur := m.prev[:len(b)+1], m.cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > bound {
			return bound + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
