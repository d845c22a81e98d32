//go:build unix

package outputs

import (
	"errors"
	"os"
	"syscall"
)

// errNoLocks says the platform has no file locks; never returned here.
var errNoLocks = errors.New("no file locks on this platform")

// lock takes an exclusive lock on f, held until f is closed (or the process
// ends, however it ends).
func lock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// tryLock locks the lock file name. locked says whether the file exists and
// can be locked at all; ok whether the lock was taken (f holds it: close it to
// release it), or is held by another process.
func tryLock(name string) (f *os.File, ok, locked bool) {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return nil, false, false
	}
	if err := lock(f); err != nil {
		f.Close()
		return nil, false, errors.Is(err, syscall.EWOULDBLOCK)
	}
	return f, true, true
}
