// Package history reads the register's history from git: the versions of
// the notice, what changed between them in Art. 30 terms (package change),
// and when each activity was created, first published and last changed.
//
// Dates are git committer dates, never the clock or file times, so two
// builds of the same commit are the same. Without git, outside a repository,
// in a shallow clone or without a version of the notice, there is no history
// (Read returns nil) and the outputs say nothing about it.
//
// The cost is bounded by the number of versions, not of commits: only the
// register at each version is loaded, and only consecutive versions are
// compared. The dates per activity file come from one git log.
package history

import (
	"cmp"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/gitrepo"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/tomlfile"
)

// organisationFile is the record whose version or effective_date marks a
// new version of the notice.
var organisationFile = path.Join(register.DataDir, "organisation.toml")

// activitiesDir holds one file per activity.
var activitiesDir = path.Join(register.DataDir, "activities")

// History is what git says about the register.
type History struct {
	// Versions are the versions of the notice that validate, oldest first.
	Versions []*Version
	// Files holds, per activity id, when its record file was created and
	// last changed (any change, internal fields included).
	Files map[string]FileDates
	// DefaultLang is the register's default language, for names.
	DefaultLang string
	// Languages are the register's languages.
	Languages []string
	// Head is the newest commit that changed data/.
	Head gitrepo.Commit
}

// Version is one version of the notice.
type Version struct {
	Commit string    // the full hash
	Date   time.Time // committer date, UTC
	Label  string    // the tag, else data/organisation.toml's version, else its effective_date
	// Changes are every change from the previous version, internal fields
	// included; nil for the first version.
	Changes []change.Change
	// Public are the changes of the public part of the register: public
	// activities and the public fields of what they use.
	Public []change.Change

	reg, pub       *register.Register // the register at this version, and its public part
	prevPub        *register.Register // the public part at the previous version
	publicActivity map[string]bool    // ids of the activities public at this version
	baseline       bool               // the oldest version read when older ones were left out: compared with, not shown
}

// Short returns the version's abbreviated hash.
func (v *Version) Short() string { return v.Commit[:min(7, len(v.Commit))] }

// First reports whether v is the first version: it has no changes of its own.
func (v *Version) First() bool { return v.prevPub == nil && !v.baseline }

// FileDates are when an activity's record was created and last changed.
type FileDates struct {
	Created, Changed time.Time
	CreatedIn        string // the commit, abbreviated
	ChangedIn        string
}

// Options say how to find the versions.
type Options struct {
	// Tags is a glob of tags that mark versions too (hugo.toml [params]
	// history_tags), e.g. "privacy-*"; empty for none.
	Tags string
	// MaxVersions bounds the cost: only the newest MaxVersions versions are
	// compared, each with the one before it (loaded as a baseline, not
	// shown). 0 means DefaultMaxVersions.
	MaxVersions int
}

// DefaultMaxVersions is how many versions are compared by default: each
// costs a load of the register at that commit.
const DefaultMaxVersions = 50

// Read reads the history of the project at root. It returns nil, and no
// error, when there is no history to tell: no git, not a repository, a
// shallow clone, or no version of the notice that validates. An error is a
// failure of git in a repository that has history.
func Read(root string, opts Options) (*History, error) {
	repo, err := gitrepo.Open(root)
	if err != nil || !repo.HasHead() || repo.Shallow() {
		return nil, nil
	}
	versions, err := findVersions(repo, opts)
	if err != nil || len(versions) == 0 {
		return nil, err
	}
	limit := cmp.Or(opts.MaxVersions, DefaultMaxVersions)
	truncated := len(versions) > limit+1
	if truncated {
		versions = versions[len(versions)-limit-1:]
	}
	h := &History{}
	// The versions are loaded a few at a time, in parallel, and compared in
	// order; only a batch and the version before it are held in full.
	batch := max(1, min(runtime.GOMAXPROCS(0), 4))
	loaded := make([]*register.Register, len(versions))
	errs := make([]error, len(versions))
	var prev *Version
	skipped := false // an older version did not validate
	for i, v := range versions {
		if i%batch == 0 {
			var wg sync.WaitGroup
			for j := i; j < min(i+batch, len(versions)); j++ {
				wg.Go(func() {
					reg, ok, err := loadAt(repo, versions[j].Commit)
					if ok {
						loaded[j] = reg
					}
					errs[j] = err
				})
			}
			wg.Wait()
		}
		if errs[i] != nil {
			return nil, errs[i]
		}
		reg := loaded[i]
		loaded[i] = nil
		if reg == nil {
			skipped = true
			continue // a version that does not validate tells nothing reliable
		}
		v.reg, v.pub = reg, publicPart(reg)
		v.publicActivity = map[string]bool{}
		for _, a := range v.pub.Activities {
			v.publicActivity[a.ID] = true
		}
		if prev == nil && (truncated || skipped) {
			// Older versions were not read, or did not validate: this one
			// only serves to compare with. It is not the first version, and
			// what is public in it was not first published with it.
			v.baseline = true
		}
		if prev != nil {
			v.prevPub = prev.pub
			v.Changes = change.Compare(unversioned(prev.reg), unversioned(reg))
			v.Public = change.Compare(prev.pub, v.pub)
			prev.reg = nil // only the public parts are needed from here on
		}
		h.Versions = append(h.Versions, v)
		prev = v
	}
	if len(h.Versions) == 0 {
		return nil, nil
	}
	last := h.Versions[len(h.Versions)-1].reg
	h.DefaultLang, h.Languages = last.DefaultLanguage, last.Languages
	if h.Files, err = fileDates(repo); err != nil {
		return nil, err
	}
	if h.Head, _, err = repo.LastCommit(register.DataDir); err != nil {
		return nil, err
	}
	return h, nil
}

// unversioned returns the register without the version and effective date
// of its organisation: they mark versions, they are not changes.
func unversioned(reg *register.Register) *register.Register {
	r := *reg
	r.Organisation.Version, r.Organisation.EffectiveDate = "", ""
	return &r
}

// findVersions returns the commits that changed data/organisation.toml's
// version or effective_date, and the tagged commits, oldest first. A commit
// is a version when its version and date differ from those of each of its
// parents: a merge that takes them from one side is not a new version, the
// commit on that side is.
func findVersions(repo *gitrepo.Repo, opts Options) ([]*Version, error) {
	commits, err := repo.Log(organisationFile)
	if err != nil {
		return nil, err
	}
	var revs []string
	for _, c := range commits {
		revs = append(revs, c.Hash)
		revs = append(revs, c.Parents...)
	}
	files, err := repo.ReadFiles(revs, organisationFile)
	if err != nil {
		return nil, err
	}
	key := func(rev string) (string, string, bool) {
		src, ok := files[rev]
		if !ok {
			return "", "", false
		}
		version, effective := versionOf(src)
		return version, effective, version != "" || effective != ""
	}
	byCommit := map[string]*Version{}
	var out []*Version
	for _, c := range commits {
		version, effective, ok := key(c.Hash)
		if !ok {
			continue
		}
		for _, p := range c.Parents {
			if pv, pe, _ := key(p); pv == version && pe == effective {
				ok = false
			}
		}
		if ok {
			v := &Version{Commit: c.Hash, Date: c.Date, Label: cmp.Or(version, effective)}
			byCommit[c.Hash] = v
			out = append(out, v)
		}
	}
	// The log lists a commit before its parents: oldest first, then sorted
	// by date below, versions of the same second keep the order of the
	// history.
	slices.Reverse(out)
	if opts.Tags != "" {
		tags, err := repo.Tags(opts.Tags)
		if err != nil {
			return nil, fmt.Errorf("history: tags %q: %v", opts.Tags, err)
		}
		for _, t := range tags {
			if v := byCommit[t.Commit]; v != nil {
				v.Label = t.Name
				continue
			}
			date, err := repo.CommitDate(t.Commit)
			if err != nil {
				return nil, err
			}
			v := &Version{Commit: t.Commit, Date: date, Label: t.Name}
			byCommit[t.Commit] = v
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b *Version) int { return a.Date.Compare(b.Date) })
	return out, nil
}

// versionOf reads version and effective_date from an organisation record;
// both are empty when it does not parse.
func versionOf(src []byte) (version, effective string) {
	doc, err := tomlfile.Parse(organisationFile, src)
	if err != nil {
		return "", ""
	}
	str := func(k string) string {
		if v, ok := doc.Data[k]; ok && v != nil {
			return fmt.Sprint(v)
		}
		return ""
	}
	return str("version"), str("effective_date")
}

// recordPaths are what a revision needs to be loaded as validate loads it.
var recordPaths = []string{register.DataDir, register.SchemasDir, register.ConfigFile}

// loadAt loads the register as it is at commit rev, as validate loads a
// project (its records, schemas and hugo.toml of that commit, in a
// temporary directory removed afterwards). ok is false when it has errors.
func loadAt(repo *gitrepo.Repo, rev string) (reg *register.Register, ok bool, err error) {
	dir, err := os.MkdirTemp("", "ropa-history-")
	if err != nil {
		return nil, false, err
	}
	defer os.RemoveAll(dir)
	if err := repo.Extract(rev, recordPaths, dir); err != nil {
		return nil, false, fmt.Errorf("history: cannot read %.7s from git: %v", rev, err)
	}
	schemas, err := register.CompileSchemas(dir)
	if err != nil {
		return nil, false, nil
	}
	reg, diags := schemas.Load(dir)
	for _, d := range diags {
		if d.Severity == diag.Error {
			return nil, false, nil
		}
	}
	return reg, reg != nil, nil
}

// fileDates reads when each activity file was created and last changed,
// from one git log of data/activities.
func fileDates(repo *gitrepo.Repo) (map[string]FileDates, error) {
	commits, err := repo.Log(activitiesDir)
	if err != nil {
		return nil, err
	}
	out := map[string]FileDates{}
	done := map[string]bool{}
	for _, c := range commits { // newest first
		for _, f := range c.Files {
			dir, name := path.Split(f.Path)
			id, ok := strings.CutSuffix(name, ".toml")
			if !ok || path.Clean(dir) != activitiesDir || done[id] {
				continue
			}
			if f.Status == 'D' { // deleted here: what came before is another life
				done[id] = true
				continue
			}
			d, seen := out[id]
			if !seen {
				d.Changed, d.ChangedIn = c.Date, c.Short()
			}
			d.Created, d.CreatedIn = c.Date, c.Short()
			out[id] = d
			done[id] = f.Status == 'A'
		}
	}
	return out, nil
}

// TagsSetting reads hugo.toml's [params] history_tags at root: the glob of
// tags that mark versions of the notice; empty when it is not set.
func TagsSetting(root string) string {
	src, err := os.ReadFile(filepath.Join(root, register.ConfigFile))
	if err != nil {
		return ""
	}
	doc, perr := tomlfile.Parse(register.ConfigFile, src)
	if perr != nil {
		return ""
	}
	params, _ := doc.Data["params"].(map[string]any)
	s, _ := params["history_tags"].(string)
	return s
}
