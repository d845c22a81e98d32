package schema

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/synth"
	"github.com/privacy-as-code/ropa/generator/internal/tomlfile"
	"github.com/rogpeppe/go-internal/txtar"
)

var recordKinds = []string{"organisation", "subjects", "categories", "recipients", "measures", "activity"}

// kindOf names the schema of a record file by where it lies, or "".
func kindOf(name string) string {
	name = filepath.ToSlash(name)
	i := strings.LastIndex(name, "data/")
	if i < 0 || !strings.HasSuffix(name, ".toml") {
		return ""
	}
	rest := strings.TrimSuffix(name[i+len("data/"):], ".toml")
	if strings.HasPrefix(rest, "activities/") {
		return "activity"
	}
	if slices.Contains(recordKinds, rest) {
		return rest
	}
	return ""
}

type record struct {
	name, kind string
	data       map[string]any
}

// records gathers every record the repository holds: the shipped register,
// the examples, the records of the CLI scripts (valid and broken) and a
// synthetic register.
func records(t *testing.T) []record {
	var out []record
	add := func(name string, src []byte) {
		kind := kindOf(name)
		if kind == "" {
			return
		}
		doc, err := tomlfile.Parse(name, src)
		if err != nil {
			return
		}
		out = append(out, record{name, kind, doc.Data})
	}
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Options{Activities: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../../../data", "../../../docs/examples", dir} {
		filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				if b, err := os.ReadFile(p); err == nil {
					add(p, b)
				}
			}
			return nil
		})
	}
	scripts, _ := filepath.Glob("../cli/testdata/script/*.txtar")
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			add(s+":"+f.Name, f.Data)
		}
	}
	return out
}

// The quick check may only say "valid" where the library finds nothing: on
// every record of the repository and on thousands of mutations of them (keys
// dropped, values of the wrong type, unknown keys, strings changed, items
// repeated). And it must say so for the valid records, or it saves nothing.
func TestQuickCheckNeverPassesWhatTheLibraryRefuses(t *testing.T) {
	set, err := Load("../../../schemas", recordKinds...)
	if err != nil {
		t.Fatal(err)
	}
	recs := records(t)
	if len(recs) < 400 {
		t.Fatalf("only %d records found", len(recs))
	}
	check := func(name, kind string, v any) (quickOK, libOK bool) {
		sch := set.schemas[kind]
		quickOK, libOK = quickValid(sch, v), sch.Validate(v) == nil
		if quickOK && !libOK {
			t.Errorf("%s: the quick check passes what the library refuses: %v", name, sch.Validate(v))
		}
		return quickOK, libOK
	}
	r := rand.New(rand.NewPCG(3, 4))
	var libValid, quickValids, mutants, mutantsRefused int
	for _, rec := range recs {
		q, l := check(rec.name, rec.kind, rec.data)
		if l {
			libValid++
			if q {
				quickValids++
			}
		}
		for range 20 {
			m := deepCopy(rec.data)
			mutate(r, m)
			mutants++
			if _, l := check(rec.name+" (mutated)", rec.kind, m); !l {
				mutantsRefused++
			}
		}
	}
	t.Logf("%d records, %d valid, %d of them passed quickly; %d mutants, %d refused", len(recs), libValid, quickValids, mutants, mutantsRefused)
	if quickValids < libValid*9/10 {
		t.Errorf("the quick check passed only %d of %d valid records", quickValids, libValid)
	}
	if mutantsRefused < mutants/4 {
		t.Errorf("only %d of %d mutants are invalid: the mutations test little", mutantsRefused, mutants)
	}
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

// mutate changes one randomly chosen place of v.
func mutate(r *rand.Rand, v any) {
	// Collect the containers, then change one entry of one of them.
	var places []any
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			places = append(places, v)
			for _, e := range v {
				walk(e)
			}
		case []any:
			places = append(places, v)
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	if len(places) == 0 {
		return
	}
	replacements := []any{"", "x", "NL", "nl", "P7Y", "https://example.org", "a@b.nl", "contract", "consent",
		"controller", "Bad Id", "not-a-date", int64(0), int64(-1), int64(100000), 1.5, true, false,
		map[string]any{}, map[string]any{"nl": "x", "en": "y"}, map[string]any{"xx": "y"}, []any{}, []any{"a", "a"}, []any{int64(1)}}
	switch p := places[r.IntN(len(places))].(type) {
	case map[string]any:
		keys := make([]string, 0, len(p))
		for k := range p {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		switch op := r.IntN(4); {
		case op == 0 && len(keys) > 0:
			delete(p, keys[r.IntN(len(keys))])
		case op == 1:
			p["unknown_key"] = "x"
		default:
			if len(keys) > 0 {
				p[keys[r.IntN(len(keys))]] = replacements[r.IntN(len(replacements))]
			}
		}
	case []any:
		if len(p) == 0 {
			return
		}
		i := r.IntN(len(p))
		if r.IntN(3) == 0 && i > 0 {
			p[i] = p[i-1] // a repeated item
		} else {
			p[i] = replacements[r.IntN(len(replacements))]
		}
	}
}
