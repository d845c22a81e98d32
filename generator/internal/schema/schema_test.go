package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkValidateActivity measures one activity of the synthetic shape.
func BenchmarkValidateActivity(b *testing.B) {
	set, err := Load("../../../schemas", "activity")
	if err != nil {
		b.Fatal(err)
	}
	v := map[string]any{
		"name":                map[string]any{"nl": "a", "en": "b"},
		"summary":             map[string]any{"nl": "a", "en": "b"},
		"role":                "controller",
		"purposes":            []any{map[string]any{"nl": "a", "en": "b"}, map[string]any{"nl": "a", "en": "b"}},
		"legal_basis":         "contract",
		"subjects":            []any{"a", "b"},
		"categories":          []any{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"},
		"recipients":          []any{"a", "b", "c", "d"},
		"automated_decisions": map[string]any{"used": false},
		"retention": []any{
			map[string]any{"categories": []any{"a", "b", "c", "d", "e"}, "period": "P7Y", "trigger": map[string]any{"nl": "a", "en": "b"}},
			map[string]any{"categories": []any{"f", "g", "h", "i", "j"}, "criteria": map[string]any{"nl": "a", "en": "b"}},
		},
		"transfers": []any{map[string]any{"recipient": "a", "country": "US", "safeguard": "dpf"}},
	}
	if is := set.Validate("activity", v); len(is) > 0 {
		b.Fatal(is)
	}
	for b.Loop() {
		set.Validate("activity", v)
	}
}

// TestInlineKeepsConstraintsBesideRef: inlining a $ref must not drop keywords
// written next to it (draft 2020-12 applies both).
func TestInlineKeepsConstraintsBesideRef(t *testing.T) {
	dir := t.TempDir()
	doc := `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "plain": { "$ref": "#/$defs/party", "description": "inlined" },
    "strict": { "$ref": "#/$defs/party", "required": ["email"] }
  },
  "$defs": { "party": { "type": "object", "required": ["name"], "properties": { "name": {"type": "string"}, "email": {"type": "string"} } } }
}`
	if err := os.WriteFile(filepath.Join(dir, "x.schema.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := Load(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	issues := set.Validate("x", map[string]any{
		"plain":  map[string]any{},
		"strict": map[string]any{"name": "a"},
	})
	var got []string
	for _, is := range issues {
		got = append(got, strings.Join(is.Path, ".")+": "+is.Message)
	}
	want := []string{`plain: missing required key "name"; add: name = "..."`, `strict: missing required key "email"; add: email = "..."`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadRefusesSchemasThatAreNotObjects(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.schema.json"), []byte("true"), 0o644)
	if _, err := Load(dir, "x"); err == nil || !strings.Contains(err.Error(), "must be a JSON object") {
		t.Errorf("Load = %v, want an error saying the schema must be an object", err)
	}
}
