package flowchart

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// esc escapes a text for SVG markup: <, >, &, ' and ".
func esc(s string) string { return html.EscapeString(s) }

// clean removes what must not reach the picture: control characters
// (NUL, escape; white space such as line breaks becomes a space), the bidirectional formatting characters
// that would let a name reorder the text around it (embeddings, overrides,
// isolates and marks), and the non-characters XML does not allow; runs of
// white space become one space.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
			continue
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wrap cleans a text and breaks it into lines of at most n characters, at
// spaces where it can; a word longer than a line is cut.
func wrap(s string, n int) []string {
	if n < 1 {
		n = 1
	}
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(clean(s)) {
		w := []rune(word)
		for len(w) > n {
			if len(cur) > 0 {
				lines = append(lines, string(cur))
				cur = nil
			}
			lines = append(lines, string(w[:n]))
			w = w[n:]
		}
		switch {
		case len(cur) == 0:
			cur = w
		case len(cur)+1+len(w) <= n:
			cur = append(append(cur, ' '), w...)
		default:
			lines = append(lines, string(cur))
			cur = w
		}
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// clip keeps at most n lines, ending the last kept line with an ellipsis
// when lines were left out.
func clip(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	out := append([]string{}, lines[:n]...)
	last := []rune(out[n-1])
	if len(last) > 1 {
		last = last[:len(last)-1]
	}
	out[n-1] = strings.TrimRight(string(last), " ") + "…"
	return out
}

// cleanID makes an id for the picture: "flow-" and the letters, digits and
// hyphens of id, lower-cased.
func cleanID(id string) string {
	var b strings.Builder
	b.WriteString("flow-")
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
