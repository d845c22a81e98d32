package schema

import "testing"

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
