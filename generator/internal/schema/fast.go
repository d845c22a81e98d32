package schema

import (
	"math/big"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// A quick check that a record is valid, tried before the validator of the
// library. The library builds a scope, an error value and location slices for
// every node it visits, and at 10,000 activities that was a fifth of loading.
// Nearly every record is valid, and then the answer (no issues) is all that
// is needed. So the compiled schema is walked here without allocating, and
// only when it says "valid" for certain is the library skipped; when it finds
// a problem, or meets anything it does not handle exactly like the library,
// the library validates the record and words the issues. The diagnostics are
// therefore the library's, always; TestQuickCheckNeverPassesWhatTheLibraryRefuses
// holds the quick check to that.

type verdict uint8

const (
	invalid verdict = iota
	valid
	unsure
)

// quickValid reports whether v is certainly valid against sch.
func quickValid(sch *jsonschema.Schema, v any) bool {
	return quick(sch, v) == valid
}

func quick(s *jsonschema.Schema, v any) verdict {
	if s.Bool != nil {
		if *s.Bool {
			return valid
		}
		return invalid
	}
	if !handled(s) {
		return unsure
	}
	switch v.(type) {
	case string, bool, int64, map[string]any, []any:
	case float64:
		if s.Types != nil || s.Enum != nil || s.Const != nil || numeric(s) {
			return unsure
		}
	default:
		return unsure
	}
	result := valid
	// and combines the verdict of one keyword into the result: one
	// invalid keyword makes the value invalid, whatever else is unsure.
	and := func(x verdict) {
		switch {
		case x == invalid:
			result = invalid
		case x == unsure && result == valid:
			result = unsure
		}
	}
	if s.Types != nil && !s.Types.IsEmpty() {
		and(typeVerdict(s.Types, v))
	}
	if s.Const != nil {
		and(equalVerdict(v, *s.Const))
	}
	if s.Enum != nil {
		e := invalid
		for _, w := range s.Enum.Values {
			switch equalVerdict(v, w) {
			case valid:
				e = valid
			case unsure:
				if e == invalid {
					e = unsure
				}
			}
			if e == valid {
				break
			}
		}
		and(e)
	}
	if s.Format != nil {
		if s.Format.Name == "regex" {
			return unsure
		}
		if s.Format.Validate(v) != nil {
			return invalid
		}
	}
	if s.Ref != nil {
		and(quick(s.Ref, v))
	}
	if result == invalid {
		return invalid
	}
	switch v := v.(type) {
	case map[string]any:
		and(object(s, v))
	case []any:
		and(array(s, v))
	case string:
		and(str(s, v))
	case int64:
		and(number(s, v))
	}
	if result == invalid {
		return invalid
	}
	if s.Not != nil {
		switch quick(s.Not, v) {
		case valid:
			return invalid
		case unsure:
			and(unsure)
		}
	}
	for _, sub := range s.AllOf {
		and(quick(sub, v))
	}
	if len(s.AnyOf) > 0 {
		some := invalid
		for _, sub := range s.AnyOf {
			switch quick(sub, v) {
			case valid:
				some = valid
			case unsure:
				if some == invalid {
					some = unsure
				}
			}
			if some == valid {
				break
			}
		}
		and(some)
	}
	if len(s.OneOf) > 0 {
		matched := 0
		for _, sub := range s.OneOf {
			switch quick(sub, v) {
			case valid:
				matched++
			case unsure:
				return unsure // exactly one: every branch must be known
			}
		}
		if matched != 1 {
			return invalid
		}
	}
	if s.If != nil {
		switch quick(s.If, v) {
		case valid:
			if s.Then != nil {
				and(quick(s.Then, v))
			}
		case invalid:
			if s.Else != nil {
				and(quick(s.Else, v))
			}
		default:
			and(unsure)
		}
	}
	return result
}

// handled reports whether every keyword of s is one the quick check
// evaluates exactly as the library does (draft 2020-12, no dynamic or
// recursive references, no unevaluated*, no contains, no content*, no
// extensions).
func handled(s *jsonschema.Schema) bool {
	return s.DraftVersion == 2020 && s.RecursiveRef == nil && s.DynamicRef == nil && s.Dependencies == nil &&
		s.DependentSchemas == nil && s.UnevaluatedProperties == nil && s.UnevaluatedItems == nil &&
		s.Contains == nil && s.Items == nil && s.AdditionalItems == nil && s.ContentEncoding == nil &&
		s.ContentMediaType == nil && s.ContentSchema == nil && s.MultipleOf == nil && len(s.Extensions) == 0
}

func numeric(s *jsonschema.Schema) bool {
	return s.Minimum != nil || s.Maximum != nil || s.ExclusiveMinimum != nil || s.ExclusiveMaximum != nil || s.MultipleOf != nil
}

// typeNames are the names of the types of each jsonschema.Types value (a bit
// set of seven types), made once: Types.ToStrings allocates.
var typeNames = func() (out [256][]string) {
	for i := range out {
		out[i] = jsonschema.Types(i).ToStrings()
	}
	return out
}()

func typeVerdict(t *jsonschema.Types, v any) verdict {
	if *t < 0 || int(*t) >= len(typeNames) {
		return unsure
	}
	names := typeNames[*t]
	var name string
	switch v.(type) {
	case string:
		name = "string"
	case bool:
		name = "boolean"
	case map[string]any:
		name = "object"
	case []any:
		name = "array"
	case int64:
		// An integer is a number, and an "integer" too.
		for _, w := range names {
			if w == "number" || w == "integer" {
				return valid
			}
		}
		return invalid
	default:
		return unsure
	}
	for _, w := range names {
		if w == name {
			return valid
		}
	}
	return invalid
}

// equalVerdict compares a value with a const or enum value of the schema:
// strings and booleans exactly, anything else is left to the library.
func equalVerdict(v, w any) verdict {
	switch v := v.(type) {
	case string:
		switch w := w.(type) {
		case string:
			if v == w {
				return valid
			}
			return invalid
		case bool, nil, map[string]any, []any:
			return invalid
		}
	case bool:
		switch w := w.(type) {
		case bool:
			if v == w {
				return valid
			}
			return invalid
		case string, nil, map[string]any, []any:
			return invalid
		}
	}
	return unsure
}

func object(s *jsonschema.Schema, obj map[string]any) verdict {
	if s.MinProperties != nil && len(obj) < *s.MinProperties || s.MaxProperties != nil && len(obj) > *s.MaxProperties {
		return invalid
	}
	for _, r := range s.Required {
		if _, ok := obj[r]; !ok {
			return invalid
		}
	}
	for p, reqd := range s.DependentRequired {
		if _, ok := obj[p]; ok {
			for _, r := range reqd {
				if _, ok := obj[r]; !ok {
					return invalid
				}
			}
		}
	}
	result := valid
	for name, value := range obj {
		evaluated := false
		var x verdict = valid
		if sub, ok := s.Properties[name]; ok {
			evaluated = true
			x = combine(x, quick(sub, value))
		}
		for re, sub := range s.PatternProperties {
			if re.MatchString(name) {
				evaluated = true
				x = combine(x, quick(sub, value))
			}
		}
		if !evaluated && s.AdditionalProperties != nil {
			switch a := s.AdditionalProperties.(type) {
			case bool:
				if !a {
					return invalid
				}
			case *jsonschema.Schema:
				x = combine(x, quick(a, value))
			default:
				return unsure
			}
		}
		if s.PropertyNames != nil {
			x = combine(x, quick(s.PropertyNames, name))
		}
		if x == invalid {
			return invalid
		}
		result = combine(result, x)
	}
	return result
}

func array(s *jsonschema.Schema, arr []any) verdict {
	if s.MinItems != nil && len(arr) < *s.MinItems || s.MaxItems != nil && len(arr) > *s.MaxItems {
		return invalid
	}
	result := valid
	if s.UniqueItems && len(arr) > 1 {
		if v := uniqueStrings(arr); v != valid {
			return v
		}
	}
	for i, e := range arr {
		var sub *jsonschema.Schema
		switch {
		case i < len(s.PrefixItems):
			sub = s.PrefixItems[i]
		case s.Items2020 != nil:
			sub = s.Items2020
		default:
			continue
		}
		x := quick(sub, e)
		if x == invalid {
			return invalid
		}
		result = combine(result, x)
	}
	return result
}

// uniqueStrings checks uniqueItems on an array of strings; anything else is
// left to the library. Short lists (most of a record's) are compared pair by
// pair, without a map.
func uniqueStrings(arr []any) verdict {
	for _, e := range arr {
		if _, ok := e.(string); !ok {
			return unsure
		}
	}
	if len(arr) <= 16 {
		for i := range arr {
			for j := i + 1; j < len(arr); j++ {
				if arr[i].(string) == arr[j].(string) {
					return invalid
				}
			}
		}
		return valid
	}
	seen := make(map[string]bool, len(arr))
	for _, e := range arr {
		if seen[e.(string)] {
			return invalid
		}
		seen[e.(string)] = true
	}
	return valid
}

func str(s *jsonschema.Schema, v string) verdict {
	if s.MinLength != nil || s.MaxLength != nil {
		n := utf8.RuneCountInString(v)
		if s.MinLength != nil && n < *s.MinLength || s.MaxLength != nil && n > *s.MaxLength {
			return invalid
		}
	}
	if s.Pattern != nil && !s.Pattern.MatchString(v) {
		return invalid
	}
	return valid
}

func number(s *jsonschema.Schema, v int64) verdict {
	if !numeric(s) {
		return valid
	}
	n := new(big.Rat).SetInt64(v)
	if s.Minimum != nil && n.Cmp(s.Minimum) < 0 || s.Maximum != nil && n.Cmp(s.Maximum) > 0 ||
		s.ExclusiveMinimum != nil && n.Cmp(s.ExclusiveMinimum) <= 0 || s.ExclusiveMaximum != nil && n.Cmp(s.ExclusiveMaximum) >= 0 {
		return invalid
	}
	return valid
}

// combine is the verdict of two checks that must both pass.
func combine(a, b verdict) verdict {
	switch {
	case a == invalid || b == invalid:
		return invalid
	case a == unsure || b == unsure:
		return unsure
	}
	return valid
}
