package diag

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText prints each diagnostic as `file:line:col: path: message`, followed
// by the offending source line with a caret under the value, then a summary.
func WriteText(w io.Writer, l List) error {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.header())
		b.WriteByte('\n')
		if d.Line > 0 && strings.TrimSpace(d.Source) != "" {
			writeExcerpt(&b, d)
		}
	}
	if errs, warns := l.Count(); errs+warns > 0 {
		fmt.Fprintf(&b, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (d Diagnostic) header() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, d.Col)
	}
	b.WriteString(": ")
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

func writeExcerpt(b *strings.Builder, d Diagnostic) {
	num := fmt.Sprint(d.Line)
	pad := strings.Repeat(" ", len(num))
	line, col := expandTabs(d.Source, d.Col)
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

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
