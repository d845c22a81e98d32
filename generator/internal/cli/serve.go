package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
)

func serve(args []string, stdout, stderr io.Writer) int {
	set := flags("serve", "serve [--root DIR] [--addr HOST:PORT]",
		"Builds the privacy center and serves it on 127.0.0.1 for reviewers, with live\n"+
			"reload: every change under data/, content/, themes/, layouts/ or hugo.toml is\n"+
			"validated and rebuilt, and open pages reload. An edit of activity records shows\n"+
			"those activities' pages first; the lists and the other pages follow when the\n"+
			"whole site is rebuilt. While the records have errors, the diagnostics are\n"+
			"printed and the last good site stays up. Only a loopback address is accepted,\n"+
			"and only requests for it are answered. Stop with Ctrl-C.", stdout)
	root := set.String("root", ".", "project root holding hugo.toml, data/, schemas/, content/ and themes/")
	addr := set.String("addr", "127.0.0.1:1313", "address to listen on (loopback only; port 0 picks a free port)")
	if code, done := parse(set, args, stderr); done {
		return code
	}
	schemas, ok := checkRoot(*root, stderr)
	if !ok {
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := site.Serve(ctx, site.ServeOptions{
		Root: *root,
		Addr: *addr,
		Log:  stderr,
		Load: func() (*register.Register, error) {
			reg, diags := schemas.Load(*root)
			if err := report("text", diags, stderr, stderr); err != nil {
				return nil, err
			}
			if errs, _ := diags.Count(); errs > 0 {
				return nil, fmt.Errorf("the records have %s; the previous site stays up", count(errs, "error", "errors"))
			}
			return reg, nil
		},
		Ready: func(url string) { fmt.Fprintf(stdout, "serving the privacy center at %s (Ctrl-C to stop)\n", url) },
	})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	return exitOK
}
