package register

import (
	"fmt"
	"reflect"
	"sort"
	"sync"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// suggest returns the "; did you mean ...?" of an unknown id looked up in m,
// a register map. It is worked out only when the message is worded (fmt
// calls String), so ids past the diagnostics shown per file cost nothing;
// each register's ids are listed once per load, and each unknown id is
// looked up once, however many activities repeat it.
func (c *checker) suggest(id string, m any) fmt.Stringer {
	return suggestion{s: &c.l.suggestions, id: id, m: m}
}

// suggestions caches, for one load, the ids of each register and the
// suggestion for each unknown id.
type suggestions struct {
	mu    sync.Mutex
	ids   map[uintptr][]string // register map -> its sorted ids
	found map[suggestKey]string
}

type suggestKey struct {
	m  uintptr
	id string
}

type suggestion struct {
	s  *suggestions
	id string
	m  any
}

func (s suggestion) String() string {
	v := reflect.ValueOf(s.m)
	key := suggestKey{v.Pointer(), s.id}
	s.s.mu.Lock()
	if s.s.found == nil {
		s.s.ids, s.s.found = map[uintptr][]string{}, map[suggestKey]string{}
	}
	if out, ok := s.s.found[key]; ok {
		s.s.mu.Unlock()
		return out
	}
	ids, ok := s.s.ids[key.m]
	if !ok {
		ids = make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			ids = append(ids, k.String())
		}
		sort.Strings(ids)
		s.s.ids[key.m] = ids
	}
	s.s.mu.Unlock()
	out := ""
	if best := diag.Closest(s.id, ids, 2); best != "" {
		out = fmt.Sprintf("; did you mean %q?", best)
	}
	s.s.mu.Lock()
	s.s.found[key] = out
	s.s.mu.Unlock()
	return out
}
