package site

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServeRebuildsWhenTheRecordsChange(t *testing.T) {
	root := project(t, hugoTOML+`
-- data/organisation.toml --
# a record; Load below stands in for the real loader
`)
	var loads atomic.Int32
	load := func() (*register.Register, error) {
		reg := publishtest.Sample()
		if loads.Add(1) > 1 {
			reg.Organisation.Name = "Klankwolk Nieuw"
		}
		return reg, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{Root: root, Addr: "127.0.0.1:0", Load: load, Interval: 50 * time.Millisecond, Ready: func(u string) { ready <- u }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not start")
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("url = %s, want a loopback address", url)
	}

	status, body := get(t, url)
	if status != 200 || !strings.Contains(body, "Hier lees je hoe Klankwolk met") || !strings.Contains(body, `<script src="/livereload.js?mindelay=10&amp;v=2&amp;port=`) {
		t.Fatalf("GET / = %d:\n%s", status, body)
	}
	if status, body := get(t, url+"en/activities/account/"); status != 200 || !strings.Contains(body, "Your account") {
		t.Errorf("GET /en/activities/account/ = %d", status)
	}
	if status, _ := get(t, url+"register.json"); status != 200 {
		t.Errorf("GET /register.json = %d", status)
	}
	if status, body := get(t, url+"nope/"); status != 404 || !strings.Contains(body, "Pagina niet gevonden") {
		t.Errorf("GET /nope/ = %d", status)
	}
	if status, body := get(t, url+"en/nope/"); status != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("GET /en/nope/ = %d", status)
	}
	if status, body := get(t, url+"livereload.js"); status != 200 || len(body) < 1000 {
		t.Errorf("GET /livereload.js = %d, %d bytes", status, len(body))
	}

	// A change in data/ rebuilds the site with the records as loaded again.
	writeFile(t, filepath.Join(root, "data", "organisation.toml"), "# changed\n")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, body := get(t, url); strings.Contains(body, "Klankwolk Nieuw") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the site was not rebuilt after a change in data/")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve = %v", err)
	}
}
