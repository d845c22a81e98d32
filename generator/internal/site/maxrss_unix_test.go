//go:build unix

package site

import (
	"os"
	"runtime"
	"syscall"
)

// maxRSS is the peak resident set size of an ended process, in kB, from its
// resource usage (what /usr/bin/time shows), or 0 when it is not known.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return ru.Maxrss / 1024 // bytes there
	}
	return ru.Maxrss
}
