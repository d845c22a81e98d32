package register_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// The two shapes of input that once blew up memory (issue 13), and a check
// that validate, including printing its diagnostics, stays far below 500 MB
// on them. docs/performance.md records the figures.

// manyUnknownIDs writes a project whose one activity names n unknown
// security measures on one line: 10,000 once took 2.5 GB and 14 s.
func manyUnknownIDs(tb testing.TB, n int) string {
	dir := tb.TempDir()
	copyTree(tb, "../cli/testdata/project/data", filepath.Join(dir, "data"))
	copyProjectFiles(tb, dir)
	f := filepath.Join(dir, "data", "activities", "newsletter.toml")
	b, err := os.ReadFile(f)
	if err != nil {
		tb.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf(`"unknown-measure-%d"`, i)
	}
	s := strings.Replace(string(b), `measures = ["encryption"]`, `measures = ["encryption", `+strings.Join(ids, ", ")+`]`, 1)
	if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// manyFilesWithErrors writes a project of n activities that each name m
// unknown security measures.
func manyFilesWithErrors(tb testing.TB, n, m int) string {
	dir := manyUnknownIDs(tb, m)
	b, err := os.ReadFile(filepath.Join(dir, "data", "activities", "newsletter.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, "data", "activities", fmt.Sprintf("copy-%d.toml", i)), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// longSharedText writes a project whose one measure has a description of
// mb million bytes, used by n activities: 7 MB by 100 once made build take
// 4.5 GB.
func longSharedText(tb testing.TB, mb, n int) string {
	dir := tb.TempDir()
	copyTree(tb, "../cli/testdata/project/data", filepath.Join(dir, "data"))
	copyProjectFiles(tb, dir)
	m := filepath.Join(dir, "data", "measures.toml")
	b, err := os.ReadFile(m)
	if err != nil {
		tb.Fatal(err)
	}
	long := strings.Repeat("Versleuteld, opgeslagen en verzonden. ", mb*1000000/38)
	s := string(b) + "\n[huge]\nname = { nl = \"Groot\", en = \"Huge\" }\nkind = \"technical\"\ndescription = { nl = \"" + long + "\", en = \"Encrypted.\" }\n"
	if err := os.WriteFile(m, []byte(s), 0o644); err != nil {
		tb.Fatal(err)
	}
	act, err := os.ReadFile(filepath.Join(dir, "data", "activities", "newsletter.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	a := strings.Replace(string(act), `measures = ["encryption"]`, `measures = ["encryption", "huge"]`, 1)
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, "data", "activities", fmt.Sprintf("copy-%d.toml", i)), []byte(a), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// validate loads dir and prints its diagnostics as text, as the validate
// command does, and returns the peak heap seen meanwhile and the counts.
func validate(tb testing.TB, dir string) (peak uint64, errs, warns int) {
	runtime.GC()
	stop := sampleHeap()
	_, diags := register.Load(dir)
	if err := diag.WriteText(io.Discard, diags); err != nil {
		tb.Fatal(err)
	}
	errs, warns = diags.Count()
	return stop(), errs, warns
}

// sampleHeap samples the bytes of live and not yet swept heap objects every
// millisecond until the returned function is called, which returns the
// highest sample.
func sampleHeap() func() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

const maxPeak = 500 << 20

func TestMemoryOfHostileShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 10 MB project")
	}
	for _, tc := range []struct {
		name       string
		dir        func(testing.TB) string
		wantErrors int
	}{
		{"9999 unknown ids on one line", func(tb testing.TB) string { return manyUnknownIDs(tb, 9999) }, 9999 + 1}, // and the cell of their names
		{"a 7 MB text used by 100 activities", func(tb testing.TB) string { return longSharedText(tb, 7, 100) }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			peak, errs, _ := validate(t, tc.dir(t))
			if errs != tc.wantErrors {
				t.Errorf("%d errors, want %d", errs, tc.wantErrors)
			}
			if peak > maxPeak {
				t.Errorf("peak heap %d MiB, want at most %d MiB", peak>>20, maxPeak>>20)
			}
		})
	}
}

// BenchmarkHostileShapes reports the peak heap of validate (load and print
// the diagnostics) on the shapes of issue 13.
func BenchmarkHostileShapes(b *testing.B) {
	for _, tc := range []struct {
		name string
		dir  func(testing.TB) string
	}{
		// 9,999 ids and "encryption": the most a list may hold (tomlfile.MaxItems).
		{"unknown-ids-one-line=9999", func(tb testing.TB) string { return manyUnknownIDs(tb, 9999) }},
		// Refused as a list too long, before the schema is checked.
		{"unknown-ids-one-line=100000", func(tb testing.TB) string { return manyUnknownIDs(tb, 100000) }},
		{"shared-text-7MB-activities=100", func(tb testing.TB) string { return longSharedText(tb, 7, 100) }},
		{"shared-text-7MB-activities=2000", func(tb testing.TB) string { return longSharedText(tb, 7, 2000) }},
		// 750,000 problems: 100 shown per file, 10,000 in all.
		{"files-with-150-unknown-ids=5000", func(tb testing.TB) string { return manyFilesWithErrors(tb, 5000, 150) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			dir := tc.dir(b)
			b.ResetTimer()
			var peak uint64
			for b.Loop() {
				p, _, _ := validate(b, dir)
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}
