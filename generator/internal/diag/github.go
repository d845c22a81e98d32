package diag

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteGitHub prints GitHub Actions workflow commands, so problems show up on
// the changed lines of a pull request.
func WriteGitHub(w io.Writer, l List) error {
	b := bufio.NewWriter(w)
	for _, d := range l {
		fmt.Fprintf(b, "::%s file=%s", d.Severity, escapeProperty(d.File))
		if d.Line > 0 {
			fmt.Fprintf(b, ",line=%d,col=%d", d.Line, d.Col)
		}
		if d.Path != "" {
			fmt.Fprintf(b, ",title=%s", escapeProperty(clip(d.Path)))
		}
		fmt.Fprintf(b, "::%s\n", escapeData(clip(d.Message)))
	}
	return b.Flush()
}

// Escaping as in @actions/core's command.ts.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
