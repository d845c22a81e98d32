package site

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// BenchmarkServeEdit measures what a reviewer waits for in `serve`: from saving
// a one-record edit in the shipped register to the page showing it, with the
// 100 ms change check the serve command uses. Target: at most 300 ms.
func BenchmarkServeEdit(b *testing.B) {
	dir := b.TempDir()
	for _, name := range []string{"hugo.toml", "schemas", "content", "themes", "data"} {
		if err := copyTreeForBench(filepath.Join(repoRoot, name), filepath.Join(dir, name)); err != nil {
			b.Fatal(err)
		}
	}
	record := filepath.Join(dir, "data", "activities", "fraud-prevention.toml")
	original, err := os.ReadFile(record)
	if err != nil {
		b.Fatal(err)
	}
	const marker = `en = "Preventing fraud and abuse"`
	if !strings.Contains(string(original), marker) {
		b.Fatalf("%s no longer holds %s; update the benchmark", record, marker)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{
			Root: dir, Addr: "127.0.0.1:0", Interval: serveInterval,
			Load: func() (*register.Register, error) {
				reg, diags := register.Load(dir)
				if errs, _ := diags.Count(); errs > 0 {
					return nil, fmt.Errorf("%d errors", errs)
				}
				return reg, nil
			},
			Ready: func(u string) { ready <- u },
		})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		b.Fatal(err)
	case <-time.After(60 * time.Second):
		b.Fatal("serve did not start")
	}
	page := url + "en/activities/fraud-prevention/"
	i := 0
	for b.Loop() {
		i++
		want := fmt.Sprintf("Preventing fraud, edit %d", i)
		edited := strings.Replace(string(original), marker, fmt.Sprintf("en = %q", want), 1)
		if err := os.WriteFile(record, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			if body := fetch(page); strings.Contains(body, want) {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("the page did not show edit %d within 20 s", i)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}

func fetch(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}
