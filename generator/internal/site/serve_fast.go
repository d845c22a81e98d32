package site

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/privacy-as-code/ropa/generator/internal/outputs"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// A rebuild of the whole site costs seconds on a register of a thousand
// activities: every page reads the one view, so Hugo cannot re-render only
// what an edit touched. Serve therefore shows an edit in two steps. When the
// only files that changed are activity records, the pages of those
// activities are built first, from a register that holds only them (a site
// of a few dozen pages, built in well under a second), and copied over the
// served site, file by file. Then the whole site is rebuilt in the
// background and swapped in whole, so that the lists, the category and
// recipient pages and the search index catch up.

// maxQuickActivities is the most activities whose pages are built ahead of
// the full rebuild; an edit of more (a search and replace over the
// records) waits for the full rebuild alone.
const maxQuickActivities = 10

// stamps are the watched files of a project and, for each, its size and
// time of change.
type stamps map[string]string

// fingerprint records the watched files (not folders) under root. Hidden
// files and folders in data/ are left out: the records never include them,
// and an editor's swap file there (.name.toml.swp) changes while one types.
func fingerprint(root string) stamps {
	out := stamps{}
	for _, w := range watched {
		top := filepath.Join(root, w)
		_ = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if w == "data" && p != top && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				// A folder's time changes with its entries (an editor that
				// saves by renaming a new file over the old); its files
				// tell what changed.
				return nil
			}
			if fi, err := d.Info(); err == nil {
				out[p] = fmt.Sprintf("%d %d", fi.Size(), fi.ModTime().UnixNano())
			}
			return nil
		})
	}
	return out
}

// changedSince adds to into the files that were added, removed or changed
// between old and now, and tells whether there were any.
func changedSince(old, now stamps, into map[string]bool) bool {
	seen := false
	for p, s := range now {
		if old[p] != s {
			into[p], seen = true, true
		}
	}
	for p := range old {
		if _, ok := now[p]; !ok {
			into[p], seen = true, true
		}
	}
	return seen
}

// editedActivities returns the ids of the activities whose record files are
// all that changed (besides files in data/ that are no records), or nil when
// something else changed too (a shared register, the organisation, the
// theme, a record removed) or when there are more than maxQuickActivities:
// then only a full rebuild shows the change.
func editedActivities(root string, reg *register.Register, changed map[string]bool) []string {
	if len(changed) == 0 || len(changed) > maxQuickActivities {
		return nil
	}
	byFile := map[string]string{}
	for _, a := range reg.Activities {
		if f, ok := reg.Files["activity:"+a.ID]; ok {
			byFile[filepath.ToSlash(f)] = a.ID
		}
	}
	var ids []string
	for p := range changed {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if id, ok := byFile[rel]; ok {
			ids = append(ids, id)
			continue
		}
		if strings.HasPrefix(rel, "data/") && !strings.HasSuffix(rel, ".toml") {
			// Not a record (an editor's backup, a README): no page shows it.
			continue
		}
		return nil
	}
	slices.Sort(ids)
	return ids
}

// onlyActivities returns a copy of reg that holds only the activities of ids
// (and, in its shared registers, everything as before). The site has a
// cookies page when an activity has cookies, and every page's menu links to
// it: so when none of ids has cookies, the first public activity that has
// some is kept too, and the small site has the pages the full one has.
func onlyActivities(reg *register.Register, ids []string) *register.Register {
	keep := map[string]bool{}
	cookies := false
	for _, a := range reg.Activities {
		if slices.Contains(ids, a.ID) {
			keep[a.ID] = true
			cookies = cookies || (a.IsPublic() && len(a.Cookies) > 0)
		}
	}
	for _, a := range reg.Activities {
		if !cookies && a.IsPublic() && len(a.Cookies) > 0 {
			keep[a.ID], cookies = true, true
		}
	}
	small := *reg
	small.Activities = nil
	for _, a := range reg.Activities {
		if keep[a.ID] {
			small.Activities = append(small.Activities, a)
		}
	}
	return &small
}

// activityPages builds the pages of the activities of ids in every language,
// from a register that holds only them, into dir/public (with its work files
// in dir/gen). It returns the files of those pages, relative to dir/public.
// The pages are as the full build makes them: an activity's page reads only
// its own entry of the view and what is the same for the whole site.
func activityPages(root, dir string, reg *register.Register, ids []string) ([]string, error) {
	out := filepath.Join(dir, "public")
	var paths []string
	data := func(formal map[string]bool) (*generated, error) {
		g, err := generate(onlyActivities(reg, ids), nil, formal)
		if err != nil {
			return nil, err
		}
		for _, lang := range g.site.Languages() {
			for _, id := range ids {
				if p, ok := g.site.ActivityPath(lang, id); ok {
					paths = append(paths, strings.Trim(p, "/"))
				}
			}
		}
		return g, nil
	}
	if _, err := buildInto(root, out, filepath.Join(dir, "gen"), data, nil); err != nil {
		return nil, err
	}
	// The files of a page are in its folder: <language>/<path>/ (the
	// default language may have no folder of its own).
	var files []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		folder := path.Dir(rel)
		for _, ap := range paths {
			if ap != "" && (folder == ap || strings.HasSuffix(folder, "/"+ap)) {
				files = append(files, rel)
				break
			}
		}
		return nil
	})
	return files, err
}

// copyInto puts each file (relative to from) into the served site dir: each
// written to a temporary file next to its place and renamed over it, so a
// request never gets half a page.
func copyInto(from, dir string, files []string) error {
	for _, rel := range files {
		b, err := os.ReadFile(filepath.Join(from, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		f, err := os.CreateTemp(filepath.Dir(target), ".patch-*")
		if err != nil {
			return err
		}
		_, werr := f.Write(b)
		cerr := f.Close()
		if werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Chmod(f.Name(), 0o644)
		}
		if werr == nil {
			werr = os.Rename(f.Name(), target)
		}
		if werr != nil {
			os.Remove(f.Name())
			return werr
		}
	}
	return nil
}

// preview is the served site of Serve: the quick pages of an edit and the
// full rebuilds in the background, which run one at a time.
type preview struct {
	root, public, work string
	log                io.Writer
	// refresh tells the open pages to reload.
	refresh func()
	// hold, when set, is waited on before each full rebuild starts (tests).
	hold <-chan struct{}

	mu sync.Mutex // guards the served directory and what follows
	// latest counts the registers that loaded; a full rebuild of an older
	// one is not swapped in, as it would take back the pages of a newer edit.
	latest  int
	running bool
	next    *register.Register // the register to rebuild once the running build ends
	nextGen int                // its number
	done    sync.WaitGroup
}

// loaded records a register that loaded, and returns its number.
func (p *preview) loaded() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.latest++
	return p.latest
}

// showActivities builds the pages of the activities of ids and copies them
// over the served site. On an error nothing is shown early: the full
// rebuild that follows reports it.
func (p *preview) showActivities(reg *register.Register, ids []string, gen int) {
	dir, err := os.MkdirTemp(p.work, "pages-")
	if err != nil {
		return
	}
	defer os.RemoveAll(dir)
	files, err := activityPages(p.root, dir, reg, ids)
	if err != nil || len(files) == 0 {
		return
	}
	out := filepath.Join(dir, "public")
	p.mu.Lock()
	defer p.mu.Unlock()
	if gen != p.latest {
		return
	}
	if err := copyInto(out, p.public, files); err != nil {
		fmt.Fprintf(p.log, "could not show the edited pages early: %v\n", err)
		return
	}
	p.refresh()
}

// rebuild starts a full rebuild of reg, number gen, in the background, or,
// while one runs, makes reg the next one.
func (p *preview) rebuild(reg *register.Register, gen int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running {
		p.next, p.nextGen = reg, gen
		return
	}
	p.running = true
	p.done.Add(1)
	go p.rebuildLoop(reg, gen)
}

func (p *preview) rebuildLoop(reg *register.Register, gen int) {
	defer p.done.Done()
	for {
		if p.hold != nil {
			<-p.hold
		}
		stage, _, err := Prepare(Options{Root: p.root, PublishDir: p.public, Register: reg, Log: p.log})
		p.mu.Lock()
		switch {
		case err != nil:
			// Reported only when no newer register is waiting.
			if p.next == nil {
				fmt.Fprintf(p.log, "rebuild failed, still serving the previous site: %v\n", err)
			}
		case gen == p.latest:
			if err := p.swapIn(stage); err != nil {
				fmt.Fprintf(p.log, "rebuild failed, still serving the previous site: %v\n", err)
			} else {
				p.refresh()
			}
		}
		next, nextGen := p.next, p.nextGen
		p.next = nil
		p.running = next != nil
		p.mu.Unlock()
		if stage != nil {
			// The site it replaced (thousands of files) is removed outside
			// the lock, so that an edit is not shown later for it.
			stage.Remove()
		}
		if next == nil {
			return
		}
		reg, gen = next, nextGen
	}
}

// swapIn puts the site built in stage in the place of the served one, which
// goes into the stage, to be removed with it. Two renames: unlike
// outputs.Commit, the site replaced is not removed here, while the lock is
// held.
func (p *preview) swapIn(stage *outputs.Stage) error {
	before := filepath.Join(stage.Dir(), "served-before")
	if err := os.Rename(p.public, before); err != nil {
		return err
	}
	if err := os.Rename(stage.Output(), p.public); err != nil {
		_ = os.Rename(before, p.public)
		return err
	}
	return nil
}

// stop waits for the full rebuild that runs, and drops the one waiting.
func (p *preview) stop() {
	p.mu.Lock()
	p.next = nil
	p.mu.Unlock()
	p.done.Wait()
}

// lockedWriter lets the serve loop and the rebuilds in the background write
// to one log.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
