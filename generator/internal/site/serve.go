package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gohugoio/hugo/livereload"

	"github.com/privacy-as-code/ropa/generator/internal/outputs"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// ServeOptions says what to serve for a live preview.
type ServeOptions struct {
	// Root is the project root, as for Build.
	Root string
	// Addr is the address to listen on; default 127.0.0.1:1313. Use port 0
	// for any free port. It must be a loopback address (127.0.0.1, [::1] or
	// localhost, which means 127.0.0.1): the preview is for the reviewer's
	// own machine.
	Addr string
	// Load reads and validates the register; it is called at the start and
	// after every change under Root. When it fails, the error is logged and
	// the previous site stays up.
	Load func() (*register.Register, error)
	// Log receives build errors and Hugo's warnings; nil discards them.
	Log io.Writer
	// Ready, when set, is called with the site's URL once it is served.
	Ready func(url string)
	// Interval is how often Root is checked for changes; default 100 ms.
	Interval time.Duration

	// holdRebuild, when set, is received from before each full rebuild in
	// the background starts (tests).
	holdRebuild <-chan struct{}
}

// watched are the parts of the project whose change triggers a rebuild.
var watched = []string{"data", "content", "themes", "layouts", "i18n", "static", "assets", "archetypes", "config", "hugo.toml", "hugo.yaml", "hugo.json"}

// serveInterval is the default change check: checking the project's files
// takes well under a millisecond for a register of hundreds of files.
const serveInterval = 100 * time.Millisecond

// maxCheckInterval bounds the wait between checks, which grows with what a
// check costs: on a busy machine (a full rebuild running) a check of a
// thousand files can take 300 ms, and an edit should still show within a
// second.
const maxCheckInterval = 300 * time.Millisecond

var startLiveReload sync.Once

// Serve builds the site into a temporary directory, serves it on a loopback
// address with Hugo's live reload, and rebuilds it when a file under Root
// changes (the records in data/ included), until ctx is done. An edit of
// activity records shows those activities' pages first, and the whole site
// follows from a rebuild in the background (see serve_fast.go).
func Serve(ctx context.Context, opts ServeOptions) error {
	if opts.Load == nil {
		return errors.New("site: serve: no Load function")
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	addr, err := loopback(opts.Addr)
	if err != nil {
		return err
	}
	if opts.Interval <= 0 {
		opts.Interval = serveInterval
	}
	var log io.Writer = io.Discard
	if opts.Log != nil {
		// Rebuilds in the background write to it too.
		log = &lockedWriter{w: opts.Log}
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	// A locked directory: a preview that is killed leaves it behind, and the
	// next build or preview removes it.
	tmp, err := outputs.NewTempDir("ropa-serve-")
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	defer tmp.Remove()
	public := filepath.Join(tmp.Dir(), "public")

	// The fingerprint is taken before the first build: an edit saved while
	// it runs, or right after Ready, is seen at the first check.
	last := fingerprint(root)
	reg, err := opts.Load()
	if err != nil {
		return err
	}
	if _, err := Build(Options{Root: root, PublishDir: public, Register: reg, Log: log}); err != nil {
		return err
	}
	site := &preview{root: root, public: public, work: tmp.Dir(), log: log, refresh: livereload.ForceRefresh, hold: opts.holdRebuild}
	// A full rebuild that runs when serve stops is waited for, so that it
	// does not write into a directory that is being removed.
	defer site.stop()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	startLiveReload.Do(livereload.Initialize)
	mux := http.NewServeMux()
	mux.HandleFunc("/livereload.js", livereload.ServeJS)
	mux.HandleFunc("/livereload", livereload.Handler)
	mux.Handle("/", &previewHandler{dir: public, port: port})
	srv := &http.Server{Handler: onlyLoopbackHosts(ln.Addr().(*net.TCPAddr), mux), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if opts.Ready != nil {
		opts.Ready(fmt.Sprintf("http://%s/", ln.Addr()))
	}

	// Checking costs a walk over the project: about 60 ms for 10,000
	// activity files on this machine. The wait between checks grows with the
	// cost, so that a large register does not keep a core busy.
	wait := time.NewTimer(opts.Interval)
	defer wait.Stop()
	// The files changed since the site last followed the records.
	changed := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(shutdown)
			return nil
		case err := <-served:
			return fmt.Errorf("site: %w", err)
		case <-wait.C:
			start := time.Now()
			now := fingerprint(root)
			wait.Reset(max(opts.Interval, min(4*time.Since(start), maxCheckInterval)))
			if !changedSince(last, now, changed) {
				continue
			}
			last = now
			reg, err := opts.Load()
			if err != nil {
				// The files stay marked as changed until the records load.
				fmt.Fprintf(log, "rebuild failed, still serving the previous site: %v\n", err)
				continue
			}
			gen := site.loaded()
			if ids := editedActivities(root, reg, changed); ids != nil {
				site.showActivities(reg, ids, gen)
			}
			clear(changed)
			site.rebuild(reg, gen)
		}
	}
}

// previewHandler serves the built site and adds the live-reload script to
// HTML pages; the files on disk stay as they are.
type previewHandler struct {
	dir  string
	port int
}

func (h *previewHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := path.Clean("/" + r.URL.Path)
	name := filepath.Join(h.dir, filepath.FromSlash(p))
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	_, err := os.Stat(name)
	if err == nil && !strings.HasSuffix(name, ".html") {
		http.FileServer(http.Dir(h.dir)).ServeHTTP(w, r)
		return
	}
	b, err := os.ReadFile(name)
	status := http.StatusOK
	if err != nil {
		status = http.StatusNotFound
		// The 404 page of the language of the path (/en/...), else the default one.
		first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		if b, err = os.ReadFile(filepath.Join(h.dir, first, "404.html")); err != nil {
			b, err = os.ReadFile(filepath.Join(h.dir, "404.html"))
		}
		if err != nil {
			http.NotFound(w, r)
			return
		}
	}
	script := fmt.Sprintf(`<script src="/livereload.js?mindelay=10&amp;v=2&amp;port=%d&amp;path=livereload" data-no-instant defer></script>`, h.port)
	if i := bytes.LastIndex(b, []byte("</body>")); i >= 0 {
		b = append(b[:i:i], append([]byte(script), b[i:]...)...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// loopback checks that addr is a loopback address with a port, and returns
// it with localhost replaced by 127.0.0.1 (what localhost resolves to is up
// to the machine's configuration).
func loopback(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("site: serve: address %q: %w; use 127.0.0.1:PORT", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("site: serve: %s is not a loopback address: the preview shows unpublished records and is for this machine only; use 127.0.0.1:PORT or [::1]:PORT", addr)
	}
	return net.JoinHostPort(host, port), nil
}

// onlyLoopbackHosts answers only requests for the preview's own loopback
// host: a page on another site that makes its name resolve to 127.0.0.1 (DNS
// rebinding) sends its own name as Host, and gets 421.
func onlyLoopbackHosts(addr *net.TCPAddr, next http.Handler) http.Handler {
	allowed := map[string]bool{addr.String(): true}
	for _, h := range []string{"127.0.0.1", "localhost", "::1"} {
		allowed[net.JoinHostPort(h, fmt.Sprint(addr.Port))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed[strings.ToLower(r.Host)] {
			http.Error(w, fmt.Sprintf("421 misdirected request: this preview answers only to http://%s/", addr), http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}
