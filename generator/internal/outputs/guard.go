package outputs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// sources are the project's own files and folders, relative to its root. No
// output may replace one, lie inside one or hold one, however its path is
// spelt.
var sources = []source{
	{name: ".git", dir: true}, {name: "data", dir: true}, {name: "schemas", dir: true},
	{name: "content", dir: true}, {name: "themes", dir: true}, {name: "layouts", dir: true},
	{name: "i18n", dir: true}, {name: "static", dir: true}, {name: "assets", dir: true},
	{name: "archetypes", dir: true}, {name: "config", dir: true}, {name: "generator", dir: true},
	{name: "hugo.toml"}, {name: "hugo.yaml"}, {name: "hugo.json"}, {name: "go.mod"}, {name: "go.sum"},
}

// Project is a project root and its sources, with every link followed.
type Project struct {
	root    string // resolved
	given   string // absolute, as given
	sources []source
}

type source struct {
	name string // relative to the root
	dir  bool   // a folder, not a file
	path string // resolved
}

// NewProject resolves root and the sources it holds.
func NewProject(root string) (*Project, error) {
	r, err := Resolve(root)
	if err != nil {
		return nil, err
	}
	given, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	p := &Project{root: r, given: given}
	for _, src := range sources {
		// Protected whether it exists or not, at the place it resolves to
		// when it is a link.
		if src.path, err = Resolve(filepath.Join(r, src.name)); err != nil {
			return nil, err
		}
		p.sources = append(p.sources, src)
	}
	return p, nil
}

// Root is the project root, resolved.
func (p *Project) Root() string { return p.root }

// Site checks that dir may be replaced as a whole by a built site: it is not
// the project or a folder that holds it, and it neither lies inside nor holds
// one of the project's sources. It returns dir resolved; the error names dir
// as given.
func (p *Project) Site(dir string) (string, error) {
	s, err := Resolve(dir)
	if err != nil {
		return "", err
	}
	shown := p.show(dir, s)
	if within(p.root, s) {
		return "", fmt.Errorf("publish directory %s holds the project itself", shown)
	}
	for _, src := range p.sources {
		switch {
		case within(s, src.path) && src.dir:
			return "", fmt.Errorf("publish directory %s is inside the project's %s/ folder", shown, src.name)
		case within(s, src.path):
			return "", fmt.Errorf("publish directory %s would replace the project's %s", shown, src.name)
		case within(src.path, s):
			return "", fmt.Errorf("publish directory %s holds the project's %s", shown, src.name)
		}
	}
	return s, nil
}

// Workbook checks that file may be replaced by the workbook: it is not
// inside the site directory site (as returned by Site), not one of the
// project's sources or inside one, not a directory, and not an existing file
// that is something else than a workbook. It returns file resolved; the
// error names file as given and siteShown for the site.
func (p *Project) Workbook(file, site, siteShown string) (string, error) {
	return p.private(file, site, siteShown, "the workbook", "a workbook", "a record of processing is not a public document", isWorkbook)
}

// Review checks that file may be replaced by a review document, as Workbook
// checks the workbook: a redline of the notice is not published either.
func (p *Project) Review(file, site, siteShown string) (string, error) {
	return p.private(file, site, siteShown, "the review document", "a review document", "a draft of the notice under review is not published", isReview)
}

// private checks the place of an output that is not public: what and a name
// it in messages, why says why it is not on the site, and kind tests an
// existing file that may be replaced.
func (p *Project) private(file, site, siteShown, what, a, why string, kind func(string) bool) (string, error) {
	w, err := Resolve(file)
	if err != nil {
		return "", err
	}
	shown := p.show(file, w)
	if within(w, site) {
		return "", fmt.Errorf("%s %s would be inside the site directory %s: %s", what, shown, siteShown, why)
	}
	if within(site, w) || within(p.root, w) {
		return "", fmt.Errorf("%s %s would replace a directory of the project", what, shown)
	}
	for _, src := range p.sources {
		switch {
		case within(w, src.path) && src.dir:
			return "", fmt.Errorf("%s %s would be inside the project's %s/ folder", what, shown, src.name)
		case within(w, src.path):
			return "", fmt.Errorf("%s %s would replace the project's %s", what, shown, src.name)
		case within(src.path, w):
			return "", fmt.Errorf("%s %s would replace a directory of the project", what, shown)
		}
	}
	fi, err := os.Stat(w)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return w, nil
	case err != nil:
		return "", err
	case fi.IsDir():
		return "", fmt.Errorf("%s %s is a directory", what, shown)
	case !fi.Mode().IsRegular() || !kind(w):
		return "", fmt.Errorf("%s %s would replace a file that is not %s", what, shown, a)
	}
	return w, nil
}

// isReview reports whether the file starts as a review document does, so
// that a mistyped --out cannot replace another file.
func isReview(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(ReviewHead))
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return string(head) == ReviewHead
}

// ReviewHead is how a review document starts.
const ReviewHead = "<!DOCTYPE html>\n<!-- review of the notice -->\n"

// isWorkbook reports whether the file starts as an .xlsx file (a zip archive)
// does, so that a mistyped --workbook cannot replace a document.
func isWorkbook(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head, []byte("PK\x03\x04"))
}

// show names a path as given, and where it leads when a link makes that
// another place: relative to the root when it is inside the project.
func (p *Project) show(given, resolved string) string {
	abs, err := filepath.Abs(given)
	if err == nil && abs == resolved {
		return given
	}
	to := resolved
	if within(resolved, p.root) {
		rel, _ := filepath.Rel(p.root, resolved)
		if within(abs, p.given) {
			if relGiven, _ := filepath.Rel(p.given, abs); relGiven == rel {
				return given // only the root's own path holds a link
			}
		}
		if rel != "." {
			to = filepath.ToSlash(rel)
		}
	}
	return fmt.Sprintf("%s (%s once links are followed)", given, to)
}
