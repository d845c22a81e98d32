//go:build linux

package register

import (
	"os"
	"path"
	"syscall"

	"github.com/privacy-as-code/ropa/generator/internal/tomlfile"
)

// quickRead reads a record under data/ the short way: one openat in its
// folder, which was opened once through the os.Root of data/, with
// O_NOFOLLOW, so that a symbolic link is not followed here at all. Anything
// out of the ordinary (a link, not a regular file, too large, an error) is
// left to the long way (dirs.open and loader.read), which reads or reports
// it as before: the diagnostics do not depend on which way was taken. At
// 10,000 files this saves four system calls a file (opening each folder on
// the path, closing it again, registering with the poller).
func (d *dirs) quickRead(rest string) ([]byte, bool) {
	dir := d.folder(path.Dir(rest))
	if dir == nil {
		return nil, false
	}
	fd, err := syscall.Openat(int(dir.Fd()), path.Base(rest), syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > tomlfile.MaxSize {
		return nil, false
	}
	b := make([]byte, st.Size)
	for n := 0; n < len(b); {
		m, err := syscall.Read(fd, b[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil || m <= 0:
			return nil, false
		}
		n += m
	}
	return b, true
}

// folder returns a folder under data/, opened through its os.Root once and
// kept open until the load ends; nil if it cannot be opened.
func (d *dirs) folder(name string) *os.File {
	d.mu.Lock()
	defer d.mu.Unlock()
	if f, ok := d.folders[name]; ok {
		return f
	}
	f, err := d.data.Open(name)
	if err != nil {
		f = nil
	} else if info, err := f.Stat(); err != nil || !info.IsDir() {
		f.Close()
		f = nil
	}
	if d.folders == nil {
		d.folders = map[string]*os.File{}
	}
	d.folders[name] = f
	return f
}
