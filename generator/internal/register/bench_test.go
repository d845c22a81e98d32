package register_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// BenchmarkLoad measures load+validate of synthetic registers; the target for
// 10,000 activities is at most 1.0 s on 2 cores (docs/performance.md).
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.Write(dir, synth.Options{Activities: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			copyProjectFiles(b, dir)
			b.ResetTimer()
			for b.Loop() {
				reg, diags := register.Load(dir)
				if len(diags) > 0 || len(reg.Activities) != n {
					b.Fatalf("%d diagnostics, %d activities", len(diags), len(reg.Activities))
				}
			}
			b.ReportMetric(float64(n), "activities")
		})
	}
}

func copyProjectFiles(tb testing.TB, dir string) {
	tb.Helper()
	files, _ := filepath.Glob("../../../schemas/*.json")
	for _, f := range append(files, "../../../hugo.toml") {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		rel, _ := filepath.Rel("../../..", f)
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, rel), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
