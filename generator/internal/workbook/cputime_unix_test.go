//go:build unix

package workbook

import "syscall"

// cpuSeconds is the processor time this process has used, user and system:
// a benchmark's figure that holds on a machine shared with other work.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
