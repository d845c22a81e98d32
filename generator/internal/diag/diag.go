// Package diag holds diagnostics: problems found in the records, each with a
// file, a position, a data path and a message, and prints them as text, JSON
// or GitHub Actions annotations.
package diag

import (
	"cmp"
	"slices"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	Error   Severity = iota // the records are wrong; nothing is built
	Warning                 // worth fixing; the build goes on unless --strict
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one place.
type Diagnostic struct {
	File     string   // path relative to the project root, with forward slashes
	Line     int      // 1-based; 0 when the problem is not in a file's text
	Col      int      // 1-based, in characters
	Len      int      // characters to underline under Source, at least 1
	Path     string   // data path, e.g. transfers[0].safeguard; may be empty
	Severity Severity // Error or Warning
	Message  string   // what is wrong and, where possible, how to fix it
	Source   string   // the source line the position points into, for display

	// OmittedErrors and OmittedWarnings are set only on the diagnostic that
	// stands for those left out of a file past MaxPerFile (see Collector);
	// Count counts them instead of the diagnostic itself.
	OmittedErrors, OmittedWarnings int
}

// summary reports whether d stands for diagnostics left out.
func (d Diagnostic) summary() bool { return d.OmittedErrors+d.OmittedWarnings > 0 }

// List is a set of diagnostics.
type List []Diagnostic

// Sort orders the list by file, position, path and message, and drops
// duplicates, so output is stable whatever order checks ran in.
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			compareBool(a.summary(), b.summary()), // the count of those left out comes last
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(l, func(a, b Diagnostic) bool {
		return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Path == b.Path && a.Severity == b.Severity && a.Message == b.Message
	})
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.summary() {
			errors += d.OmittedErrors
			warnings += d.OmittedWarnings
			continue
		}
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
