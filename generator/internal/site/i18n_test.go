package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestEveryInterfaceStringIsTranslated checks the theme's i18n files: nl and
// en have the same keys (besides the formal twins in nl), every key a
// template, the content adapter or a default menu uses is there, and no key
// is unused.
func TestEveryInterfaceStringIsTranslated(t *testing.T) {
	theme := filepath.Join(repoRoot, "themes", defaultTheme)
	keysOf := func(lang string) map[string]bool {
		b, err := os.ReadFile(filepath.Join(theme, "i18n", lang+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		keys := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^([a-z_]+) = "`).FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
		return keys
	}
	nl, en := keysOf("nl"), keysOf("en")

	used := map[string]bool{}
	call := regexp.MustCompile(`(?:i18n|partial "t.html"|partialCached "t.html") "([a-z_]+)"`)
	dynamic := regexp.MustCompile(`"key" "([a-z_]+)"|\(slice \.sections\.[a-z]+ "([a-z_]+)"\)`)
	scan := func(dir string) {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".gotmpl")) {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range call.FindAllStringSubmatch(string(b), -1) {
				used[m[1]] = true
			}
			for _, m := range dynamic.FindAllStringSubmatch(string(b), -1) {
				used[m[1]+m[2]] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	scan(filepath.Join(theme, "layouts"))
	scan(filepath.Join(repoRoot, "content"))
	// The default menus, and the shipped project's (the cookies entry),
	// name their labels by identifier.
	for _, config := range []string{filepath.Join(theme, "hugo.toml"), filepath.Join(repoRoot, "hugo.toml")} {
		menus, err := os.ReadFile(config)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`identifier = "([a-z_]+)"`).FindAllStringSubmatch(string(menus), -1) {
			used[m[1]] = true
		}
	}
	// The formal twins of Dutch keys are checked by TestEveryDutchStringHasBothTones.
	for k := range nl {
		if strings.HasSuffix(k, formalSuffix) {
			delete(nl, k)
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in use", len(used))
	}
	diff := func(a, b map[string]bool) []string {
		var out []string
		for k := range a {
			if !b[k] {
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out
	}
	if d := diff(used, nl); len(d) > 0 {
		t.Errorf("used but not in nl.toml: %v", d)
	}
	if d := diff(used, en); len(d) > 0 {
		t.Errorf("used but not in en.toml: %v", d)
	}
	if d := diff(nl, en); len(d) > 0 {
		t.Errorf("in nl.toml, not in en.toml: %v", d)
	}
	if d := diff(en, nl); len(d) > 0 {
		t.Errorf("in en.toml, not in nl.toml: %v", d)
	}
	if d := diff(en, used); len(d) > 0 {
		t.Errorf("unused keys: %v", d)
	}
}
