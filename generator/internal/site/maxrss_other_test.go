//go:build !unix

package site

import (
	"os/exec"
	"testing"
)

// runForPeakRSS runs a command to its end; its peak memory is not measured
// here.
func runForPeakRSS(b *testing.B, name string, args ...string) int64 {
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", name, err, out)
	}
	return 0
}
