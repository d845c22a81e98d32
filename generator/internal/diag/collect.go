package diag

import (
	"fmt"
	"sync"
)

// MaxPerFile is the number of diagnostics kept for one file. A file with more
// gets one more diagnostic that counts the rest: a hostile or broken file
// (10,000 unknown ids on one line) must not cost gigabytes of memory to
// report, and nobody reads past the first hundred problems of a file.
const MaxPerFile = 100

// Collector gathers diagnostics, keeping the first MaxPerFile of each file
// in the order they are added and counting the rest. It is safe for
// concurrent use; its zero value is ready.
type Collector struct {
	mu      sync.Mutex
	list    List
	perFile map[string]*fileCount
}

type fileCount struct {
	kept             int
	errors, warnings int // left out
}

// Room reports whether a diagnostic for file would still be kept, so that a
// caller can skip wording one that would only be counted.
func (c *Collector) Room(file string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.perFile[file]
	return n == nil || n.kept < MaxPerFile
}

// Add keeps d, or only counts it when its file has MaxPerFile already.
func (c *Collector) Add(d Diagnostic) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.perFile == nil {
		c.perFile = map[string]*fileCount{}
	}
	n := c.perFile[d.File]
	if n == nil {
		n = &fileCount{}
		c.perFile[d.File] = n
	}
	switch {
	case n.kept < MaxPerFile:
		n.kept++
		c.list = append(c.list, d)
	case d.Severity == Error:
		n.errors++
	default:
		n.warnings++
	}
}

// List returns the kept diagnostics, sorted, with one summary diagnostic per
// file that had more, after that file's others.
func (c *Collector) List() List {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.list
	for file, n := range c.perFile {
		if n.errors+n.warnings == 0 {
			continue
		}
		sev := Error
		if n.errors == 0 {
			sev = Warning
		}
		out = append(out, Diagnostic{
			File: file, Severity: sev, OmittedErrors: n.errors, OmittedWarnings: n.warnings,
			Message: fmt.Sprintf("… and %d more %s in this file (%s, %s); only the first %d of a file are shown",
				n.errors+n.warnings, word(n.errors+n.warnings, "problem"), plural(n.errors, "error"), plural(n.warnings, "warning"), MaxPerFile),
		})
	}
	return out.Sort()
}

func word(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}
