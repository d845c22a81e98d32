package review

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

// builtSynth builds the site of a synthetic register of n activities with
// the given seed, and returns the register and the site's directory.
func builtSynth(b *testing.B, n int, seed uint64) (*register.Register, string) {
	b.Helper()
	dir := b.TempDir()
	for _, d := range []string{"schemas", "content", "themes"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("../../..", d))); err != nil {
			b.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("../../../hugo.toml")
	if err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "hugo.toml"), cfg, 0o644)
	if err := synth.Write(dir, synth.Options{Activities: n, Seed: seed}); err != nil {
		b.Fatal(err)
	}
	reg, diags := register.Load(dir)
	if errs, _ := diags.Count(); errs > 0 {
		b.Fatal(diags)
	}
	public := filepath.Join(b.TempDir(), "public")
	if _, err := site.Build(site.Options{Root: dir, PublishDir: public, Register: reg}); err != nil {
		b.Fatal(err)
	}
	return reg, public
}

// BenchmarkCompare is review's own part of BenchmarkReview (package cli):
// two built sites of 1,000 synthetic activities in which every activity
// differs (seeds 1 and 2) are read and the English redline written, without
// the two site builds.
func BenchmarkCompare(b *testing.B) {
	oldReg, oldSite := builtSynth(b, 1000, 1)
	newReg, newSite := builtSynth(b, 1000, 2)
	changes := change.Compare(oldReg, newReg)
	b.ResetTimer()
	size := 0
	cpu, n := cpuSeconds(), 0
	for b.Loop() {
		n++
		before, err := Read(oldSite, "en")
		if err != nil {
			b.Fatal(err)
		}
		after, err := Read(newSite, "en")
		if err != nil {
			b.Fatal(err)
		}
		doc := &Document{Lang: "en", DefaultLang: newReg.DefaultLanguage, From: "HEAD~1", To: "HEAD", Before: before["en"], After: after["en"], Changes: changes}
		w := &counter{}
		if err := doc.Write(w); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(n), "cpu-s/op")
	b.ReportMetric(float64(size)/1e6, "MB")
}

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

var _ io.Writer = (*counter)(nil)
