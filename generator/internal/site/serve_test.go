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
			reg.Organisation.Name = register.Name{"": "Klankwolk Nieuw"}
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

func TestServeAnswersOnlyItsOwnLoopbackHost(t *testing.T) {
	root := project(t, hugoTOML)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	load := func() (*register.Register, error) { return publishtest.Sample(), nil }
	go func() {
		done <- Serve(ctx, ServeOptions{Root: root, Addr: "localhost:0", Load: load, Ready: func(u string) { ready <- u }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not start")
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve = %v", err)
		}
	}()
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("url = %s: localhost must mean 127.0.0.1", url)
	}
	port := strings.TrimSuffix(strings.TrimPrefix(url, "http://127.0.0.1:"), "/")
	tests := []struct {
		host, path string
		status     int
		body       string
	}{
		{"127.0.0.1:" + port, "/", 200, "Hier lees je hoe Klankwolk met"},
		{"localhost:" + port, "/en/", 200, "Privacy"},
		{"LOCALHOST:" + port, "/register.json", 200, "{"},
		{"[::1]:" + port, "/", 200, "Klankwolk"},
		// A page elsewhere whose name now resolves to 127.0.0.1.
		{"attacker.example:" + port, "/", 421, "421 misdirected request: this preview answers only to http://127.0.0.1:" + port + "/\n"},
		{"attacker.example:" + port, "/register.json", 421, "421 misdirected request"},
		{"attacker.example:" + port, "/livereload", 421, "421 misdirected request"},
		{"127.0.0.1", "/", 421, "421 misdirected request"},
		{"127.0.0.1:1", "/", 421, "421 misdirected request"},
	}
	for _, tt := range tests {
		req, err := http.NewRequest("GET", url+strings.TrimPrefix(tt.path, "/"), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = tt.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.body) {
			t.Errorf("Host %s GET %s = %d %.80q, want %d %q", tt.host, tt.path, resp.StatusCode, b, tt.status, tt.body)
		}
		if tt.status == 421 && string(b) != "421 misdirected request: this preview answers only to http://127.0.0.1:"+port+"/\n" {
			t.Errorf("Host %s: body %q", tt.host, b)
		}
	}
}

func TestServeRefusesAnAddressOtherMachinesReach(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:1313", "[::]:1313", ":1313", "192.0.2.7:1313", "[2001:db8::1]:1313", "example.com:1313", "127.0.0.1"} {
		err := Serve(context.Background(), ServeOptions{Root: t.TempDir(), Addr: addr, Load: func() (*register.Register, error) {
			t.Errorf("%s: the site was built", addr)
			return nil, nil
		}})
		if err == nil || !strings.HasPrefix(err.Error(), "site: serve: ") {
			t.Errorf("Serve(%s) = %v, want a refusal", addr, err)
		}
	}
	for _, tt := range []struct{ addr, want string }{
		{"127.0.0.1:0", "127.0.0.1:0"},
		{"127.0.0.2:1313", "127.0.0.2:1313"},
		{"localhost:1313", "127.0.0.1:1313"},
		{"[::1]:0", "[::1]:0"},
	} {
		if got, err := loopback(tt.addr); err != nil || got != tt.want {
			t.Errorf("loopback(%s) = %s, %v; want %s", tt.addr, got, err, tt.want)
		}
	}
}
