package site

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// runForPeakRSS runs a command to its end and returns its peak resident set
// size in kB: it polls the process's VmHWM in /proc every 10 ms, the peak of
// the process's own memory since it started the program; 0 without /proc
// (not measured). The resource usage the kernel reports at the end (what
// /usr/bin/time shows) would not do here: a process started by a large one,
// as a benchmark binary that has run other benchmarks is, counts the
// parent's memory it shared before exec (8.7 GB for a build of 100
// activities in CI).
func runForPeakRSS(b *testing.B, name string, args ...string) int64 {
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	status := "/proc/" + strconv.Itoa(cmd.Process.Pid) + "/status"
	done := make(chan struct{})
	polled := make(chan int64)
	go func() {
		var peak int64
		for {
			if kb := statusKB(status, "VmHWM:"); kb > peak {
				peak = kb
			}
			select {
			case <-done:
				polled <- peak
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	peak := <-polled
	if err != nil {
		b.Fatalf("%s: %v\n%s", name, err, out.Bytes())
	}
	return peak
}

// statusKB returns a figure in kB of a /proc/<pid>/status file, or 0.
func statusKB(file, key string) int64 {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, key); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}
