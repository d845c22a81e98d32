package register

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// decodeValue fills v from plain values (maps, slices, strings, int64, bools)
// by the JSON names of the model. The schema has already checked the shape;
// decodeValue only reports what it cannot place, as a mismatch between schema
// and model. It replaces a JSON round trip, which cost as much as validation.
func decodeValue(data any, v reflect.Value) error {
	if v.Type() == nameType {
		t := reflect.New(textType).Elem()
		if err := decodeValue(data, t); err != nil {
			return err
		}
		v.Set(t.Convert(nameType))
		return nil
	}
	if v.Type() == textType {
		switch d := data.(type) {
		case string:
			v.Set(reflect.ValueOf(Text{"": d}))
			return nil
		case map[string]any:
			t := make(Text, len(d))
			for k, e := range d {
				s, ok := e.(string)
				if !ok {
					return fmt.Errorf("text in %q is %T, not a string", k, e)
				}
				t[k] = s
			}
			v.Set(reflect.ValueOf(t))
			return nil
		}
		return fmt.Errorf("a text is %T, not a string or table", data)
	}
	if v.Type() == purposeType {
		// A purpose is a text (string, or table of languages) or a table
		// with the key purpose; the schema has told them apart.
		if m, ok := data.(map[string]any); !ok || m["purpose"] == nil {
			t := reflect.New(textType).Elem()
			if err := decodeValue(data, t); err != nil {
				return err
			}
			v.Set(reflect.ValueOf(Purpose{Purpose: t.Interface().(Text), text: true}))
			return nil
		}
	}
	if v.Type() == stepType {
		// A step is a text, or a table with the key text.
		if m, ok := data.(map[string]any); !ok || m["text"] == nil {
			t := reflect.New(textType).Elem()
			if err := decodeValue(data, t); err != nil {
				return err
			}
			v.Set(reflect.ValueOf(Step{Text: t.Interface().(Text), plain: true}))
			return nil
		}
	}
	if v.Type() == stringsType {
		// Lists of ids, the most common list of a record: filled directly,
		// as the generic slice case below would, without a reflect call
		// per item.
		arr, ok := data.([]any)
		if !ok {
			return fmt.Errorf("%T is not an array", data)
		}
		out := make([]string, len(arr))
		for i, e := range arr {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("[%d]: %T is not a string", i, e)
			}
			out[i] = s
		}
		if v.CanAddr() {
			*v.Addr().Interface().(*[]string) = out
		} else {
			v.Set(reflect.ValueOf(out))
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return decodeValue(data, v.Elem())
	case reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			return fmt.Errorf("%T is not a table", data)
		}
		fields := fieldsOf(v.Type())
		for k, e := range m {
			idx, ok := fields[k]
			if !ok {
				return fmt.Errorf("the model has no field for key %q", k)
			}
			if err := decodeValue(e, v.FieldByIndex(idx)); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
		return nil
	case reflect.Slice:
		arr, ok := data.([]any)
		if !ok {
			return fmt.Errorf("%T is not an array", data)
		}
		s := reflect.MakeSlice(v.Type(), len(arr), len(arr))
		for i, e := range arr {
			if err := decodeValue(e, s.Index(i)); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		v.Set(s)
		return nil
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			return fmt.Errorf("%T is not a string", data)
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			return fmt.Errorf("%T is not a boolean", data)
		}
		v.SetBool(b)
		return nil
	case reflect.Int, reflect.Int64:
		switch n := data.(type) {
		case int64:
			v.SetInt(n)
			return nil
		case float64: // 16.0: JSON Schema counts it as an integer
			if n == float64(int64(n)) {
				v.SetInt(int64(n))
				return nil
			}
		}
		return fmt.Errorf("%v is not an integer", data)
	}
	return fmt.Errorf("cannot decode into %s", v.Type())
}

var (
	purposeType = reflect.TypeOf(Purpose{})
	stepType    = reflect.TypeOf(Step{})
	nameType    = reflect.TypeOf(Name{})
	stringsType = reflect.TypeOf([]string(nil))
)

var fieldCache sync.Map // reflect.Type -> map[string][]int

// fieldsOf maps the JSON names of a struct's fields, including those of
// embedded structs, to their index paths.
func fieldsOf(t reflect.Type) map[string][]int {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string][]int)
	}
	out := map[string][]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			for k, idx := range fieldsOf(f.Type) {
				out[k] = append([]int{i}, idx...)
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		out[name] = []int{i}
	}
	fieldCache.Store(t, out)
	return out
}
