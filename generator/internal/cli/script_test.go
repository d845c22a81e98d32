package cli

import (
	"bytes"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets scripts run the generator as the command "generator".
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"generator": func() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script. Each starts in a copy
// of testdata/project (a small valid project) with the repository's schemas,
// theme and content adapters;
// $REPO is the repository root with the shipped register. Set ROPA_UPDATE=1
// to rewrite the expected output in the scripts.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("ROPA_UPDATE") != "",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// bigfile FILE MIB writes a file of MIB mebibytes of comments.
			"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: bigfile FILE MIB")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				line := []byte("# " + strings.Repeat("x", 61) + "\n")
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), bytes.Repeat(line, n<<20/len(line)), 0o644))
			},
			// writebytes FILE HEX writes bytes a txtar archive cannot hold.
			"writebytes": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: writebytes FILE HEX")
				}
				b, err := hex.DecodeString(args[1])
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
			},
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			if err := copyDir("testdata/project", env.WorkDir); err != nil {
				return err
			}
			for _, dir := range []string{"schemas", "themes", "content"} {
				if err := copyDir(filepath.Join(repo, dir), filepath.Join(env.WorkDir, dir)); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// copyDir copies the files of from into to, keeping files that exist there.
func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if _, err := os.Lstat(dst); err == nil {
			return nil // the script's own version of the file wins
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
