package diag

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestCollectorKeepsTheFirstOfEachFileAndCountsTheRest(t *testing.T) {
	var c Collector
	for i := range MaxPerFile + 3 {
		sev := Error
		if i%2 == 1 {
			sev = Warning
		}
		c.Add(Diagnostic{File: "a.toml", Line: 1, Col: i + 1, Severity: sev, Message: fmt.Sprint(i)})
	}
	c.Add(Diagnostic{File: "b.toml", Line: 2, Col: 1, Message: "b"})
	if c.Room("a.toml") || !c.Room("b.toml") || !c.Room("c.toml") {
		t.Errorf("Room: a %v, b %v, c %v; want false, true, true", c.Room("a.toml"), c.Room("b.toml"), c.Room("c.toml"))
	}
	l := c.List()
	if len(l) != MaxPerFile+2 {
		t.Fatalf("%d diagnostics, want %d", len(l), MaxPerFile+2)
	}
	last := l[MaxPerFile]
	want := "… and 3 more problems in this file (2 errors, 1 warning); only the first 100 of a file are shown"
	if last.File != "a.toml" || last.Message != want || last.Severity != Error {
		t.Errorf("summary = %+v, want %q", last, want)
	}
	if errs, warns := l.Count(); errs != 53 || warns != 51 {
		t.Errorf("Count = %d, %d; want 53 errors (52 in a.toml, 1 in b.toml) and 51 warnings", errs, warns)
	}
	var b strings.Builder
	WriteText(&b, l)
	if !strings.HasSuffix(b.String(), "a.toml: "+want+"\nb.toml:2:1: b\n53 errors, 51 warnings\n") {
		t.Errorf("text ends:\n%s", b.String()[max(0, b.Len()-300):])
	}
}

// TestCollectorIsOrderIndependent: the files are checked in parallel, so
// what is shown must not depend on the order their diagnostics arrive in,
// even when far more than MaxShown arrive.
func TestCollectorIsOrderIndependent(t *testing.T) {
	var all List
	for f := range 300 {
		for i := range 120 {
			all = append(all, Diagnostic{File: fmt.Sprintf("data/activities/a%03d.toml", f), Line: i + 1, Col: 1, Message: "m"})
		}
	}
	var first string
	for run := range 3 {
		shuffled := slices.Clone(all)
		if run > 0 {
			// Files arrive in any order; within a file the order is kept.
			byFile := map[string]List{}
			var names []string
			for _, d := range shuffled {
				if byFile[d.File] == nil {
					names = append(names, d.File)
				}
				byFile[d.File] = append(byFile[d.File], d)
			}
			r := rand.New(rand.NewPCG(uint64(run), 1))
			shuffled = shuffled[:0]
			for len(names) > 0 {
				i := r.IntN(len(names))
				f := names[i]
				shuffled = append(shuffled, byFile[f][0])
				if byFile[f] = byFile[f][1:]; len(byFile[f]) == 0 {
					names = slices.Delete(names, i, i+1)
				}
			}
		}
		var c Collector
		for _, d := range shuffled {
			c.Add(d)
		}
		l := c.List()
		if errs, _ := l.Count(); errs != len(all) {
			t.Errorf("run %d: Count = %d, want %d", run, errs, len(all))
		}
		var b strings.Builder
		WriteText(&b, l)
		if run == 0 {
			first = b.String()
			if shown := strings.Count(first, "\n") - 1; shown != MaxShown+300 {
				t.Errorf("%d lines shown, want %d diagnostics and one line per file", shown, MaxShown+300)
			}
			continue
		}
		if b.String() != first {
			t.Errorf("run %d: output differs with another order", run)
		}
	}
}
