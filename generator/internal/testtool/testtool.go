// Package testtool finds the real clients that tests drive (chromium,
// LibreOffice, Taplo, the HTML checker). A missing tool skips the test,
// except with ROPA_REQUIRE_TOOLS=1 (as in CI), where it fails it: a check
// never skips silently there. Only tests import this package.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Required reports whether missing tools fail tests (ROPA_REQUIRE_TOOLS=1).
func Required() bool { return os.Getenv("ROPA_REQUIRE_TOOLS") == "1" }

// Missing skips t, or fails it when tools are required, saying how to install
// the tool.
func Missing(t testing.TB, tool, install string) {
	t.Helper()
	msg := fmt.Sprintf("%s is not installed; install it with: %s", tool, install)
	if Required() {
		t.Fatal(msg + " (ROPA_REQUIRE_TOOLS=1)")
	}
	t.Skip(msg + "; set ROPA_REQUIRE_TOOLS=1 to make this a failure")
}

// Find returns the first candidate that exists: a path (with a separator) or
// a command on PATH. Without one it calls Missing.
func Find(t testing.TB, tool, install string, candidates ...string) string {
	t.Helper()
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if filepath.Base(c) != c {
			if _, err := os.Stat(c); err == nil {
				return c
			}
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	Missing(t, tool, install)
	return ""
}

// NodeModules is where the npm tools are: $ROPA_NODE_MODULES, else
// .ci/node_modules under the repository root (npm ci --prefix .ci).
func NodeModules(repoRoot string) string {
	if d := os.Getenv("ROPA_NODE_MODULES"); d != "" {
		return d
	}
	abs, _ := filepath.Abs(filepath.Join(repoRoot, ".ci", "node_modules"))
	return abs
}
