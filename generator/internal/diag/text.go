package diag

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText prints each diagnostic as `file:line:col: path: message`, followed
// by the offending source line with a caret under the value, then a summary.
// It writes as it goes: the output of many diagnostics is never held whole.
func WriteText(w io.Writer, l List) error {
	b := bufio.NewWriter(w)
	for _, d := range l {
		b.WriteString(d.header())
		b.WriteByte('\n')
		if d.Line > 0 && !blank(d.Source) {
			writeExcerpt(b, d)
		}
	}
	if errs, warns := l.Count(); errs+warns > 0 {
		fmt.Fprintf(b, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	}
	return b.Flush()
}

// blank reports whether s holds only white space, looking no further than
// the first other character (a source line can be megabytes long).
func blank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\r' && r != '\n' {
			return false
		}
	}
	return true
}

// maxField is the most characters of a path or message printed: a value
// quoted in a message (an unknown id, a wrong enum value) can be megabytes.
const maxField = 500

// clip cuts s to maxField characters, with "…" where text is left out.
func clip(s string) string {
	if len(s) <= maxField {
		return s
	}
	n := 0
	for i := range s {
		if n == maxField {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

func (d Diagnostic) header() string {
	var b strings.Builder
	b.WriteString(clip(sanitize(d.File)))
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, d.Col)
	}
	b.WriteString(": ")
	if d.Path != "" {
		b.WriteString(clip(d.Path))
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(clip(d.Message))
	return b.String()
}

func writeExcerpt(b *bufio.Writer, d Diagnostic) {
	num := fmt.Sprint(d.Line)
	pad := strings.Repeat(" ", len(num))
	line, col := around(d.Source, d.Col)
	line, col = expandTabs(sanitize(line), col)
	line, col = window(line, col, max(d.Len, 1))
	fmt.Fprintf(b, " %s |\n", pad)
	fmt.Fprintf(b, " %s | %s\n", num, line)
	n := max(d.Len, 1)
	if rest := utf8.RuneCountInString(line) - (col - 1); n > rest {
		n = max(rest, 1)
	}
	fmt.Fprintf(b, " %s | %s%s\n", pad, strings.Repeat(" ", col-1), strings.Repeat("^", n))
}

// expandTabs replaces tabs by spaces (to the next multiple of 4) and moves the
// column with them, so the caret lines up in every terminal.
func expandTabs(s string, col int) (string, int) {
	if !strings.Contains(s, "\t") {
		return s, col
	}
	var b strings.Builder
	newCol := col
	w := 0
	for i, r := range []rune(s) {
		if r == '\t' {
			n := 4 - w%4
			b.WriteString(strings.Repeat(" ", n))
			if i < col-1 {
				newCol += n - 1
			}
			w += n
			continue
		}
		b.WriteRune(r)
		w++
	}
	return b.String(), newCol
}

// around cuts a long source line to the part that can be shown around
// column col, by bytes, before any work on the characters: the lines of
// diagnostics share the file's text, and a line can be megabytes long. It
// keeps at least maxExcerpt characters on each side of col where there are
// that many, so window still sees that text was left out and adds "…".
func around(line string, col int) (string, int) {
	const bytesAround = 4 * 2 * maxExcerpt // a character takes at most 4 bytes
	if len(line) <= 2*bytesAround {
		return line, col
	}
	at := 0 // byte offset of column col
	for n := 1; n < col && at < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[at:])
		at += size
	}
	start, end := max(0, at-bytesAround), min(len(line), at+bytesAround)
	for start > 0 && !utf8.RuneStart(line[start]) {
		start--
	}
	for end < len(line) && !utf8.RuneStart(line[end]) {
		end++
	}
	return line[start:end], utf8.RuneCountInString(line[start:at]) + 1
}

// maxExcerpt is the widest source excerpt shown; longer lines are cut
// around the column, with "…" where text is left out.
const maxExcerpt = 100

func window(line string, col, n int) (string, int) {
	r := []rune(line)
	if len(r) <= maxExcerpt {
		return line, col
	}
	start := max(0, col-1-maxExcerpt/3)
	end := min(len(r), start+maxExcerpt)
	if end == len(r) {
		start = max(0, end-maxExcerpt)
	}
	out := string(r[start:end])
	if start > 0 {
		out = "…" + out
		col = col - start + 1
	}
	if end < len(r) {
		out += "…"
	}
	return out, col
}

// sanitize replaces control characters, so a hostile file cannot send
// escape sequences to the terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
