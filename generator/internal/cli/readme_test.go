package cli

import (
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEShowsTheRealHelp keeps the -h output pasted in the README equal
// to what the commands print.
func TestREADMEShowsTheRealHelp(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```\n\\$ go run ./generator ([^\n]*-h)\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 6 {
		t.Fatalf("found %d help blocks in the README; want one per command and the overview", len(blocks))
	}
	for _, b := range blocks {
		var out strings.Builder
		if code := Run(strings.Fields(b[1]), &out, io.Discard); code != 0 {
			t.Errorf("%s: exit code %d", b[1], code)
		}
		if out.String() != b[2] {
			t.Errorf("README block for %q differs from the real output:\n%s", b[1], out.String())
		}
	}
}
