package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
)

func TestTheSiteRespectsTheUmask(t *testing.T) {
	// A web server running as another user must be able to read the site:
	// its folders get 0777 and its files 0666 less the umask, never 0700.
	for _, tt := range []struct {
		umask         int
		dirs, regular fs.FileMode
	}{
		{0o022, 0o755, 0o644},
		{0o002, 0o775, 0o664},
	} {
		old := syscall.Umask(tt.umask)
		root := project(t, hugoTOML)
		_, err := Build(Options{Root: root, Register: publishtest.Sample()})
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		public := filepath.Join(root, "public")
		err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			fi, err := d.Info()
			if err != nil {
				return err
			}
			want := tt.regular
			if d.IsDir() {
				want = tt.dirs
			}
			if fi.Mode().Perm() != want {
				rel, _ := filepath.Rel(root, p)
				t.Errorf("umask %03o: %s has mode %v, want %v", tt.umask, rel, fi.Mode().Perm(), want)
				return filepath.SkipAll
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestTheSiteGoesWhereALinkedPublishDirLeads(t *testing.T) {
	root := project(t, hugoTOML)
	www := t.TempDir()
	if err := os.Symlink(www, filepath.Join(root, "public")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Build(Options{Root: root, Register: publishtest.Sample()}); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Lstat(filepath.Join(root, "public")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("public is no longer the link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(www, "index.html")); err != nil {
		t.Errorf("the site is not where the link leads: %v", err)
	}
	// Nothing is left next to the site or in the system's temporary directory.
	for _, dir := range []string{root, filepath.Dir(www)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".new-") {
				t.Errorf("left behind in %s: %s", dir, e.Name())
			}
		}
	}
}

func TestNoBuildLeavesFilesInTheSystemTemporaryDirectory(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	root := project(t, hugoTOML)
	if _, err := Build(Options{Root: root, Register: publishtest.Sample()}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("%d files left in the temporary directory, e.g. %s", len(entries), entries[0].Name())
	}
}
