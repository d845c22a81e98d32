package tomlfile

import (
	"strconv"

	"github.com/pelletier/go-toml/v2/unstable"
)

// locate records the place of every key and value. It runs only on text that
// BurntSushi/toml accepted; if the second parser disagrees, the places found
// so far are kept and the rest fall back to their enclosing keys.
func (d *Document) locate() {
	d.spans = map[string]span{}
	defer func() {
		// The second parser must never take the program down; without
		// places, diagnostics point at enclosing keys or the first line.
		_ = recover()
	}()
	var p unstable.Parser
	p.Reset(d.Source)
	arrays := map[string]int{} // resolved path of an array of tables -> number of elements so far
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			d.keyValue(&p, table, e)
		case unstable.Table, unstable.ArrayTable:
			parts, r := keyParts(e.Key())
			table = table[:0:0]
			for i, part := range parts {
				table = append(table, part)
				k := pathKey(table)
				last := i == len(parts)-1
				if last && e.Kind == unstable.ArrayTable {
					n := arrays[k]
					arrays[k] = n + 1
					d.record(table, r, r)
					table = append(table, strconv.Itoa(n))
					d.record(table, r, r)
					continue
				}
				if n, ok := arrays[k]; ok && !last {
					table = append(table, strconv.Itoa(n-1))
					continue
				}
				d.record(table, r, r)
			}
		}
	}
}

func (d *Document) record(path []string, key, val [2]int) {
	k := pathKey(path)
	if _, ok := d.spans[k]; !ok {
		d.spans[k] = span{key: key, val: val}
	}
}

// keyParts returns the parts of a dotted key and the range it covers.
func keyParts(it unstable.Iterator) ([]string, [2]int) {
	var parts []string
	r := [2]int{-1, -1}
	for it.Next() {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if n.Raw.Length > 0 {
			start, end := int(n.Raw.Offset), int(n.Raw.Offset+n.Raw.Length)
			if r[0] < 0 {
				r[0] = start
			}
			r[1] = end
		}
	}
	if r[0] < 0 {
		r = [2]int{0, 1}
	}
	return parts, r
}

func (d *Document) keyValue(p *unstable.Parser, base []string, e *unstable.Node) {
	parts, kr := keyParts(e.Key())
	path := append(append([]string(nil), base...), parts...)
	for i := len(base) + 1; i < len(path); i++ {
		d.record(path[:i], kr, kr) // dotted keys define tables
	}
	d.value(p, path, kr, e.Value(), true)
}

func (d *Document) value(p *unstable.Parser, path []string, kr [2]int, v *unstable.Node, afterKey bool) {
	vr := d.valueRange(v, kr, afterKey)
	d.record(path, kr, vr)
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if c := it.Node(); c.Kind == unstable.KeyValue {
				d.keyValue(p, path, c)
			}
		}
	case unstable.Array:
		it := v.Children()
		i := 0
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			elem := append(append([]string(nil), path...), strconv.Itoa(i))
			er := d.valueRange(c, kr, false)
			d.value(p, elem, er, c, false)
			i++
		}
	}
}

// valueRange is the range of a value. Arrays have none in the AST: after a
// key, the opening bracket is the first character after "=" (comments cannot
// come between); for an array inside an array, it is found by searching back
// from its first element.
func (d *Document) valueRange(v *unstable.Node, after [2]int, afterKey bool) [2]int {
	if v.Raw.Length > 0 {
		return [2]int{int(v.Raw.Offset), int(v.Raw.Offset + v.Raw.Length)}
	}
	if v.Kind != unstable.Array {
		return after
	}
	if afterKey {
		for i := after[1]; i < len(d.Source); i++ {
			switch d.Source[i] {
			case ' ', '\t', '=':
				continue
			case '[':
				return [2]int{i, i + 1}
			}
			break
		}
		return after
	}
	if first := v.Child(); first != nil && first.Raw.Length > 0 {
		for i := int(first.Raw.Offset) - 1; i >= 0; i-- {
			if d.Source[i] == '[' {
				return [2]int{i, i + 1}
			}
		}
	}
	return after
}
