package register

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// Reading stays inside the project. A contributor can commit a symbolic link
// (data/activities/x.toml -> ~/.config/credentials, or -> ../../.git/config,
// where CI keeps its token); following it would print the lines of that file
// in the diagnostics CI logs, or publish it. So:
//
//   - hugo.toml, data/ and schemas/ must be a file and folders of the project
//     itself, not symbolic links;
//   - a file under data/ is read through an os.Root opened on data/: a link
//     that stays inside data/ is followed, one that leads anywhere else (out
//     of the project, into .git, to hugo.toml) is refused with a diagnostic
//     that names the link and never shows what it points at;
//   - schemas/*.schema.json are read the same way inside schemas/ (see
//     schema.Load).
//
// os.Root resolves every component with openat, so a link cannot be swapped
// in between a check and the read.

// errOutside marks a path that leads out of where it may be read.
var errOutside = errors.New("leads outside the project")

// errSkipped marks a file not read because its folder was refused; that is
// reported once, on the folder.
var errSkipped = errors.New("folder refused")

type outsideError struct{ msg string }

func (e *outsideError) Error() string        { return e.msg }
func (e *outsideError) Is(target error) bool { return target == errOutside }

// dirs are the opened project root and data/.
type dirs struct {
	top  *os.Root // the project root, for hugo.toml
	data *os.Root // data/; nil when it could not be opened (reported)

	mu      sync.Mutex
	folders map[string]*os.File // folders under data/ opened for quickRead; nil when one cannot be
}

func (d *dirs) close() {
	for _, f := range d.folders {
		if f != nil {
			f.Close()
		}
	}
	if d.top != nil {
		d.top.Close()
	}
	if d.data != nil {
		d.data.Close()
	}
}

// openDirs opens the project root and data/, reporting a data/ that is a
// symbolic link or cannot be opened.
func (l *loader) openDirs() *dirs {
	d := &dirs{}
	top, err := os.OpenRoot(l.root)
	if err != nil {
		l.add(diagAt(DataDir, "cannot read the project root: "+plainError(err)))
		return d
	}
	d.top = top
	if err := checkTopLevel(l.root, DataDir); err != nil {
		l.add(diagAt(DataDir, strings.TrimPrefix(err.Error(), DataDir+": ")))
		return d
	}
	data, err := top.OpenRoot(DataDir)
	if err != nil {
		l.add(diagAt(DataDir, "cannot read: "+plainError(err)))
		return d
	}
	d.data = data
	return d
}

// checkTopLevel refuses hugo.toml, data/ or schemas/ when it is a symbolic
// link: they are read as the project's own.
func checkTopLevel(root, name string) error {
	info, err := os.Lstat(filepath.Join(root, name))
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		what := "folder"
		if name == ConfigFile {
			what = "file"
		}
		return &outsideError{fmt.Sprintf("%s: is a symbolic link; %s must be a %s of the project itself, so it is not read", name, name, what)}
	}
	return nil
}

// open opens a project file by its name relative to the root: hugo.toml in
// the root, anything else under data/, never following a link out of it.
func (d *dirs) open(name string) (*os.File, error) {
	const flags = os.O_RDONLY | syscall.O_NONBLOCK // a named pipe must not wait for a writer
	var f *os.File
	var err error
	switch rest, inData := strings.CutPrefix(name, DataDir+"/"); {
	case inData:
		if d.data == nil {
			return nil, errSkipped
		}
		f, err = d.data.OpenFile(rest, flags, 0)
		if escapes(err) {
			return nil, &outsideError{"is a symbolic link that leads out of data/; records are read only inside data/, so it is not read"}
		}
	default:
		if d.top == nil {
			return nil, errSkipped
		}
		if err := checkTopLevel(d.top.Name(), name); err != nil {
			return nil, &outsideError{strings.TrimPrefix(err.Error(), name+": ")}
		}
		f, err = d.top.OpenFile(name, flags, 0)
		if escapes(err) {
			return nil, &outsideError{"leads out of the project, so it is not read"}
		}
	}
	return f, err
}

// escapes reports whether err is os.Root refusing a path that leads out of
// it. The os package does not export that error; its text is stable, and a
// test (TestReadsStayInside) fails if it changes.
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent"
}

// walkActivities calls fn for every entry under data/activities, with names
// relative to the project root, without following links out of data/.
func (d *dirs) walkActivities(fn func(name string, e fs.DirEntry, err error) error) error {
	if d.data == nil {
		return nil
	}
	rest := strings.TrimPrefix(ActivitiesDir, DataDir+"/")
	return fs.WalkDir(walkFS{d.data.FS(), d}, rest, func(p string, e fs.DirEntry, err error) error {
		if escapes(err) {
			err = &outsideError{"is a symbolic link that leads out of data/; records are read only inside data/, so it is not read"}
		}
		return fn(DataDir+"/"+p, e, err)
	})
}

// walkFS is data/ as the walk sees it: folders are listed the short way
// where there is one (dirs.readDir), everything else is the os.Root's.
type walkFS struct {
	fs.FS
	d *dirs
}

func (w walkFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if entries, ok := w.d.readDir(name); ok {
		return entries, nil
	}
	return fs.ReadDir(w.FS, name)
}

func (w walkFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(w.FS, name) }

func diagAt(name, msg string) diag.Diagnostic { return diag.Diagnostic{File: name, Message: msg} }
