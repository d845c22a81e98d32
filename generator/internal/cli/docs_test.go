package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRulesDocQuotesRealDiagnostics keeps docs/rules.md honest: every
// diagnostic it quotes in a code block is printed by some CLI script.
func TestRulesDocQuotesRealDiagnostics(t *testing.T) {
	doc, err := os.ReadFile("../../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	scripts, _ := filepath.Glob("testdata/script/*.txtar")
	var all strings.Builder
	for _, s := range scripts {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	quoted := 0
	for _, block := range regexp.MustCompile("(?s)```\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		for _, line := range strings.Split(block[1], "\n") {
			if !regexp.MustCompile(`^(data/\S*|hugo\.toml):\d+:\d+: `).MatchString(line) {
				continue
			}
			quoted++
			if !strings.Contains(all.String(), line+"\n") {
				t.Errorf("docs/rules.md quotes a diagnostic no script prints:\n%s", line)
			}
		}
	}
	if quoted < 20 {
		t.Errorf("found %d quoted diagnostics; the rules page quotes one per rule", quoted)
	}
}
