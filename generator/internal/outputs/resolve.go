// Package outputs decides where the generator may write and publishes its
// outputs safely. It resolves output paths through every symbolic link, so
// that a committed link cannot put the workbook on the public site or make an
// output replace the project's own sources; it stages each output in a locked
// temporary directory next to its final place; it moves the staged outputs
// into place together, at the end; and it removes what interrupted builds
// left behind.
package outputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks is how many symbolic links Resolve follows before it gives up, as
// the kernel does for a loop.
const maxLinks = 255

// Resolve returns the absolute path that p names once every symbolic link
// along it is followed, the last component included, also a link whose
// target does not exist yet. Components that do not exist are kept as
// written. A relative p is taken from the working directory.
func Resolve(p string) (string, error) {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		// Not filepath.Join: it would clean "link/.." lexically, which is
		// not what the kernel does.
		p = wd + string(filepath.Separator) + p
	}
	vol := filepath.VolumeName(p)
	top := vol + string(filepath.Separator)
	resolved := top
	rest := split(p[len(vol):])
	links := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			// resolved holds no links, so its parent is lexical.
			resolved = filepath.Dir(resolved)
			continue
		}
		next := filepath.Join(resolved, c)
		fi, err := os.Lstat(next)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			resolved = next
			continue
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink == 0:
			resolved = next
			continue
		}
		if links++; links > maxLinks {
			return "", fmt.Errorf("%s: too many levels of symbolic links", p)
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			tv := filepath.VolumeName(target)
			resolved = tv + string(filepath.Separator)
			target = target[len(tv):]
		}
		rest = append(split(target), rest...)
	}
	return resolved, nil
}

func split(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == filepath.Separator })
}

// within reports whether p is dir or lies under it; both are resolved.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
