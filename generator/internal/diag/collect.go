package diag

import (
	"container/heap"
	"fmt"
	"sort"
	"sync"
)

// MaxPerFile is the number of diagnostics shown for one file. A file with
// more gets one more diagnostic that counts the rest: a hostile or broken file
// (10,000 unknown ids on one line) must not cost gigabytes of memory to
// report, and nobody reads past the first hundred problems of a file.
const MaxPerFile = 100

// MaxShown is about the number of diagnostics shown in all: the files are
// taken in name order, each whole (up to MaxPerFile), until this many are
// shown; the other files get one diagnostic each that counts theirs. It keeps
// memory bounded when thousands of files each have a hundred problems.
const MaxShown = 10000

// Collector gathers diagnostics, keeping the first MaxPerFile of each file in
// the order they are added, and about MaxShown in all, and counting the rest.
// What it keeps does not depend on the order files are checked in. It is safe
// for concurrent use; its zero value is ready.
type Collector struct {
	mu      sync.Mutex
	perFile map[string]*fileDiags
	kept    int      // diagnostics kept, in all
	names   nameHeap // files with diagnostics kept, the last by name on top; may hold dropped ones
}

type fileDiags struct {
	kept             List
	dropped          bool // the whole file is past MaxShown: nothing is kept
	errors, warnings int  // left out
}

// Room reports whether a diagnostic for file would still be kept, so that a
// caller can skip wording one that would only be counted.
func (c *Collector) Room(file string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.perFile[file]
	return n == nil || !n.dropped && len(n.kept) < MaxPerFile
}

// Add keeps d, or only counts it.
func (c *Collector) Add(d Diagnostic) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.perFile == nil {
		c.perFile = map[string]*fileDiags{}
	}
	n := c.perFile[d.File]
	if n == nil {
		n = &fileDiags{}
		c.perFile[d.File] = n
	}
	if n.dropped || len(n.kept) >= MaxPerFile {
		n.count(d)
		return
	}
	if len(n.kept) == 0 {
		heap.Push(&c.names, d.File)
	}
	n.kept = append(n.kept, d)
	c.kept++
	// Past MaxShown and a file's worth, the last file by name cannot be
	// shown, whatever comes later: the files before it hold more than
	// MaxShown already. Drop it now, so that memory stays bounded.
	for c.kept > MaxShown+MaxPerFile {
		f := c.perFile[heap.Pop(&c.names).(string)]
		if f.dropped {
			continue
		}
		for _, k := range f.kept {
			f.count(k)
		}
		c.kept -= len(f.kept)
		f.kept, f.dropped = nil, true
	}
}

func (n *fileDiags) count(d Diagnostic) {
	if d.Severity == Error {
		n.errors++
	} else {
		n.warnings++
	}
}

// List returns the kept diagnostics, sorted, with one diagnostic per file
// that had more, after that file's others.
func (c *Collector) List() List {
	c.mu.Lock()
	defer c.mu.Unlock()
	names := make([]string, 0, len(c.perFile))
	for name := range c.perFile {
		names = append(names, name)
	}
	sort.Strings(names)
	var out List
	shown := 0
	for _, name := range names {
		n := c.perFile[name]
		if !n.dropped && shown >= MaxShown {
			for _, k := range n.kept {
				n.count(k)
			}
			n.kept, n.dropped = nil, true
		}
		out = append(out, n.kept...)
		shown += len(n.kept)
		if n.errors+n.warnings == 0 {
			continue
		}
		sev := Error
		if n.errors == 0 {
			sev = Warning
		}
		total := n.errors + n.warnings
		msg := fmt.Sprintf("… and %d more %s in this file (%s, %s); only the first %d of a file are shown",
			total, word(total, "problem"), plural(n.errors, "error"), plural(n.warnings, "warning"), MaxPerFile)
		if n.dropped {
			msg = fmt.Sprintf("%d %s in this file (%s, %s) not shown: at most %d are shown in all, by file name; fix those and run again",
				total, word(total, "problem"), plural(n.errors, "error"), plural(n.warnings, "warning"), MaxShown)
		}
		out = append(out, Diagnostic{File: name, Severity: sev, OmittedErrors: n.errors, OmittedWarnings: n.warnings, Message: msg})
	}
	return out.Sort()
}

func word(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// nameHeap is a max-heap of file names.
type nameHeap []string

func (h nameHeap) Len() int           { return len(h) }
func (h nameHeap) Less(i, j int) bool { return h[i] > h[j] }
func (h nameHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nameHeap) Push(x any)        { *h = append(*h, x.(string)) }
func (h *nameHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
