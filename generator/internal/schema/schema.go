// Package schema checks decoded records against the project's JSON Schemas
// (draft 2020-12, in schemas/) and turns the validator's findings into short
// messages a DPO can act on. It is the only package that imports a JSON
// Schema library.
package schema

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// idRegexp is the pattern of ids in the schemas ($defs/id).
const idRegexp = `^[a-z0-9]+(-[a-z0-9]+)*$`

// Set is the compiled schemas of a project, by kind ("activity", "categories", ...).
type Set struct {
	schemas map[string]*jsonschema.Schema
	raw     map[string]any // decoded schema documents by file URL
}

// Issue is one schema violation.
type Issue struct {
	Path    []string // data path: keys and decimal array indices
	AtKey   bool     // point at the key (unknown or missing keys) rather than the value
	Message string
}

// Load compiles the schema of every kind from dir, where the schema of kind k
// is the file k.schema.json. A schema that does not compile is an error that
// names the file.
func Load(dir string, kinds ...string) (*Set, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseRegexpEngine(regexps{}.compile)
	c.UseLoader(noLoader{})
	s := &Set{schemas: map[string]*jsonschema.Schema{}, raw: map[string]any{}}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	// Schemas are read inside dir only: a schema that is a symbolic link
	// out of it is refused, never read (os.Root resolves every component).
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot read the schemas: %w", err)
	}
	defer root.Close()
	for _, k := range kinds {
		file := filepath.Join(abs, k+".schema.json")
		b, err := root.ReadFile(k + ".schema.json")
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent" {
			return nil, fmt.Errorf("%s: is a symbolic link that leads out of %s; schemas are read only inside it, so it is not read", filepath.Join(dir, k+".schema.json"), filepath.Base(dir))
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read the %s schema: %w", k, err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: not valid JSON: %w", filepath.Join(dir, k+".schema.json"), err)
		}
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
		m, ok := doc.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: a record schema must be a JSON object", filepath.Join(dir, k+".schema.json"))
		}
		defs, _ := m["$defs"].(map[string]any)
		doc = inline(m, defs, 0)
		if err := c.AddResource(u, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, k+".schema.json"), err)
		}
		s.raw[u] = doc
		if id, ok := doc.(map[string]any)["$id"].(string); ok {
			s.raw[id] = doc
		}
		sch, err := c.Compile(u)
		if err != nil {
			return nil, fmt.Errorf("%s: not a valid JSON Schema: %w", filepath.Join(dir, k+".schema.json"), err)
		}
		s.schemas[k] = sch
	}
	return s, nil
}

// noLoader refuses every schema not given to the compiler: a schema may
// refer to its own $defs only, never to a file or web address, which the
// library would otherwise read (a hostile "$ref": "file:///etc/passwd").
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("schemas may refer only to their own $defs, not to %s", url)
}

// inline replaces local references to $defs by a copy of the definition,
// marked with the name of the definition in "x-def" for the messages. The
// validator then walks one schema node per value instead of two: validation
// is the largest cost of loading 10,000 activities. Files on disk keep their
// references, for editors and readers.
func inline(v any, defs map[string]any, depth int) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = inline(e, defs, depth)
		}
		ref, ok := v["$ref"].(string)
		name, local := strings.CutPrefix(ref, "#/$defs/")
		def, found := defs[name].(map[string]any)
		if !ok || !local || !found || depth > 8 || !onlyAnnotations(v) {
			// Keywords beside $ref apply too (draft 2020-12); keep those refs.
			return out
		}
		delete(out, "$ref")
		for k, e := range inline(def, defs, depth+1).(map[string]any) {
			if _, set := out[k]; !set {
				out[k] = e
			}
		}
		out["x-def"] = name
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = inline(e, defs, depth)
		}
		return out
	}
	return v
}

// onlyAnnotations reports whether a node has nothing but $ref and keywords
// that do not constrain, so that inlining the definition changes nothing.
func onlyAnnotations(v map[string]any) bool {
	for k := range v {
		switch k {
		case "$ref", "description", "title", "$comment", "default", "examples", "deprecated":
		default:
			return false
		}
	}
	return true
}

// def returns the name of the $defs definition a schema location stands for.
func (s *Set) def(schemaURL string) string {
	if _, name, ok := strings.Cut(schemaURL, "/$defs/"); ok && !strings.Contains(name, "/") {
		return name
	}
	name, _ := s.node(schemaURL)["x-def"].(string)
	return name
}

// Validate checks v against the schema of kind and returns the violations,
// sorted by path.
func (s *Set) Validate(kindName string, v any) []Issue {
	sch, ok := s.schemas[kindName]
	if !ok {
		return []Issue{{Message: fmt.Sprintf("no schema for records of kind %q", kindName)}}
	}
	if quickValid(sch, v) { // see fast.go
		return nil
	}
	err := sch.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Issue{{Message: err.Error()}}
	}
	var out []Issue
	s.collect(ve, &out)
	sort.SliceStable(out, func(i, j int) bool {
		return strings.Join(out[i].Path, "\x00") < strings.Join(out[j].Path, "\x00")
	})
	return slices.CompactFunc(out, func(a, b Issue) bool {
		return slices.Equal(a.Path, b.Path) && a.Message == b.Message
	})
}

func (s *Set) collect(e *jsonschema.ValidationError, out *[]Issue) {
	path := e.InstanceLocation
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		if o, ok := k.(*kind.OneOf); ok && len(o.Subschemas) > 1 {
			*out = append(*out, Issue{Path: path, Message: s.ambiguous(e)})
			return
		}
		// Branches whose type did not match say little; report what went
		// wrong inside the branches whose type did, or else the types.
		var inner []*jsonschema.ValidationError
		var types []string
		for _, c := range e.Causes {
			if t, ok := typeOnly(c, path); ok {
				types = append(types, t...)
				continue
			}
			inner = append(inner, c)
		}
		if len(inner) == 0 {
			*out = append(*out, Issue{Path: path, Message: s.typeMessage(e, types, valueType(e))})
			return
		}
		if allRequired(inner) && len(inner) > 1 {
			var keys []string
			for _, c := range inner {
				keys = append(keys, missing(c)...)
			}
			*out = append(*out, Issue{Path: path, AtKey: true, Message: "needs one of the keys " + orList(quoteAll(keys))})
			return
		}
		for _, c := range inner {
			s.collect(c, out)
		}
		return
	}
	if pn, ok := e.ErrorKind.(*kind.PropertyNames); ok {
		what := "key here"
		if strings.Contains(s.describe(e), "kebab-case") {
			what = "id"
		}
		*out = append(*out, Issue{Path: append(slices.Clone(path), pn.Property), AtKey: true, Message: fmt.Sprintf("%q is not a valid %s: %s", pn.Property, what, s.describe(e))})
		return
	}
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			s.collect(c, out)
		}
		return
	}
	*out = append(*out, s.leaf(e)...)
}

func typeOnly(e *jsonschema.ValidationError, at []string) ([]string, bool) {
	for len(e.Causes) == 1 {
		e = e.Causes[0]
	}
	t, ok := e.ErrorKind.(*kind.Type)
	if !ok || len(e.Causes) > 0 || !slices.Equal(e.InstanceLocation, at) {
		return nil, false
	}
	return t.Want, true
}

func valueType(e *jsonschema.ValidationError) string {
	for len(e.Causes) > 0 {
		e = e.Causes[0]
	}
	if t, ok := e.ErrorKind.(*kind.Type); ok {
		return t.Got
	}
	return ""
}

func allRequired(es []*jsonschema.ValidationError) bool {
	for _, e := range es {
		if missing(e) == nil {
			return false
		}
	}
	return true
}

func missing(e *jsonschema.ValidationError) []string {
	for len(e.Causes) == 1 {
		e = e.Causes[0]
	}
	if r, ok := e.ErrorKind.(*kind.Required); ok && len(e.Causes) == 0 {
		return r.Missing
	}
	return nil
}

func (s *Set) leaf(e *jsonschema.ValidationError) []Issue {
	path := e.InstanceLocation
	at := func(msg string) []Issue { return []Issue{{Path: path, Message: msg}} }
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		return at(s.typeMessage(e, k.Want, k.Got))
	case *kind.Required:
		if len(k.Missing) == 1 {
			return []Issue{{Path: path, AtKey: true, Message: fmt.Sprintf("missing required key %q; add: %s", k.Missing[0], s.keyTemplate(e.SchemaURL, k.Missing[0]))}}
		}
		missing := slices.Sorted(slices.Values(k.Missing))
		var lines []string
		for _, m := range missing {
			lines = append(lines, s.keyTemplate(e.SchemaURL, m))
		}
		return []Issue{{Path: path, AtKey: true, Message: "missing required keys " + andList(quoteAll(missing)) + "; add: " + strings.Join(lines, "; ")}}
	case *kind.DependentRequired:
		missing := slices.Sorted(slices.Values(k.Missing))
		var lines []string
		for _, m := range missing {
			lines = append(lines, s.keyTemplate(e.SchemaURL, m))
		}
		return []Issue{{Path: append(slices.Clone(path), k.Prop), AtKey: true,
			Message: fmt.Sprintf("%q needs %s beside it; add: %s", k.Prop, andList(quoteAll(missing)), strings.Join(lines, "; "))}}
	case *kind.Not:
		if not, ok := s.node(e.SchemaURL)["not"].(map[string]any); ok {
			if req, ok := not["required"].([]any); ok && len(req) > 1 {
				var keys []string
				for _, r := range req {
					keys = append(keys, fmt.Sprint(r))
				}
				return []Issue{{Path: path, AtKey: true, Message: "give only one of " + orList(quoteAll(keys)) + ", not both"}}
			}
		}
		return at("matches a combination of keys the schema forbids")
	case *kind.AdditionalProperties:
		return s.unknownKeys(e, path, k.Properties)
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		msg := fmt.Sprintf("%s is not allowed; use one of %s", show(k.Got), strings.Join(want, ", "))
		if _, list := k.Got.([]any); list {
			msg = fmt.Sprintf("%s is not allowed: give one value, one of %s", show(k.Got), strings.Join(want, ", "))
			if hint, ok := s.node(e.SchemaURL)["x-hint"].(string); ok {
				msg += "; " + hint
			}
		}
		if g, ok := k.Got.(string); ok {
			if m := diag.Closest(g, want, 1); m != "" {
				msg = fmt.Sprintf("%s is not allowed; did you mean %q? (one of %s)", show(k.Got), m, strings.Join(want, ", "))
			}
		}
		return at(msg)
	case *kind.Const:
		return at(fmt.Sprintf("must be %s", show(k.Want)))
	case *kind.Pattern:
		return at(s.patternMessage(e, k))
	case *kind.Format:
		return at(fmt.Sprintf("%s is not a valid %s", show(k.Got), formatName(k.Want)))
	case *kind.MinItems:
		return at(fmt.Sprintf("needs at least %s", plural(k.Want, "item")))
	case *kind.MinLength:
		return at("must not be empty")
	case *kind.MinProperties:
		return at(fmt.Sprintf("needs at least %s", plural(k.Want, "key")))
	case *kind.UniqueItems:
		return []Issue{{Path: append(slices.Clone(path), strconv.Itoa(k.Duplicates[1])), Message: fmt.Sprintf("repeats item %d of the list", k.Duplicates[0])}}
	case *kind.PropertyNames:
		return []Issue{{Path: append(slices.Clone(path), k.Property), AtKey: true, Message: fmt.Sprintf("%q is not a valid key here: %s", k.Property, s.describe(e))}}
	case *kind.Minimum:
		return at(fmt.Sprintf("must be at least %s", k.Want.RatString()))
	case *kind.Maximum:
		return at(fmt.Sprintf("must be at most %s", k.Want.RatString()))
	}
	return at(strings.TrimPrefix(e.Error(), "jsonschema validation failed with "))
}

func (s *Set) unknownKeys(e *jsonschema.ValidationError, path []string, keys []string) []Issue {
	allowed := s.properties(e.SchemaURL)
	var out []Issue
	if patterns, ok := s.node(e.SchemaURL)["patternProperties"].(map[string]any); ok && len(allowed) == 0 {
		// Keys are names the author chooses: ids, or language codes.
		what, hint := "key here", "language codes are lower-case, e.g. nl or en"
		if _, ids := patterns[idRegexp]; ids {
			what, hint = "id", "use lower-case letters, digits and single hyphens (kebab-case), e.g. contact-details"
		}
		for _, p := range keys {
			out = append(out, Issue{Path: append(slices.Clone(path), p), AtKey: true, Message: fmt.Sprintf("%q is not a valid %s: %s", p, what, hint)})
		}
		return out
	}
	for _, p := range keys {
		msg := fmt.Sprintf("unknown key %q", p)
		if m := diag.Closest(p, allowed, 1); m != "" {
			msg += fmt.Sprintf("; did you mean %q?", m)
		} else if len(allowed) > 0 && len(allowed) <= 12 {
			msg += "; allowed keys: " + strings.Join(allowed, ", ")
		}
		out = append(out, Issue{Path: append(slices.Clone(path), p), AtKey: true, Message: msg})
	}
	return out
}

// node returns the raw schema at an absolute schema URL with a JSON pointer fragment.
func (s *Set) node(schemaURL string) map[string]any {
	base, frag, _ := strings.Cut(schemaURL, "#")
	n, _ := s.raw[base].(map[string]any)
	if frag == "" || n == nil {
		return n
	}
	var cur any = n
	for _, part := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if p, err := url.PathUnescape(part); err == nil {
			part = p
		}
		part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
		switch v := cur.(type) {
		case map[string]any:
			cur = v[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	n, _ = cur.(map[string]any)
	return n
}

// keyTemplate is the line to add for a missing key, from its schema: the
// first allowed value, or the shape of the value.
func (s *Set) keyTemplate(schemaURL, key string) string {
	base, _, _ := strings.Cut(schemaURL, "#")
	props, _ := s.node(schemaURL)["properties"].(map[string]any)
	if props[key] == nil { // required in an if/then/else: the properties are beside it
		props, _ = s.node(strings.TrimSuffix(strings.TrimSuffix(schemaURL, "/else"), "/then"))["properties"].(map[string]any)
	}
	prop, _ := props[key].(map[string]any)
	for range 4 { // follow $ref
		ref, ok := prop["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#") {
			break
		}
		prop = s.node(base + ref)
	}
	if enum, ok := prop["enum"].([]any); ok && len(enum) > 0 {
		return key + " = " + show(enum[0])
	}
	if prop["format"] == "date" {
		return key + " = 2026-01-01"
	}
	switch prop["type"] {
	case "object":
		return "[" + key + "]"
	case "array":
		return key + " = [...]"
	case "boolean":
		return key + " = false"
	case "integer", "number":
		return key + " = 0"
	}
	return key + ` = "..."`
}

func (s *Set) properties(schemaURL string) []string {
	n := s.node(schemaURL)
	props, _ := n["properties"].(map[string]any)
	var out []string
	for k := range props {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (s *Set) describe(e *jsonschema.ValidationError) string {
	for c := e; c != nil; {
		if s.def(c.SchemaURL) == "id" {
			return "use lower-case letters, digits and single hyphens (kebab-case), e.g. contact-details"
		}
		if s.within(c.SchemaURL, "text") {
			return "language codes are lower-case, e.g. nl or en"
		}
		if len(c.Causes) == 0 {
			break
		}
		c = c.Causes[0]
	}
	return strings.TrimPrefix(e.Error(), "jsonschema validation failed with ")
}

// within reports whether a schema location lies inside the definition name.
func (s *Set) within(u, name string) bool {
	for {
		if s.def(u) == name || strings.Contains(u, "/$defs/"+name+"/") {
			return true
		}
		i := strings.LastIndex(u, "/")
		if i < 0 || !strings.Contains(u[:i], "#") {
			return false
		}
		u = u[:i]
	}
}

func (s *Set) patternMessage(e *jsonschema.ValidationError, k *kind.Pattern) string {
	u := e.SchemaURL
	switch {
	case s.def(u) == "id":
		return fmt.Sprintf("%q is not a valid id: use lower-case letters, digits and single hyphens (kebab-case), e.g. contact-details", k.Got)
	case s.def(u) == "country":
		return fmt.Sprintf("%q is not a country code: use the ISO 3166-1 alpha-2 code in capitals, e.g. NL, US, JP", k.Got)
	case strings.HasSuffix(u, "/period") || strings.HasSuffix(u, "/response_time"):
		return fmt.Sprintf("%q is not an ISO 8601 period: write P7Y for 7 years, P18M for 18 months, P6W for 6 weeks or P30D for 30 days", k.Got)
	}
	if d, ok := s.node(u)["description"].(string); ok {
		return fmt.Sprintf("%q is not valid: %s", k.Got, d)
	}
	return fmt.Sprintf("%q does not match the pattern %s", k.Got, k.Want)
}

func (s *Set) typeMessage(e *jsonschema.ValidationError, want []string, got string) string {
	if s.def(e.SchemaURL) == "text" {
		return fmt.Sprintf("expected a text: a string, or a table of languages such as { nl = \"...\", en = \"...\" }; found %s", tomlType(got))
	}
	var ws []string
	for _, w := range want {
		ws = append(ws, tomlType(w))
	}
	slices.Sort(ws)
	return fmt.Sprintf("expected %s, found %s", orList(slices.Compact(ws)), tomlType(got))
}

func (s *Set) ambiguous(e *jsonschema.ValidationError) string {
	if d, ok := s.node(e.SchemaURL)["description"].(string); ok {
		return "matches more than one alternative: " + d
	}
	return "matches more than one alternative of the schema"
}

// tomlType names a JSON type the way a TOML author knows it.
func tomlType(t string) string {
	switch t {
	case "object":
		return "a table"
	case "array":
		return "an array"
	case "string":
		return "a string"
	case "integer":
		return "an integer"
	case "number":
		return "a number"
	case "boolean":
		return "a boolean (true or false)"
	case "null":
		return "nothing"
	}
	return t
}

func formatName(f string) string {
	switch f {
	case "email":
		return "e-mail address"
	case "uri":
		return "URL (https://...)"
	case "date":
		return "date (YYYY-MM-DD)"
	}
	return f
}

// show writes a value as it is written in TOML: strings quoted, arrays in
// brackets, tables in braces with their keys sorted.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		parts := make([]string, 0, len(v))
		for _, k := range slices.Sorted(maps.Keys(v)) {
			parts = append(parts, k+" = "+show(v[k]))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	return fmt.Sprint(v)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

func andList(ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}

func orList(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

// Has reports whether the set holds a schema for records of the kind.
func (s *Set) Has(kindName string) bool {
	_, ok := s.schemas[kindName]
	return ok
}
