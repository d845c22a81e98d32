package diag

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to s (Levenshtein distance, ignoring
// case) when it is near enough to be a likely typo: at most slack edits, or a
// third of the length of s if that is more. Ties go to the candidate first in
// sort order; "" when none is near or s itself is a candidate.
//
// It costs little per candidate that cannot be near: a length that differs by
// more than the edits allowed is skipped, and a distance is given up as soon
// as it exceeds the best so far; so looking up 100,000 ids among thousands
// stays linear in practice.
func Closest(s string, candidates []string, slack int) string {
	limit := max(slack, len(s)/3)
	ls := []rune(strings.ToLower(s))
	best, bestD := "", limit+1
	var d distancer
	for _, c := range candidates {
		n := utf8.RuneCountInString(c)
		if n-len(ls) > limit || len(ls)-n > limit || n-len(ls) >= bestD+1 || len(ls)-n >= bestD+1 {
			continue
		}
		dist := d.distance(ls, []rune(strings.ToLower(c)), bestD)
		if dist < bestD || dist == bestD && c < best {
			best, bestD = c, dist
		}
	}
	if best == "" || best == s || bestD > limit {
		return ""
	}
	return best
}

// distancer holds the rows of the Levenshtein table between calls.
type distancer struct{ prev, cur []int }

// distance is the Levenshtein distance between a and b, or a number above
// bound once it is certain to exceed bound.
func (d *distancer) distance(a, b []rune, bound int) int {
	if cap(d.prev) < len(b)+1 {
		d.prev, d.cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur := d.prev[:len(b)+1], d.cur[:len(b)+1]
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
