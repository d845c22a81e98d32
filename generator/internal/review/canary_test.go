package review

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/site"
)

// TestNoInternalFieldReachesTheRedline builds the sample register without
// and with a canary in every internal field and in every record only
// non-public activities use, and writes the redline between them in both
// languages: the canary is in neither, though it is in what changed.
func TestNoInternalFieldReachesTheRedline(t *testing.T) {
	old := publishtest.Sample()
	reg, planted := publishtest.WithCanaries()
	build := func(r *register.Register) map[string]*Notice {
		dir := filepath.Join(t.TempDir(), "public")
		if _, err := site.Build(site.Options{Root: "../../..", PublishDir: dir, Register: r}); err != nil {
			t.Fatal(err)
		}
		n, err := Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before, after := build(old), build(reg)
	all := change.Compare(old, reg)
	var inChanges bool
	for _, c := range all {
		for _, lang := range []string{"nl", "en"} {
			inChanges = inChanges || strings.Contains(strings.ToLower(c.Heading(lang, "nl")+c.Describe(lang, "nl")), publishtest.Canary)
		}
	}
	if !inChanges {
		t.Fatal("no change names the canary: the test tests nothing")
	}
	for _, lang := range []string{"nl", "en"} {
		doc := &Document{Lang: lang, DefaultLang: "nl", From: "a", To: "b", Before: before[lang], After: after[lang],
			Changes: PublicChanges(all, old, reg, before[lang], after[lang])}
		var b bytes.Buffer
		if err := doc.Write(&b); err != nil {
			t.Fatal(err)
		}
		if len(after[lang].Pages) < 10 {
			t.Fatalf("%s: only %d pages", lang, len(after[lang].Pages))
		}
		if !bytes.Contains(bytes.ToLower(b.Bytes()), []byte(publishtest.Canary)) {
			continue
		}
		for _, c := range planted {
			if bytes.Contains(b.Bytes(), []byte(c)) {
				t.Errorf("%s: the redline contains %s", lang, c)
			}
		}
		t.Errorf("%s: the redline contains the canary", lang)
	}
}
