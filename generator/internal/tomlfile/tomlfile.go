// Package tomlfile reads one TOML file into plain values (maps, slices,
// strings, numbers, booleans) and knows where in the text every key and value
// is, so that problems found later can point at the right line and column.
//
// It is the only package that imports a TOML library. pelletier/go-toml/v2
// decodes the values (about seven times faster than BurntSushi/toml, which
// matters at 10,000 files: docs/performance.md) and, through its unstable
// parser, locates keys and values. BurntSushi/toml words the syntax errors:
// its messages and positions are the reference TOML users know.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
)

// MaxSize is the largest file Parse accepts. Records are small; a file larger
// than this is a mistake (a log, an export) and is refused before parsing.
const MaxSize = 8 << 20

// MaxDepth is the deepest nesting of tables and arrays Parse accepts.
const MaxDepth = 32

// MaxKeys is the most keys a file may hold. The largest shipped register has
// a few hundred; the TOML decoder slows down quadratically past many thousands.
const MaxKeys = 20000

// MaxItems is the most items one array may hold. No list of a record comes
// near it; a flood of items (100,000 ids on one line) is refused before the
// schema validator makes an error value for each.
const MaxItems = 10000

// Document is a parsed TOML file.
type Document struct {
	Name   string         // file name, as given to Parse
	Source []byte         // the text of the file
	Data   map[string]any // the decoded values; integers are int64, dates strings

	lines     []int // byte offset of the start of every line, made on first use (see starts)
	linesOnce sync.Once
	once      sync.Once
	spans     map[string]span // filled on first use: only diagnostics need places
	odd       []Odd           // dates, times, nan and inf

	textOnce sync.Once
	text     string // Source as a string, made on first use; lines are cut from it

	mu      sync.Mutex
	lastPos [3]int // line index, byte offset and column of the last position found
}

// Error is a problem with the file as a whole or its syntax.
type Error struct {
	Line, Col int    // 1-based position; Col counts characters
	Len       int    // number of characters to underline, at least 1
	Message   string // what is wrong, in plain words
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Message) }

// Span is the place of a key or value in the text.
type Span struct {
	Line, Col int // 1-based; Col counts characters
	Len       int // length in characters, at least 1
}

type span struct {
	key, val [2]int // byte offsets [start, end)
}

// Parse decodes src. A file that is not valid TOML, is binary, is not UTF-8,
// is too large or too deeply nested gives an *Error and no Document.
func Parse(name string, src []byte) (*Document, *Error) {
	if len(src) > MaxSize {
		return nil, &Error{Line: 1, Col: 1, Len: 1, Message: fmt.Sprintf("file is %s; a record file may be at most %s", size(len(src)), size(MaxSize))}
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	d := &Document{Name: name, Source: src}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, d.errorAt(i, 1, "binary file: contains a NUL byte; records are UTF-8 text")
	}
	if !utf8.Valid(src) {
		i := invalidUTF8(src)
		return nil, d.errorAt(i, 1, fmt.Sprintf("invalid UTF-8 byte 0x%02x; save the file as UTF-8", src[i]))
	}
	if off, msg := tooDeep(src); msg != "" {
		return nil, d.errorAt(off, 1, msg)
	}
	var raw map[string]any
	if err := gotoml.Unmarshal(src, &raw); err != nil {
		var ignored map[string]any
		if _, berr := toml.NewDecoder(bytes.NewReader(src)).Decode(&ignored); berr != nil {
			return nil, d.syntaxError(berr)
		}
		return nil, d.decodeError(err)
	}
	if raw == nil {
		raw = map[string]any{}
	}
	v, err := d.plain(raw, make([]string, 0, MaxDepth+1))
	if err != nil {
		return nil, &Error{Line: 1, Col: 1, Len: 1, Message: err.Error()}
	}
	d.Data = v.(map[string]any)
	return d, nil
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// tooDeep scans for nesting of [ and {, for dotted keys with many parts, and
// counts keys, outside strings and comments, so that pathological input is
// refused before a parser builds (or recurses through) thousands of levels or
// spends quadratic time on a flood of keys.
func tooDeep(src []byte) (offset int, msg string) {
	depth, dots, keys := 0, 0, 0
	inKey := true                 // before the '=' of a key/value pair, or inside a [table] header
	var items [MaxDepth + 2]int   // commas seen in the open bracket of each depth
	var arrays [MaxDepth + 2]bool // whether that bracket is an array
	for i := 0; i < len(src); i++ {
		for i < len(src) && !scanned[src[i]] {
			i++ // letters, digits, blanks: most of a file
		}
		if i == len(src) {
			break
		}
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			dots, inKey = 0, true
		case '\n':
			dots, inKey = 0, true
		case '"', '\'':
			i = skipString(src, i)
		case '.':
			if inKey {
				dots++
				if depth+dots > MaxDepth {
					return i, fmt.Sprintf("tables and arrays are nested more than %d levels deep", MaxDepth)
				}
			}
		case '=':
			inKey = false
			if keys++; keys > MaxKeys {
				return i, fmt.Sprintf("more than %d keys in one file; split the register", MaxKeys)
			}
		case ',':
			dots, inKey = 0, true
			if arrays[depth] {
				if items[depth]++; items[depth] >= MaxItems {
					return i, fmt.Sprintf("more than %d items in one list", MaxItems)
				}
			}
		case '[', '{':
			depth++
			dots, inKey = 0, true
			if depth > MaxDepth {
				return i, fmt.Sprintf("tables and arrays are nested more than %d levels deep", MaxDepth)
			}
			items[depth], arrays[depth] = 0, c == 0x5b
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, ""
}

// scanned are the bytes tooDeep looks at; it skips the others quickly.
var scanned = func() (t [256]bool) {
	for _, c := range []byte("#\n\"'.=,[{]}") {
		t[c] = true
	}
	return t
}()

// skipString returns the index of the last byte of the string that starts at
// i: basic and literal, single- and multi-line, honouring backslash escapes in
// basic strings. An unterminated string runs to the end of its line (single)
// or of the file (multi-line); the parser reports it.
func skipString(src []byte, i int) int {
	quote := src[i]
	basic := quote == '"'
	if bytes.HasPrefix(src[i:], []byte{quote, quote, quote}) {
		for j := i + 3; j < len(src); j++ {
			switch {
			case basic && src[j] == '\\':
				j++
			case src[j] == quote && bytes.HasPrefix(src[j:], []byte{quote, quote, quote}):
				// Up to two more quotes may belong to the content: """a"""""
				end := j + 2
				for end+1 < len(src) && src[end+1] == quote && end+1 < j+5 {
					end++
				}
				return end
			}
		}
		return len(src) - 1
	}
	j := i + 1
	for ; j < len(src) && src[j] != quote && src[j] != '\n'; j++ {
		if basic && src[j] == '\\' {
			j++
		}
	}
	if j < len(src) && src[j] == '\n' {
		return j - 1
	}
	return j
}

func (d *Document) syntaxError(err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if msg == "" {
			msg = err.Error()
		}
		line, col := pe.Position.Line, pe.Position.Col
		if line < 1 {
			line = 1
		}
		if col < 1 {
			col = 1
		}
		// BurntSushi counts columns in bytes, and may point at the blanks
		// before the offending token; we count characters, at the token.
		if lines := d.starts(); line <= len(lines) {
			start := lines[line-1]
			end := min(start+col-1, len(d.Source))
			for end < len(d.Source) && (d.Source[end] == ' ' || d.Source[end] == '\t') {
				end++
			}
			col = utf8.RuneCount(d.Source[start:end]) + 1
		}
		return &Error{Line: line, Col: col, Len: max(pe.Position.Len, 1), Message: "TOML syntax: " + strings.TrimSuffix(msg, ".")}
	}
	return &Error{Line: 1, Col: 1, Len: 1, Message: "TOML syntax: " + err.Error()}
}

// decodeError words an error that only go-toml found.
func (d *Document) decodeError(err error) *Error {
	var de *gotoml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		if lines := d.starts(); row >= 1 && row <= len(lines) {
			start := lines[row-1]
			end := min(start+col-1, len(d.Source))
			col = utf8.RuneCount(d.Source[start:end]) + 1
		}
		return &Error{Line: max(row, 1), Col: max(col, 1), Len: 1, Message: "TOML syntax: " + de.Error()}
	}
	return &Error{Line: 1, Col: 1, Len: 1, Message: "TOML syntax: " + err.Error()}
}

func (d *Document) errorAt(offset, n int, msg string) *Error {
	p := d.position(offset)
	return &Error{Line: p.Line, Col: p.Col, Len: n, Message: msg}
}

// plain turns decoded TOML into JSON-like values, in place: tables and
// arrays are reused, only an array of tables typed []map[string]any becomes
// a new []any. Dates and times become strings (JSON Schema knows no dates);
// their paths are kept in d.odd, so that a date where text belongs is still
// noticed. The path is appended to without copying; odd values clone it.
func (d *Document) plain(v any, path []string) (any, error) {
	switch v := v.(type) {
	case string, bool, int64:
		return v, nil
	case map[string]any:
		for k, e := range v {
			switch e.(type) {
			case string, bool, int64:
				continue // the most common values, left as they are
			}
			p, err := d.plain(e, append(path, k))
			if err != nil {
				return nil, err
			}
			v[k] = p
		}
		return v, nil
	case []any:
		for i, e := range v {
			switch e.(type) {
			case string, bool, int64:
				continue
			}
			p, err := d.plain(e, append(path, strconv.Itoa(i)))
			if err != nil {
				return nil, err
			}
			v[i] = p
		}
		return v, nil
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			p, err := d.plain(e, append(path, strconv.Itoa(i)))
			if err != nil {
				return nil, err
			}
			out[i] = p
		}
		return out, nil
	case gotoml.LocalDate:
		d.date(path)
		return v.String(), nil
	case gotoml.LocalTime:
		d.date(path)
		return v.String(), nil
	case gotoml.LocalDateTime:
		d.date(path)
		return v.String(), nil
	case time.Time:
		d.date(path)
		return v.Format(time.RFC3339Nano), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			d.odd = append(d.odd, Odd{Path: slices.Clone(path), What: "nan or inf"})
			return strconv.FormatFloat(v, 'g', -1, 64), nil
		}
		return v, nil
	}
	return nil, fmt.Errorf("unsupported TOML value of type %T", v)
}

func (d *Document) date(path []string) {
	d.odd = append(d.odd, Odd{Path: slices.Clone(path), What: "a TOML date or time"})
}

// Odd is a TOML value that JSON Schema cannot see for what it is: a date or
// time (passed on as a string) or nan or inf (passed on as a string too).
type Odd struct {
	Path []string // where it is
	What string   // "a TOML date or time" or "nan or inf"
}

// Odd returns the values that were dates, times, nan or inf.
func (d *Document) Odd() []Odd { return d.odd }

// Directive returns the target of the file's `#:schema` comment and its line,
// or "" and 0 when the file has none. Like TOML editors, only comments before
// the first key or table count.
//
// It looks at the bytes of the source, line by line, without making the
// text a string: every record file is asked, nearly all of them are fine.
func (d *Document) Directive() (target string, line int) {
	src := d.Source
	for n := 1; ; n++ {
		l, rest, more := bytes.Cut(src, []byte("\n"))
		if s := bytes.TrimSpace(l); len(s) > 0 {
			if s[0] != '#' {
				return "", 0
			}
			if r, ok := bytes.CutPrefix(s, []byte("#:schema")); ok {
				return string(bytes.TrimSpace(r)), n
			}
		}
		if !more {
			return "", 0
		}
		src = rest
	}
}

// Line returns line n (1-based) of the source without its line ending. The
// lines share one copy of the text, so that many diagnostics on one long
// line do not each hold a copy of it.
func (d *Document) Line(n int) string {
	lines := d.starts()
	if n < 1 || n > len(lines) {
		return ""
	}
	d.textOnce.Do(func() { d.text = string(d.Source) })
	start := lines[n-1]
	end := len(d.text)
	if n < len(lines) {
		end = lines[n] - 1
	}
	return strings.TrimSuffix(d.text[start:end], "\r")
}

// starts returns the byte offset of the start of every line. Only
// diagnostics need them, so they are found on first use.
func (d *Document) starts() []int {
	d.linesOnce.Do(func() { d.lines = lineStarts(d.Source) })
	return d.lines
}

func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// position finds the line and column of a byte offset. Columns count
// characters from the start of the line; counting goes on from the last
// position found when it is earlier on the same line, so that the places of
// many values on one long line cost one pass over it, not one each.
func (d *Document) position(offset int) Span {
	lines := d.starts()
	line := sort.Search(len(lines), func(i int) bool { return lines[i] > offset }) - 1
	line = max(line, 0)
	offset = min(offset, len(d.Source))
	d.mu.Lock()
	defer d.mu.Unlock()
	from, col := lines[line], 1
	if last := d.lastPos; last[2] > 0 && last[0] == line && last[1] <= offset && last[1] >= from {
		from, col = last[1], last[2]
	}
	col += utf8.RuneCount(d.Source[from:offset])
	d.lastPos = [3]int{line, offset, col}
	return Span{Line: line + 1, Col: col, Len: 1}
}

func (d *Document) spanOf(r [2]int) Span {
	s := d.position(r[0])
	end := r[1]
	// Underline at most to the end of the line.
	if nl := bytes.IndexByte(d.Source[r[0]:end], '\n'); nl >= 0 {
		end = r[0] + nl
	}
	s.Len = max(utf8.RuneCount(d.Source[r[0]:end]), 1)
	return s
}

// Key returns the place of the key at path (map keys and decimal array
// indices). When path is not in the file (a missing key), it returns the place
// of the nearest enclosing key that is, or the start of the file.
func (d *Document) Key(path []string) Span {
	d.once.Do(d.locate)
	for n := len(path); n > 0; n-- {
		if s, ok := d.spans[pathKey(path[:n])]; ok {
			return d.spanOf(s.key)
		}
	}
	return Span{Line: 1, Col: 1, Len: 1}
}

// Value returns the place of the value at path, falling back like Key.
func (d *Document) Value(path []string) Span {
	d.once.Do(d.locate)
	if s, ok := d.spans[pathKey(path)]; ok {
		return d.spanOf(s.val)
	}
	return d.Key(path)
}

func pathKey(path []string) string { return strings.Join(path, "\x00") }
