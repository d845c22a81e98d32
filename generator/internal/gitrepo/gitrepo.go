// Package gitrepo reads a project's history by running the git command, as
// Hugo's GitInfo does: no shell, each argument passed as is.
package gitrepo

import (
	"archive/tar"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// ErrNoGit means the git command is not installed or not on PATH.
var ErrNoGit = errors.New("git is not installed or not on PATH; diff reads the history with the git command")

// MissingRevisionError says a revision does not exist in the repository.
type MissingRevisionError struct {
	Rev     string
	Shallow bool // the repository is a shallow clone
}

func (e *MissingRevisionError) Error() string {
	msg := fmt.Sprintf("revision %q is not in this repository", e.Rev)
	if e.Shallow {
		msg += "; it is a shallow clone: fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
	}
	return msg
}

// Repo is the git repository holding a project directory.
type Repo struct {
	dir    string // the project directory
	top    string // the repository's top directory
	prefix string // the project directory relative to top, "" or ending in "/"
}

// Open finds the repository that holds dir.
func Open(dir string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	r := &Repo{dir: dir}
	out, err := r.git("rev-parse", "--show-toplevel", "--show-prefix")
	lines := strings.Split(out, "\n")
	if err != nil || len(lines) < 2 {
		abs, _ := filepath.Abs(dir)
		return nil, fmt.Errorf("%s is not in a git repository: %v", abs, err)
	}
	r.top, r.prefix = lines[0], lines[1]
	return r, nil
}

// git runs git in the project directory and returns its standard output; a
// failure carries git's own message.
func (r *Repo) git(args ...string) (string, error) {
	return r.gitIn(r.dir, args...)
}

// gitIn runs git in dir.
func (r *Repo) gitIn(dir string, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	if err := cmd.Run(); err != nil {
		return "", gitError(err, stderr.String())
	}
	return stdout.String(), nil
}

func gitError(err error, stderr string) error {
	if msg := strings.TrimSpace(stderr); msg != "" {
		return errors.New(strings.TrimPrefix(strings.SplitN(msg, "\n", 2)[0], "fatal: "))
	}
	return err
}

// Resolve returns the commit a revision names.
func (r *Repo) Resolve(rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", &MissingRevisionError{Rev: rev}
	}
	out, err := r.git("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		shallow, _ := r.git("rev-parse", "--is-shallow-repository")
		return "", &MissingRevisionError{Rev: rev, Shallow: strings.TrimSpace(shallow) == "true"}
	}
	return strings.TrimSpace(out), nil
}

// DefaultBranch returns the default branch: origin/HEAD, else main or
// master, local or else origin's (a CI checkout often has no local branch).
func (r *Repo) DefaultBranch() (string, error) {
	if out, err := r.git("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"); err == nil {
		return strings.TrimSpace(out), nil
	}
	for _, b := range []string{"main", "master", "origin/main", "origin/master"} {
		ref := "refs/heads/" + b
		if strings.HasPrefix(b, "origin/") {
			ref = "refs/remotes/" + b
		}
		if _, err := r.git("rev-parse", "--verify", "--quiet", ref); err == nil {
			return b, nil
		}
	}
	return "", errors.New("no default branch: there is no origin/HEAD, main or master; pass --from")
}

// MergeBase returns the best common ancestor of two commits.
func (r *Repo) MergeBase(a, b string) (string, error) {
	out, err := r.git("merge-base", a, b)
	if err != nil {
		return "", fmt.Errorf("%s and %s have no common ancestor here (a shallow clone needs more history: git fetch --unshallow): %v", a, b, err)
	}
	return strings.TrimSpace(out), nil
}

// Extract writes the files under paths (relative to the project directory)
// as they are at commit rev into dir. Paths the revision lacks are skipped.
func (r *Repo) Extract(rev string, paths []string, dir string) error {
	// Paths are given from the top: git reads them relative to the
	// directory it runs in.
	args := []string{"ls-tree", "-z", "--name-only", "--full-name", rev, "--"}
	for _, p := range paths {
		args = append(args, r.prefix+p)
	}
	listed, err := r.gitIn(r.top, args...)
	if err != nil {
		return err
	}
	present := strings.FieldsFunc(listed, func(c rune) bool { return c == 0 })
	if len(present) == 0 {
		return nil
	}
	var stderr bytes.Buffer
	cmd := exec.Command("git", append([]string{"archive", "--format=tar", rev, "--"}, present...)...)
	cmd.Dir = r.top
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	terr := untar(out, r.prefix, dir)
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return gitError(err, stderr.String())
	}
	return terr
}

// untar writes the regular files of a tar stream below dir, stripping prefix
// and refusing names that would leave dir. Files are written by a few
// workers while the stream is read: creating files, not reading the
// archive, is what takes the time.
func untar(in io.Reader, prefix, dir string) error {
	type entry struct {
		dst  string
		data []byte
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	work := make(chan entry)
	for range 4 {
		wg.Go(func() {
			for e := range work {
				if err := os.WriteFile(e.dst, e.data, 0o644); err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
				}
			}
		})
	}
	err := func() error {
		defer close(work)
		made := map[string]bool{}
		tr := tar.NewReader(in)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if h.Typeflag != tar.TypeReg {
				continue // directories are made as needed; links are not records
			}
			name := strings.TrimPrefix(path.Clean(h.Name), prefix)
			if !filepath.IsLocal(name) {
				return fmt.Errorf("refusing archive entry %q", h.Name)
			}
			dst := filepath.Join(dir, filepath.FromSlash(name))
			if parent := filepath.Dir(dst); !made[parent] {
				if err := os.MkdirAll(parent, 0o755); err != nil {
					return err
				}
				made[parent] = true
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				return err
			}
			work <- entry{dst, data}
		}
	}()
	wg.Wait()
	return cmp.Or(err, first)
}
