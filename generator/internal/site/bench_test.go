package site

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/workbook"
)

// The benchmarks of issue 5, in one package so that the overhead of the full
// build over Hugo alone is a ratio measured in one run:
//
//	go test -run '^$' -bench 'Build|HugoAlone' -benchtime 3x ./generator/internal/site/
//
// BenchmarkBuild is what `go run ./generator build` does (load and validate,
// resolve, site in nl and en, swap, workbook) on a synthetic register of n
// activities. The two baselines render the same number of pages with Hugo
// alone, from data made beforehand:
//
//   - BenchmarkHugoAlone: the same theme and pages, from the generated view
//     prepared once; Build over HugoAlone is the generator's overhead.
//   - BenchmarkHugoMinimal: one trivial template for every page; HugoAlone over
//     HugoMinimal is the cost of the theme's richer pages.
var benchSizes = []int{100, 1000, 10000}

func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			dir := synthTestProject(b, n)
			pages := 0
			for b.Loop() {
				reg, diags := register.Load(dir)
				if len(diags) > 0 {
					b.Fatalf("%d diagnostics, first: %s", len(diags), diags[0].Message)
				}
				res, err := Build(Options{Root: dir, PublishDir: filepath.Join(dir, "public"), Register: reg})
				if err != nil {
					b.Fatal(err)
				}
				if err := workbook.Write(filepath.Join(dir, "export", "ropa.xlsx"), reg, workbook.Options{}); err != nil {
					b.Fatal(err)
				}
				pages = res.Pages
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// BenchmarkHugoAlone renders the site of n activities with Hugo alone: the
// view is generated once, before the clock starts.
func BenchmarkHugoAlone(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			dir := synthTestProject(b, n)
			reg, diags := register.Load(dir)
			if len(diags) > 0 {
				b.Fatalf("%d diagnostics", len(diags))
			}
			data, err := generate(reg, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			pages := 0
			for b.Loop() {
				out := b.TempDir()
				if pages, err = buildInto(dir, filepath.Join(out, "public"), filepath.Join(out, "gen"), func(map[string]bool) (*generated, error) { return data, nil }, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// BenchmarkHugoMinimal renders as many pages as the full build of n
// activities with one trivial template, from data prepared beforehand.
func BenchmarkHugoMinimal(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			pages := pagesFor(b, n)
			dir := hugoAloneProject(b, pages)
			for b.Loop() {
				got := buildPlainHugo(b, dir)
				if got < pages {
					b.Fatalf("Hugo rendered %d pages, want at least %d", got, pages)
				}
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// pagesFor is the number of pages the full build renders for n activities.
func pagesFor(b *testing.B, n int) int {
	dir := synthTestProject(b, n)
	reg, diags := register.Load(dir)
	if len(diags) > 0 {
		b.Fatalf("%d diagnostics", len(diags))
	}
	res, err := Build(Options{Root: dir, PublishDir: filepath.Join(dir, "public"), Register: reg})
	if err != nil {
		b.Fatal(err)
	}
	return res.Pages
}

// hugoAloneProject writes a two-language Hugo project whose content adapter
// makes the pages from data/pages.json (in the default language: an adapter
// in content/ adds pages to one language), as many as asked in all.
func hugoAloneProject(b *testing.B, pages int) string {
	dir := b.TempDir()
	type page struct{ Title, Summary string }
	data := make([]page, max(pages-2, 1)) // less the two home pages
	for i := range data {
		data[i] = page{fmt.Sprintf("Page %d", i), fmt.Sprintf("What happens in processing %d and why, in plain words.", i)}
	}
	js, _ := json.Marshal(data)
	files := map[string]string{
		"hugo.toml": `baseURL = "https://example.com/"
defaultContentLanguage = "nl"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.nl]
weight = 1
[languages.en]
weight = 2
`,
		"data/pages.json": string(js),
		"content/_content.gotmpl": `{{ range $i, $p := hugo.Data.pages }}
{{ $.AddPage (dict "path" (printf "p%d" $i) "title" $p.Title "content" (dict "mediaType" "text/markdown" "value" $p.Summary)) }}
{{ end }}`,
		"layouts/baseof.html":  `<!DOCTYPE html><html lang="{{ site.Language.Lang }}"><head><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/page.html":    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/home.html":    `{{ define "main" }}<h1>{{ site.Title }}</h1>{{ end }}`,
		"layouts/section.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`,
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// buildPlainHugo builds a Hugo project as the hugo command would, in-process.
func buildPlainHugo(b *testing.B, dir string) int {
	flags := config.New()
	flags.Set("workingDir", dir)
	flags.Set("publishDir", filepath.Join(dir, "public"))
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{Flags: flags, Fs: afero.NewOsFs(), Filename: filepath.Join(dir, "hugo.toml"), Environ: []string{"HUGO_ENVIRONMENT=production"}})
	if err != nil {
		b.Fatal(err)
	}
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: hugofs.NewFrom(afero.NewOsFs(), configs.LoadingInfo.BaseConfig), StdOut: io.Discard, StdErr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, s := range sites.Sites {
		n += len(s.Pages())
	}
	return n
}

func copyTreeForBench(from, to string) error {
	return filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if fi.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// BenchmarkBuildVsBareHugo is issue 11's yardstick, in one process and one
// run: each iteration does the full build of n synthetic activities (what
// `build` does: load and validate, view, site in nl and en, swap, workbook)
// and then has Hugo render the same number of bare pages from content files
// (one Markdown file per page, a trivial template), and reports the ratio of
// the two times. Alternating the two in every iteration keeps a busy machine
// from favouring either side. (The peak RSS of a build is measured by
// BenchmarkBuildCommand: in this process it would count what the benchmarks
// before it left behind.)
//
//	go test -run '^$' -bench BuildVsBareHugo -benchtime 2x -timeout 60m ./generator/internal/site/
func BenchmarkBuildVsBareHugo(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			dir := synthTestProject(b, n)
			pages := pagesFor(b, n)
			bare := bareContentProject(b, pages)
			var build, hugo time.Duration
			for b.Loop() {
				start := time.Now()
				reg, diags := register.Load(dir)
				if len(diags) > 0 {
					b.Fatalf("%d diagnostics, first: %s", len(diags), diags[0].Message)
				}
				if _, err := Build(Options{Root: dir, PublishDir: filepath.Join(dir, "public"), Register: reg}); err != nil {
					b.Fatal(err)
				}
				if err := workbook.Write(filepath.Join(dir, "export", "ropa.xlsx"), reg, workbook.Options{}); err != nil {
					b.Fatal(err)
				}
				build += time.Since(start)

				start = time.Now()
				if got := buildPlainHugo(b, bare); got < pages {
					b.Fatalf("Hugo rendered %d bare pages, want at least %d", got, pages)
				}
				hugo += time.Since(start)
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(build.Seconds()/float64(b.N), "build-s/op")
			b.ReportMetric(hugo.Seconds()/float64(b.N), "bare-s/op")
			b.ReportMetric(build.Seconds()/hugo.Seconds(), "build/bare")
		})
	}
}

// BenchmarkBuildCommand runs `generator build` on n synthetic activities as
// a command of its own, as a user or CI does, and reports the peak RSS of the
// process (peak-RSS-MB, see runForPeakRSS): issue 11's memory target. It
// inherits the environment, so
//
//	GOMEMLIMIT=900MiB go test -run '^$' -bench BuildCommand -benchtime 1x ./generator/internal/site/
//
// measures the build under Go's soft memory limit.
func BenchmarkBuildCommand(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "generator")
	if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
		b.Fatalf("building the generator: %v\n%s", err, out)
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			dir := synthTestProject(b, n)
			var peak int64
			for b.Loop() {
				peak = max(peak, runForPeakRSS(b, bin, "build", "--root", dir, "--no-history"))
			}
			if peak > 0 {
				b.ReportMetric(float64(peak)/1e3, "peak-RSS-MB")
			}
		})
	}
}

// bareContentProject writes a two-language Hugo project of at least the given
// number of pages, each page a Markdown file in content/ (half in Dutch, half
// in English, by file name), rendered with one trivial template.
func bareContentProject(b *testing.B, pages int) string {
	dir := hugoAloneProject(b, 2)
	if err := os.Remove(filepath.Join(dir, "content", "_content.gotmpl")); err != nil {
		b.Fatal(err)
	}
	for i := range (pages - 1) / 2 {
		for _, lang := range []string{"nl", "en"} {
			body := fmt.Sprintf("---\ntitle: Page %d\n---\nWhat happens in processing %d and why, in plain words.\n", i, i)
			if err := os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("p%d.%s.md", i, lang)), []byte(body), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir
}
