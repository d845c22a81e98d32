package tomlfile

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

const nested = `#:schema ../../schemas/activity.schema.json
name = { nl = "Betalen", en = "Paying" }
purposes = [
  { nl = "a", en = "b" },
  "plain",
]
site.title = "x"

[requirement]
statutory = false
consequence = { nl = "n", en = "e" }

[[transfers]]
recipient = "cloud-host"
country = "US"

[[transfers]]
recipient = "support"
safeguard = "dpa"

[[retention]]
categories = ["a", "b"]
[retention.trigger]
nl = "x"

[[retention]]
categories = [ "c" ]
period = "P7Y"

[internal.dpia]
required = true
`

func TestLocateNestedTablesAndArrays(t *testing.T) {
	d, err := Parse("a.toml", []byte(nested))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path     string
		key, val string // want "line:col+len"
	}{
		{"name", "2:1+4", "2:8+1"},
		{"name/en", "2:26+2", "2:31+8"},
		{"purposes", "3:1+8", "3:12+1"},
		{"purposes/0", "4:3+1", "4:3+1"},
		{"purposes/0/en", "4:15+2", "4:20+3"},
		{"purposes/1", "5:3+7", "5:3+7"},
		{"site", "7:1+10", "7:1+10"},
		{"site/title", "7:1+10", "7:14+3"},
		{"requirement", "9:2+11", "9:2+11"},
		{"requirement/statutory", "10:1+9", "10:13+5"},
		{"transfers/0/country", "15:1+7", "15:11+4"},
		{"transfers/1", "17:3+9", "17:3+9"},
		{"transfers/1/safeguard", "19:1+9", "19:13+5"},
		{"retention/0/categories/1", "22:20+3", "22:20+3"},
		{"retention/0/trigger/nl", "24:1+2", "24:6+3"},
		{"retention/1/categories/0", "27:16+3", "27:16+3"},
		{"retention/1/period", "28:1+6", "28:10+5"},
		{"internal/dpia/required", "31:1+8", "31:12+4"},
		// Missing keys fall back to the nearest enclosing key.
		{"transfers/1/country", "17:3+9", "17:3+9"},
		{"nothing/here", "1:1+1", "1:1+1"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			p := strings.Split(tc.path, "/")
			k, v := d.Key(p), d.Value(p)
			if got := fmt.Sprintf("%d:%d+%d", k.Line, k.Col, k.Len); got != tc.key {
				t.Errorf("Key = %s, want %s", got, tc.key)
			}
			if got := fmt.Sprintf("%d:%d+%d", v.Line, v.Col, v.Len); got != tc.val {
				t.Errorf("Value = %s, want %s", got, tc.val)
			}
		})
	}
	if got, line := d.Directive(); got != "../../schemas/activity.schema.json" || line != 1 {
		t.Errorf("Directive() = %q, %d", got, line)
	}
}

func TestParseRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"syntax", "a = 1\nb = \n", "2:5: TOML syntax: expected value but found '\\n' instead"},
		{"duplicate key", "[x]\na = 1\n[x]\n", "3:2: TOML syntax: Key 'x' has already been defined"},
		{"binary", "a = 1\n\x00\x01", "2:1: binary file: contains a NUL byte; records are UTF-8 text"},
		{"latin-1", "name = \"caf\xe9\"\n", "1:12: invalid UTF-8 byte 0xe9; save the file as UTF-8"},
		{"deep", "a = " + strings.Repeat("[", 40) + strings.Repeat("]", 40), "1:37: tables and arrays are nested more than 32 levels deep"},
		{"deep dotted header", "[" + strings.Repeat("a.", 40) + "b]\n", "1:65: tables and arrays are nested more than 32 levels deep"},
		{"deep dotted key", "x = 1.5\n" + strings.Repeat("a.", 40) + "b = 1\n", "2:66: tables and arrays are nested more than 32 levels deep"},
		{"escaped quotes do not hide nesting", "z = \"\"\"\\\"\"\" b\"\"\"\na = " + strings.Repeat("[", 40) + strings.Repeat("]", 40), "2:37: tables and arrays are nested more than 32 levels deep"},
		{"key flood", strings.Repeat("k = 1\n", MaxKeys+1), "20001:3: more than 20000 keys in one file; split the register"},
		{"item flood", "a = [" + strings.Repeat("1, ", MaxItems) + "1]\n", "1:30004: more than 10000 items in one list"},
		{"caret at the token", "name = { nl = \"é😀\",\ten = \"x\" } junk\n", "1:32: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'j' instead"},
		{"huge", strings.Repeat("# padding\n", MaxSize/10+1), "1:1: file is 8.0 MiB; a record file may be at most 8.0 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.toml", []byte(tc.src))
			if err == nil {
				t.Fatal("Parse accepted the input")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestParseCountsItemsPerList: the limit is on one list; commas in strings,
// in inline tables and in other lists do not count.
func TestParseCountsItemsPerList(t *testing.T) {
	list := "[" + strings.Repeat(`"a,b", `, MaxItems-1) + `{ x = 1, y = [1, 2] }]`
	if _, err := Parse("x.toml", []byte("a = "+list+"\nb = "+list+"\n")); err != nil {
		t.Errorf("two lists of %d items: %v", MaxItems, err)
	}
}

func TestLocateArrayAfterCommentedBracket(t *testing.T) {
	d, err := Parse("a.toml", []byte("role = [ # see [the list]\n  \"controller\",\n]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := d.Value([]string{"role"}); s.Line != 1 || s.Col != 8 {
		t.Errorf("Value(role) = %d:%d, want 1:8", s.Line, s.Col)
	}
}

func TestParseRecordsOddValues(t *testing.T) {
	d, err := Parse("x.toml", []byte("a = 2026-01-01\n[t]\nb = [12:30:00]\nc = nan\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range d.Odd() {
		got = append(got, fmt.Sprintf("%v: %s", o.Path, o.What))
	}
	slices.Sort(got)
	if want := "[a]: a TOML date or time; [t b 0]: a TOML date or time; [t c]: nan or inf"; strings.Join(got, "; ") != want {
		t.Errorf("Odd() = %s, want %s", got, want)
	}
}

func TestParseValues(t *testing.T) {
	d, err := Parse("x.toml", []byte("\xef\xbb\xbfdate = 2026-05-01\nn = 3\n[[t]]\nx = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(d.Data)
	if want := "map[date:2026-05-01 n:3 t:[map[x:1]]]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(nested))
	f.Add([]byte("a = [1, [2, {b = 3}]]\n[[x.y]]\nz = 'q'\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("f.toml", src)
		if (d == nil) == (err == nil) {
			t.Fatalf("Parse returned document %v and error %v", d != nil, err)
		}
		if d != nil {
			walk(t, d, nil, d.Data)
		}
	})
}

// walk asks for the place of every value, which must lie inside the file.
func walk(t *testing.T, d *Document, path []string, v any) {
	s := d.Value(path)
	if s.Line < 1 || s.Line > len(d.starts()) || s.Col < 1 || s.Len < 1 {
		t.Fatalf("Value(%q) = %+v is outside the file", path, s)
	}
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			walk(t, d, append(path[:len(path):len(path)], k), e)
		}
	case []any:
		for i, e := range v {
			walk(t, d, append(path[:len(path):len(path)], fmt.Sprint(i)), e)
		}
	}
}
