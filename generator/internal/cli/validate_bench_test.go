package cli

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkValidate runs the validate command, schemas compiled and all, on a
// synthetic register of 10,000 activities: issue 11's target is at most 1.0 s
// wall on 2 cores as a command (docs/performance.md). In one process the
// command runs again and again, so its heap starts warm; the wall time of
// the command itself is measured with /usr/bin/time.
func BenchmarkValidate(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "p")
	var stderr strings.Builder
	if code := Run([]string{"synth", "--activities", "10000", "--seed", "1", "--root", "../../..", "--out", dir}, io.Discard, &stderr); code != 0 {
		b.Fatalf("synth: exit code %d:\n%s", code, stderr.String())
	}
	b.ResetTimer()
	cpu, n := cpuSeconds(), 0
	for b.Loop() {
		n++
		var stdout, stderr strings.Builder
		if code := Run([]string{"validate", "--root", dir}, &stdout, &stderr); code != 0 || stdout.String() != "ok: 10000 activities, 881 shared definitions\n" {
			b.Fatalf("exit code %d:\n%s%s", code, stdout.String(), stderr.String())
		}
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(n), "cpu-s/op")
}
