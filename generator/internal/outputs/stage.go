package outputs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The names inside a stage.
const (
	outputName   = "output"   // the output being built
	previousName = "previous" // the output it replaces, moved aside while they swap
	workName     = "work"     // work files that are never published
	lockName     = "lock"     // held while the build that made the stage runs
	commitName   = "commit"   // written once every output of a build is complete
)

// staleAfter is the age after which a leftover that carries no lock (one of
// an older version of the generator) is removed: no build takes that long.
const staleAfter = time.Hour

// Stage is a temporary directory next to an output's final place, where the
// output is built. Its lock is held as long as the build runs, so that a
// later build tells a stage an interrupted build left behind (removed) from
// the stage of a build still running (left alone).
type Stage struct {
	dir    string
	target string // the final place, resolved; empty for a temporary directory
	lock   *os.File
}

// NewStage makes a stage for the output whose final place is target (a
// resolved path, as Project.Site and Project.Workbook return), first
// removing what interrupted builds left next to target.
func NewStage(target string) (*Stage, error) {
	parent, base := filepath.Split(target)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return nil, err
	}
	Recover(target)
	return newStage(parent, "."+base+".new-", target)
}

// NewTempDir makes a locked directory in the system's temporary directory,
// first removing the ones interrupted runs left there. Dir is the directory
// to use; Remove removes it.
func NewTempDir(prefix string) (*Stage, error) {
	sweepTemp()
	return newStage(os.TempDir(), prefix, "")
}

func newStage(parent, prefix, target string) (*Stage, error) {
	dir, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err == nil {
		if err = lock(f); err != nil && !errors.Is(err, errNoLocks) {
			f.Close()
		}
	}
	if err != nil && !errors.Is(err, errNoLocks) {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Stage{dir: dir, target: target, lock: f}, nil
}

// Dir is the stage's directory.
func (s *Stage) Dir() string { return s.dir }

// Output is where the output is built: a file or directory the builder
// creates. Commit moves it to the final place.
func (s *Stage) Output() string { return filepath.Join(s.dir, outputName) }

// Work is a directory for work files, removed with the stage.
func (s *Stage) Work() (string, error) {
	w := filepath.Join(s.dir, workName)
	return w, os.MkdirAll(w, 0o700)
}

// Remove removes the stage and what it still holds. It is a no-op on a stage
// already removed.
func (s *Stage) Remove() error {
	if s.lock == nil && s.dir == "" {
		return nil
	}
	err := os.RemoveAll(s.dir)
	if s.lock != nil {
		s.lock.Close()
	}
	s.lock, s.dir = nil, ""
	return err
}

// Commit moves the outputs of the stages to their final places, one right
// after the other, once all of them are complete; the outputs they replace
// are removed. When a move fails, the outputs already moved are put back, so
// that the previous outputs stay together. A build killed while it commits
// leaves a mark: the next build (see Recover) then removes the outputs rather
// than leave them mixed.
func Commit(stages ...*Stage) error {
	var list strings.Builder
	for _, s := range stages {
		if s.target == "" {
			return errors.New("outputs: commit of a stage without a final place")
		}
		fmt.Fprintln(&list, s.dir)
	}
	for _, s := range stages {
		if err := writeSynced(filepath.Join(s.dir, commitName), list.String()); err != nil {
			return err
		}
	}
	for i, s := range stages {
		if err := s.swap(); err != nil {
			for j := i - 1; j >= 0; j-- {
				stages[j].unswap()
			}
			for _, s := range stages {
				os.Remove(filepath.Join(s.dir, commitName))
			}
			return err
		}
	}
	// All moved: from here on, a kill leaves complete outputs.
	for _, s := range stages {
		os.Remove(filepath.Join(s.dir, commitName))
	}
	var errs []error
	for _, s := range stages {
		if err := s.Remove(); err != nil {
			errs = append(errs, fmt.Errorf("removing the previous output: %w", err))
		}
	}
	return errors.Join(errs...)
}

// swap moves the stage's output to its final place, and what was there into
// the stage. It continues a swap a killed build began.
func (s *Stage) swap() error {
	out, prev := filepath.Join(s.dir, outputName), filepath.Join(s.dir, previousName)
	if _, err := os.Lstat(out); err != nil {
		return err
	}
	if _, err := os.Lstat(s.target); err == nil {
		if err := os.RemoveAll(prev); err != nil {
			return err
		}
		if err := os.Rename(s.target, prev); err != nil {
			return err
		}
	}
	if err := os.Rename(out, s.target); err != nil {
		_ = os.Rename(prev, s.target)
		return err
	}
	return nil
}

// unswap undoes swap.
func (s *Stage) unswap() {
	prev := filepath.Join(s.dir, previousName)
	if err := os.Rename(s.target, filepath.Join(s.dir, outputName)); err != nil {
		return
	}
	_ = os.Rename(prev, s.target)
}

func writeSynced(name, content string) error {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Recover removes what interrupted builds left next to the final places
// targets (resolved paths, as Project checked them) and in the system's
// temporary directory; leftovers of a build still running (its lock is held)
// are left alone. A build killed while it moved its outputs into place may
// have left a new site with an old workbook: Recover then removes those
// outputs rather than leave them mixed, and returns them, for the caller to
// say so and build new ones. (It never moves a leftover into place: a
// leftover may have been committed to the repository by anyone.)
func Recover(targets ...string) (removed []string) {
	for _, t := range targets {
		parent, base := filepath.Split(t)
		sweep(parent, func(name string, dir bool) bool {
			if dir {
				return strings.HasPrefix(name, "."+base+".new-")
			}
			// Older versions wrote the workbook to .<name>.*.tmp.
			return strings.HasPrefix(name, "."+base+".") && strings.HasSuffix(name, ".tmp")
		}, staleAfter, func(stage string) {
			removed = append(removed, undoCommit(stage, targets)...)
		})
	}
	sweepTemp()
	return removed
}

// sweepTemp removes what interrupted runs left in the system's temporary
// directory: the generated files of older versions' builds, and the
// directories of killed previews (only when their lock is free: a preview
// of an older version, which has no lock, may still be running).
func sweepTemp() {
	sweep(os.TempDir(), func(name string, dir bool) bool {
		return dir && strings.HasPrefix(name, "ropa-generated-")
	}, staleAfter, nil)
	sweep(os.TempDir(), func(name string, dir bool) bool {
		return dir && strings.HasPrefix(name, "ropa-serve-")
	}, 0, nil)
}

// sweep removes the entries of parent that ours says we made and no running
// build holds: a directory whose lock is free, or, with no lock to tell,
// anything older than lockless (never when lockless is 0). Before a locked
// stage is removed, stale is called with it.
func sweep(parent string, ours func(name string, dir bool) bool, lockless time.Duration, stale func(stage string)) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !ours(e.Name(), e.IsDir()) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if e.IsDir() {
			if f, ok, locked := tryLock(filepath.Join(p, lockName)); locked {
				if ok {
					if stale != nil {
						stale(p)
					}
					os.RemoveAll(p)
					f.Close()
				}
				continue
			}
		}
		if fi, err := e.Info(); err == nil && lockless > 0 && time.Since(fi.ModTime()) > lockless {
			os.RemoveAll(p)
		}
	}
}

// undoCommit removes the outputs of the commit a killed build began in the
// stage dir, if it began one: those among targets that the commit mark
// names, and the stage's own.
func undoCommit(dir string, targets []string) (removed []string) {
	b, err := os.ReadFile(filepath.Join(dir, commitName))
	if err != nil {
		return nil
	}
	named := map[string]bool{}
	if t, ok := stageTarget(dir); ok {
		named[t] = true
	}
	for _, d := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if t, ok := stageTarget(filepath.Clean(d)); ok {
			named[t] = true
		}
	}
	for _, t := range targets {
		if named[t] {
			if _, err := os.Lstat(t); err == nil && os.RemoveAll(t) == nil {
				removed = append(removed, t)
			}
		}
	}
	return removed
}

// stageTarget is the final place of the stage dir, from its name
// .<base>.new-<random> next to it.
func stageTarget(dir string) (string, bool) {
	parent, name := filepath.Split(dir)
	i := strings.LastIndex(name, ".new-")
	if !strings.HasPrefix(name, ".") || i < 2 {
		return "", false
	}
	return filepath.Join(parent, name[1:i]), true
}
