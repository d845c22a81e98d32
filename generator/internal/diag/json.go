package diag

import (
	"bufio"
	"encoding/json"
	"io"
)

type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Path     string `json:"path"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Set only on the element that stands for the diagnostics of a file
	// left out past MaxPerFile.
	OmittedErrors   int `json:"omitted_errors,omitempty"`
	OmittedWarnings int `json:"omitted_warnings,omitempty"`
}

// WriteJSON prints the diagnostics as a JSON array, always an array, in the
// list's order, for other tools. It writes one element at a time.
func WriteJSON(w io.Writer, l List) error {
	b := bufio.NewWriter(w)
	if len(l) == 0 {
		b.WriteString("[]\n")
		return b.Flush()
	}
	b.WriteString("[\n")
	for i, d := range l {
		e, err := json.MarshalIndent(jsonDiagnostic{d.File, d.Line, d.Col, clip(d.Path), d.Severity.String(), clip(d.Message), d.OmittedErrors, d.OmittedWarnings}, "  ", "  ")
		if err != nil {
			return err
		}
		b.WriteString("  ")
		b.Write(e)
		if i < len(l)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	return b.Flush()
}
