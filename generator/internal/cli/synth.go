package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/privacy-as-code/ropa/generator/internal/synth"
)

func synthCmd(args []string, stdout, stderr io.Writer) int {
	set := flags("synth", "synth --activities N --out DIR [--seed S] [--root DIR]",
		"Writes a synthetic project to DIR for benchmarks: the site files of the project\n"+
			"at --root (hugo.toml, schemas/, content/, themes/, layouts/) and a generated,\n"+
			"valid register in DIR/data with N activities. The same seed gives the same files.", stdout)
	n := set.Int("activities", 1000, "number of activities")
	out := set.String("out", "", "directory to write the project to (must not exist or be empty)")
	seed := set.Uint64("seed", 1, "seed of the generator")
	root := set.String("root", ".", "project root to take hugo.toml, schemas/, content/ and themes/ from")
	if code, done := parse(set, args, stderr); done {
		return code
	}
	if *out == "" || *n < 1 {
		fmt.Fprintln(stderr, "synth needs --out DIR and --activities N of at least 1")
		return exitUsage
	}
	if _, ok := checkRoot(*root, stderr); !ok {
		return exitUsage
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "%s is not empty; synth writes only to a new or empty directory\n", *out)
		return exitUsage
	}
	for _, name := range []string{"hugo.toml", "schemas", "content", "themes", "layouts", "i18n", "static", "assets"} {
		if err := copyTree(filepath.Join(*root, name), filepath.Join(*out, name)); err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
	}
	if err := synth.Write(*out, synth.Options{Activities: *n, Seed: *seed}); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %d activities to %s\n", *n, filepath.Join(*out, "data"))
	return exitOK
}

// copyTree copies a file or directory; a missing source is skipped.
func copyTree(from, to string) error {
	if _, err := os.Stat(from); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
