package register

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/schema"
	"github.com/privacy-as-code/ropa/generator/internal/tomlfile"
)

// Where the records live, relative to the project root.
const (
	DataDir       = "data"
	ActivitiesDir = "data/activities"
	SchemasDir    = "schemas"
	ConfigFile    = "hugo.toml"
)

// registers are the shared register files, by schema kind.
var registers = []string{"organisation", "subjects", "categories", "recipients", "measures"}

var (
	idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	bareKey   = regexp.MustCompile(`^[A-Za-z0-9_-]+$`) // TOML bare key
)

// reservedIDs would collide with the pages Hugo makes for a section.
var reservedIDs = map[string]bool{"index": true, "page": true}

// file is one parsed record file.
type file struct {
	name string // relative to the root, with forward slashes
	kind string // schema kind
	doc  *tomlfile.Document
	ok   bool // parsed, matched its schema and decoded
}

// loader carries the state of one Load.
type loader struct {
	root    string
	dirs    *dirs // the project root and data/, opened so that reads stay inside them
	schemas *schema.Set
	files   map[string]*file
	failed  map[string]bool // schema kinds with a file that did not load
	diags   diag.Collector
	mu      sync.Mutex

	// compiled is closed once schemas is set, or abandoned when the schemas
	// did not compile: activity files are read and parsed before that.
	compiled  chan struct{}
	abandoned atomic.Bool

	sources sync.Pool // *[]byte: buffers activity files are read into (see activity)

	suggestions suggestions // "did you mean" lookups, see checker.suggest
}

// Schemas are the compiled schemas of a project, to load it (again) with.
type Schemas struct{ set *schema.Set }

// CompileSchemas compiles the project's schemas. A missing or broken schema
// is a problem of the project's tooling, not of the records: it is an error
// here, not a diagnostic.
func CompileSchemas(root string) (*Schemas, error) {
	if err := checkTopLevel(root, SchemasDir); err != nil {
		return nil, err
	}
	set, err := schema.Load(filepath.Join(root, SchemasDir), append(append(registers, "activity"), optionalSchemas(root)...)...)
	if err != nil {
		return nil, err
	}
	return &Schemas{set}, nil
}

// Load reads and checks the project at root: the site languages from
// hugo.toml, the shared registers and every activity under data/activities.
// The register is complete only when the list holds no errors. A schema
// that does not compile is reported as a diagnostic on schemas/.
func Load(root string) (*Register, diag.List) {
	_, reg, diags, err := CompileAndLoad(root)
	if err != nil {
		return emptyRegister(), diag.List{{File: SchemasDir, Message: err.Error()}}
	}
	return reg, diags
}

func emptyRegister() *Register {
	return &Register{
		Subjects:   map[string]*Subject{},
		Categories: map[string]*Category{},
		Recipients: map[string]*Recipient{},
		Measures:   map[string]*Measure{},
		Topics:     map[string]*Topic{},
		Files:      map[string]string{},
		Order:      map[string][]string{},
	}
}

// Load is Load with schemas compiled beforehand, as the commands and serve
// use it: the schemas are compiled once, however often the records load.
func (s *Schemas) Load(root string) (*Register, diag.List) {
	_, reg, diags, _ := load(root, s)
	return reg, diags
}

// CompileAndLoad compiles the project's schemas, as CompileSchemas, and
// loads the project with them, as Schemas.Load. It is the quicker way for a
// command that loads once: the activity files are read and parsed while the
// schemas compile, which otherwise keeps one core busy and the other idle.
// When the schemas do not compile, it returns their error and nothing else.
func CompileAndLoad(root string) (*Schemas, *Register, diag.List, error) {
	return load(root, nil)
}

// load loads the project at root with the schemas s, or compiles them first
// when s is nil.
func load(root string, s *Schemas) (*Schemas, *Register, diag.List, error) {
	l := &loader{root: root, files: map[string]*file{}, failed: map[string]bool{}, compiled: make(chan struct{})}
	l.sources.New = func() any { b := make([]byte, 0, 8<<10); return &b }
	reg := emptyRegister()
	l.dirs = l.openDirs()
	defer l.dirs.close()
	acts := l.startActivities()
	if s == nil {
		var err error
		if s, err = CompileSchemas(root); err != nil {
			l.abandoned.Store(true)
			close(l.compiled)
			close(acts.ready)
			acts.wg.Wait()
			return nil, nil, nil, err
		}
	}
	l.schemas = s.set
	close(l.compiled)
	l.languages(reg)

	for _, kind := range registers {
		name := path.Join(DataDir, kind+".toml")
		f := l.parse(name, kind)
		if f == nil || !f.ok {
			l.failed[kind] = true
			continue
		}
		l.decodeRegister(reg, f)
	}
	l.topics(reg)
	// The rules run on whatever loaded; rules that need a register that
	// failed to load are skipped, so no error is reported twice.
	c := newChecker(l, reg)
	l.activities(reg, c, acts)
	c.shared()
	c.limits()
	return s, reg, l.diags.List(), nil
}

// add adds a diagnostic; past diag.MaxPerFile in one file, it is only counted.
func (l *loader) add(d diag.Diagnostic) { l.diags.Add(d) }

// room reports whether a diagnostic in file f would still be shown; when it
// would not, the caller need not word it (see diag.Collector).
func (l *loader) room(f *file) bool { return l.diags.Room(f.name) }

// at makes a diagnostic at a data path of a parsed file. Past the number of
// diagnostics shown per file, it skips finding the place.
func (l *loader) at(f *file, p []string, atKey bool, sev diag.Severity, msg string) diag.Diagnostic {
	if !l.room(f) {
		return diag.Diagnostic{File: f.name, Severity: sev, Message: msg}
	}
	d := diag.Diagnostic{File: f.name, Path: renderPath(f.doc.Data, p), Severity: sev, Message: msg, Line: 1, Col: 1, Len: 1}
	var s tomlfile.Span
	if atKey {
		s = f.doc.Key(p)
	} else {
		s = f.doc.Value(p)
	}
	d.Line, d.Col, d.Len = s.Line, s.Col, s.Len
	d.Source = f.doc.Line(s.Line)
	return d
}

// renderPath writes a data path the way TOML authors read it:
// transfers[0].safeguard, or "odd key".name.
func renderPath(data map[string]any, p []string) string {
	var b strings.Builder
	var cur any = data
	for _, part := range p {
		if arr, ok := cur.([]any); ok {
			b.WriteString("[" + part + "]")
			if i, err := strconv.Atoi(part); err == nil && i >= 0 && i < len(arr) {
				cur = arr[i]
			} else {
				cur = nil
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		if bareKey.MatchString(part) {
			b.WriteString(part)
		} else {
			b.WriteString(strconv.Quote(part))
		}
		if m, ok := cur.(map[string]any); ok {
			cur = m[part]
		} else {
			cur = nil
		}
	}
	return b.String()
}

// read reads a project file, refusing what is not a regular file and any
// path that leads out of the project (see dirs.open).
func (l *loader) read(name string) ([]byte, bool) { return l.readInto(name, nil) }

// readInto is read into *buf when it is large enough; a larger buffer it
// makes is left in *buf, to be reused. buf may be nil.
func (l *loader) readInto(name string, buf *[]byte) ([]byte, bool) {
	if rest, inData := strings.CutPrefix(name, DataDir+"/"); inData && l.dirs.data != nil {
		if b, ok := l.dirs.quickRead(rest, buf); ok {
			return b, true
		}
	}
	f, err := l.dirs.open(name)
	switch {
	case errors.Is(err, errSkipped):
		return nil, false
	case errors.Is(err, errOutside):
		l.add(diag.Diagnostic{File: name, Message: err.Error()})
		return nil, false
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(filepath.Join(l.root, filepath.FromSlash(name))); lerr == nil {
			l.add(diag.Diagnostic{File: name, Message: "broken symbolic link: its target does not exist"})
		} else {
			l.add(diag.Diagnostic{File: name, Message: "file is missing; every project needs it"})
		}
		return nil, false
	case err != nil:
		l.add(diag.Diagnostic{File: name, Message: "cannot read: " + plainError(err)})
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		l.add(diag.Diagnostic{File: name, Message: "cannot read: " + plainError(err)})
		return nil, false
	case info.IsDir():
		l.add(diag.Diagnostic{File: name, Message: "is a directory; a record must be a TOML file"})
		return nil, false
	case !info.Mode().IsRegular():
		l.add(diag.Diagnostic{File: name, Message: "is not a regular file; a record must be a TOML file"})
		return nil, false
	case info.Size() > tomlfile.MaxSize:
		l.add(diag.Diagnostic{File: name, Line: 1, Col: 1, Message: fmt.Sprintf("file is %.1f MiB; a record file may be at most %d MiB", float64(info.Size())/(1<<20), tomlfile.MaxSize>>20)})
		return nil, false
	}
	b := make([]byte, info.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		l.add(diag.Diagnostic{File: name, Message: "cannot read: " + plainError(err)})
		return nil, false
	}
	return b, true
}

// plainError drops the path from an *fs.PathError: the diagnostic already names the file.
func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// parse reads, parses and schema-checks one file. It returns nil when the
// file cannot be read or parsed.
func (l *loader) parse(name, kind string) *file { return l.parseFrom(name, kind, nil) }

// parseFrom is parse, reading the file into *buf (see readInto).
func (l *loader) parseFrom(name, kind string, buf *[]byte) *file {
	src, ok := l.readInto(name, buf)
	if !ok {
		return nil
	}
	doc, perr := tomlfile.Parse(name, src)
	if perr != nil {
		l.add(l.parseError(name, src, perr))
		return nil
	}
	f := &file{name: name, kind: kind, doc: doc}
	if kind != "activity" {
		// Shared registers are kept for the rules that run after loading.
		// Activity files are checked entirely in their worker and then let
		// go: at 10,000 activities, keeping them would double the heap.
		l.mu.Lock()
		l.files[name] = f
		l.mu.Unlock()
	}
	if len(bytes.TrimSpace(doc.Source)) == 0 {
		l.add(diag.Diagnostic{File: name, Line: 1, Col: 1, Message: "file is empty"})
		return f
	}
	odd := false
	for _, o := range doc.Odd() {
		if len(o.Path) == 1 && (kind == "organisation" && o.Path[0] == "effective_date" || kind == "activity" && o.Path[0] == "reviewed") && o.What != "nan or inf" {
			continue
		}
		odd = true
		msg := "found a TOML date or time; only effective_date and reviewed are dates: write other values in quotes"
		if o.What == "nan or inf" {
			msg = "found nan or inf, which no record field holds"
		}
		l.add(l.at(f, o.Path, false, diag.Error, msg))
	}
	l.directive(f)
	<-l.compiled // activity files are parsed while the schemas compile
	if l.abandoned.Load() {
		return nil
	}
	issues := l.schemas.Validate(kind, doc.Data)
	for _, is := range issues {
		d := l.at(f, is.Path, is.AtKey, diag.Error, is.Message)
		if is.AtKey && len(is.Path) == 0 {
			d = missingTopLevel(f, d) // not 1:1, but where the key goes
		}
		l.add(d)
	}
	f.ok = len(issues) == 0 && !odd
	return f
}

// parseError turns a parse error into a diagnostic with the source line,
// except for files that are not text.
func (l *loader) parseError(name string, src []byte, perr *tomlfile.Error) diag.Diagnostic {
	d := diag.Diagnostic{File: name, Line: perr.Line, Col: perr.Col, Len: perr.Len, Message: perr.Message}
	if strings.Contains(perr.Message, "binary") || strings.Contains(perr.Message, "UTF-8") || len(src) > tomlfile.MaxSize {
		return d
	}
	lines := strings.Split(string(src), "\n")
	if perr.Line >= 1 && perr.Line <= len(lines) {
		d.Source = strings.TrimSuffix(lines[perr.Line-1], "\r")
	}
	return d
}

// directive checks the `#:schema` comment that lets editors validate the file.
func (l *loader) directive(f *file) {
	want := path.Join(strings.Repeat("../", strings.Count(f.name, "/")), SchemasDir, f.kind+".schema.json")
	got, line := f.doc.Directive()
	switch {
	case line == 0:
		l.add(diag.Diagnostic{File: f.name, Line: 1, Col: 1, Len: 1, Severity: diag.Warning, Source: f.doc.Line(1),
			Message: fmt.Sprintf("no #:schema directive; start the file with `#:schema %s` so editors check it as you type", want)})
	case got != want:
		l.add(diag.Diagnostic{File: f.name, Line: line, Col: 1, Len: len([]rune(f.doc.Line(line))), Severity: diag.Warning, Source: f.doc.Line(line),
			Message: fmt.Sprintf("#:schema points at %q; for this file it is %q", got, want)})
	}
}

// decode fills v from a file's values; the schema has already checked their
// shape, so an error here is a mismatch between schema and model.
func (l *loader) decode(f *file, data any, v any) bool {
	if err := decodeValue(data, reflect.ValueOf(v)); err != nil {
		l.add(diag.Diagnostic{File: f.name, Line: 1, Col: 1, Message: "cannot read the record: " + err.Error()})
		return false
	}
	return true
}

func (l *loader) decodeRegister(reg *Register, f *file) {
	if f.kind == "organisation" {
		var o Organisation
		if !l.decode(f, f.doc.Data, &o) {
			l.failed[f.kind] = true
			return
		}
		reg.Organisation = o
		reg.Files["organisation"] = f.name
		return
	}
	switch f.kind {
	case "subjects":
		decodeEntries(l, reg, f, reg.Subjects, func(id string) *Subject { return &Subject{ID: id} })
	case "categories":
		decodeEntries(l, reg, f, reg.Categories, func(id string) *Category { return &Category{ID: id} })
	case "recipients":
		decodeEntries(l, reg, f, reg.Recipients, func(id string) *Recipient { return &Recipient{ID: id} })
	case "measures":
		decodeEntries(l, reg, f, reg.Measures, func(id string) *Measure { return &Measure{ID: id} })
	}
}

// decodeEntries fills one shared register, whose file holds a table per id.
func decodeEntries[T any](l *loader, reg *Register, f *file, into map[string]*T, entry func(id string) *T) {
	ids := sortedKeys(f.doc.Data)
	// In the order of the file: readers see the definitions as written.
	slices.SortStableFunc(ids, func(a, b string) int {
		ka, kb := f.doc.Key([]string{a}), f.doc.Key([]string{b})
		return cmp.Or(cmp.Compare(ka.Line, kb.Line), cmp.Compare(ka.Col, kb.Col))
	})
	reg.Order[f.kind] = ids
	for _, id := range ids {
		v := entry(id)
		if l.decode(f, f.doc.Data[id], v) {
			into[id] = v
			reg.Files[f.kind+":"+id] = f.name
		} else {
			l.failed[f.kind] = true
		}
		if reservedIDs[id] {
			l.add(l.at(f, []string{id}, true, diag.Error, fmt.Sprintf("%q is reserved for the site's own pages; choose another id", id)))
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CheckActivityID says why id cannot name an activity, or returns nil.
func CheckActivityID(id string) error {
	switch {
	case !idPattern.MatchString(id):
		return fmt.Errorf("%q is not a valid activity id: use lower-case letters, digits and single hyphens (kebab-case), e.g. account-creation", id)
	case reservedIDs[id]:
		return fmt.Errorf("%q is reserved for the site's own pages", id)
	}
	return nil
}

// activityLoad is the loading of data/activities/**/*.toml, in parallel.
// It begins before the shared registers load: walking the folders and
// reading, parsing, schema-checking and decoding each file need nothing of
// them, so that work keeps both cores busy while the registers load. The
// rules of each activity wait until the registers are in (ready).
type activityLoad struct {
	ready   chan struct{} // closed when c is set and the rules may run
	c       *checker
	wg      sync.WaitGroup
	found   [][]loaded // per worker
	missing bool       // data/ could not be opened
	failed  bool       // the walk met a folder or entry it could not read
}

// loaded is one activity file and what it gave: nil when it did not load.
type loaded struct {
	name string
	a    *Activity
}

func (l *loader) startActivities() *activityLoad {
	al := &activityLoad{ready: make(chan struct{})}
	if l.dirs.data == nil {
		al.missing = true
		return al
	}
	names := make(chan string, 256)
	workers := max(1, runtime.GOMAXPROCS(0))
	al.found = make([][]loaded, workers)
	for w := range workers {
		al.wg.Add(1)
		go func() {
			defer al.wg.Done()
			for name := range names {
				if l.abandoned.Load() {
					continue // the schemas did not compile: only drain
				}
				al.found[w] = append(al.found[w], loaded{name, l.activity(name, al)})
			}
		}()
	}
	al.wg.Add(1)
	go func() {
		defer al.wg.Done()
		defer close(names)
		l.walkActivities(al, names)
	}()
	return al
}

// walkActivities sends the name of every activity file to names. It only
// adds diagnostics (safe in parallel) and sets al.failed, never l.failed,
// which the registers write meanwhile.
func (l *loader) walkActivities(al *activityLoad, names chan<- string) {
	err := l.dirs.walkActivities(func(rel string, e fs.DirEntry, err error) error {
		if err != nil {
			al.failed = true
			if rel == ActivitiesDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			if errors.Is(err, errOutside) {
				l.add(diag.Diagnostic{File: rel, Message: err.Error()})
				return nil
			}
			l.add(diag.Diagnostic{File: rel, Message: "cannot read: " + plainError(err)})
			return nil
		}
		base := e.Name()
		if strings.HasPrefix(base, ".") && rel != ActivitiesDir {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if strings.HasSuffix(base, ".toml") {
				l.add(diag.Diagnostic{File: rel, Message: "is a directory; a record must be a TOML file"})
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(base, ".toml") {
			if !strings.EqualFold(base, "README.md") {
				l.add(diag.Diagnostic{File: rel, Severity: diag.Warning, Message: "not a .toml file; it is ignored"})
			}
			return nil
		}
		names <- rel
		return nil
	})
	if err != nil {
		l.add(diag.Diagnostic{File: ActivitiesDir, Message: "cannot read: " + plainError(err)})
	}
}

// activities lets the rules of the activities run, with c, waits for every
// activity and adds them to reg, in the order of their file names.
func (l *loader) activities(reg *Register, c *checker, al *activityLoad) {
	al.c = c
	close(al.ready)
	al.wg.Wait()
	if al.missing || al.failed {
		l.failed["activity"] = true
	}
	var found []loaded
	for _, f := range al.found {
		found = append(found, f...)
	}
	slices.SortFunc(found, func(a, b loaded) int { return strings.Compare(a.name, b.name) })

	seen := map[string]string{}
	for _, f := range found {
		a := f.a
		if a == nil {
			l.failed["activity"] = true
			continue
		}
		if prev, dup := seen[a.ID]; dup {
			l.add(diag.Diagnostic{File: f.name, Line: 1, Col: 1, Message: fmt.Sprintf("duplicate activity id %q: %s has the same file name", a.ID, prev)})
			continue
		}
		seen[a.ID] = f.name
		reg.Files["activity:"+a.ID] = f.name
		reg.Activities = append(reg.Activities, a)
	}
	sort.Slice(reg.Activities, func(i, j int) bool { return reg.Activities[i].ID < reg.Activities[j].ID })
}

// activity loads one activity file: it is read, checked against its schema
// and decoded at once, and its rules run when the registers are in.
func (l *loader) activity(name string, al *activityLoad) *Activity {
	id := strings.TrimSuffix(path.Base(name), ".toml")
	if err := CheckActivityID(id); err != nil {
		l.add(diag.Diagnostic{File: name, Message: err.Error() + "; rename the file"})
		return nil
	}
	// The text of the file is needed until its rules have run, and not
	// after: nothing of it is kept (diagnostics copy their lines, decoded
	// values are strings of their own). So its buffer is reused.
	buf := l.sources.Get().(*[]byte)
	defer l.sources.Put(buf)
	f := l.parseFrom(name, "activity", buf)
	if f == nil || !f.ok {
		return nil
	}
	a := &Activity{ID: id}
	if !l.decode(f, f.doc.Data, a) {
		return nil
	}
	<-al.ready
	if l.abandoned.Load() {
		return nil
	}
	c := al.c
	c.values(f, nil, reflect.ValueOf(a).Elem())
	c.activityCells(f, a)
	c.activity(f, a)
	return a
}

// languages reads the site languages from hugo.toml, default first.
func (l *loader) languages(reg *Register) {
	src, ok := l.read(ConfigFile)
	if !ok {
		return
	}
	doc, perr := tomlfile.Parse(ConfigFile, src)
	if perr != nil {
		l.add(l.parseError(ConfigFile, src, perr))
		return
	}
	def, _ := doc.Data["defaultContentLanguage"].(string)
	if def == "" {
		def = "en" // Hugo's default
	}
	type lang struct {
		code   string
		weight int64
	}
	var langs []lang
	broken := false
	switch m := doc.Data["languages"].(type) {
	case nil:
	case map[string]any:
		for code, v := range m {
			t, ok := v.(map[string]any)
			if !ok {
				s := doc.Key([]string{"languages", code})
				l.add(diag.Diagnostic{File: ConfigFile, Line: s.Line, Col: s.Col, Len: s.Len, Source: doc.Line(s.Line), Path: "languages." + code,
					Message: fmt.Sprintf("a language is a table, e.g. [languages.%s] with weight and title", code)})
				broken = true
				continue
			}
			w, _ := t["weight"].(int64)
			langs = append(langs, lang{code, w})
		}
	default:
		s := doc.Key([]string{"languages"})
		l.add(diag.Diagnostic{File: ConfigFile, Line: s.Line, Col: s.Col, Len: s.Len, Source: doc.Line(s.Line), Path: "languages",
			Message: "languages is a table of tables, e.g. [languages.nl] and [languages.en]"})
		broken = true
	}
	sort.Slice(langs, func(i, j int) bool {
		if (langs[i].code == def) != (langs[j].code == def) {
			return langs[i].code == def
		}
		if langs[i].weight != langs[j].weight {
			return langs[i].weight < langs[j].weight
		}
		return langs[i].code < langs[j].code
	})
	reg.DefaultLanguage = def
	reg.Languages = nil
	if broken {
		return // no language checks on a broken [languages]: they would all fail
	}
	for _, lg := range langs {
		reg.Languages = append(reg.Languages, lg.code)
	}
	if len(reg.Languages) == 0 {
		reg.Languages = []string{def}
	} else if reg.Languages[0] != def {
		s := doc.Key([]string{"defaultContentLanguage"})
		l.add(diag.Diagnostic{File: ConfigFile, Line: s.Line, Col: s.Col, Len: s.Len, Source: doc.Line(s.Line), Path: "defaultContentLanguage",
			Message: fmt.Sprintf("%q is not one of the [languages] (%s)", def, strings.Join(reg.Languages, ", "))})
	}
}

// missingTopLevel places a missing top-level key where it must be added: on
// the first table header (top-level keys go above it), or after the last line.
func missingTopLevel(f *file, d diag.Diagnostic) diag.Diagnostic {
	at := 0
	for k, v := range f.doc.Data {
		switch v.(type) {
		case map[string]any, []any:
		default:
			continue
		}
		sp := f.doc.Key([]string{k})
		if strings.HasPrefix(strings.TrimSpace(f.doc.Line(sp.Line)), "[") && (at == 0 || sp.Line < at) {
			at = sp.Line
		}
	}
	if at > 0 {
		d.Line, d.Col, d.Len, d.Source = at, 1, 1, f.doc.Line(at)
		d.Message += " (above the first table)"
		return d
	}
	last := strings.Count(strings.TrimRight(string(f.doc.Source), "\n"), "\n") + 1
	d.Line, d.Source = last, f.doc.Line(last)
	d.Col, d.Len = len([]rune(d.Source))+1, 1
	return d
}
