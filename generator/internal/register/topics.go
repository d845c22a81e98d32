package register

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
)

// Topics (data/topics.toml) group the activities as readers look for them.
// The file is optional: a project without it lists its activities by name,
// in no groups, as before topics existed.

const topicsKind = "topics"

// optionalSchemas are the schema kinds a project may lack when it lacks the
// records they check.
func optionalSchemas(root string) []string {
	var out []string
	for _, k := range []string{topicsKind} {
		if _, err := os.Lstat(filepath.Join(root, SchemasDir, k+".schema.json")); err == nil {
			out = append(out, k)
		}
	}
	return out
}

// topics loads data/topics.toml when the project has one.
func (l *loader) topics(reg *Register) {
	if l.dirs.data == nil {
		return
	}
	if _, err := l.dirs.data.Lstat(topicsKind + ".toml"); errors.Is(err, fs.ErrNotExist) {
		return
	}
	name := path.Join(DataDir, topicsKind+".toml")
	if !l.schemas.Has(topicsKind) {
		l.add(diag.Diagnostic{File: name, Line: 1, Col: 1, Len: 1,
			Message: "schemas/topics.schema.json is missing, so this file cannot be checked: copy it from the repository's schemas/"})
		l.failed[topicsKind] = true
		return
	}
	f := l.parse(name, topicsKind)
	if f == nil || !f.ok {
		l.failed[topicsKind] = true
		return
	}
	decodeEntries(l, reg, f, reg.Topics, func(id string) *Topic { return &Topic{ID: id} })
}

// topic: the topic an activity names is defined; when the project has
// topics, a public activity without one is listed under "Other" (a warning).
func (c *checker) topic(rec *file, a *Activity) {
	if c.l.failed[topicsKind] {
		return // reported in data/topics.toml
	}
	switch {
	case a.Topic != "" && len(c.reg.Topics) == 0:
		c.errorf(rec, dp("topic"), "unknown topic %q: the project has no data/topics.toml; add the file with this topic, or remove topic", a.Topic)
	case a.Topic != "":
		if _, ok := c.reg.Topics[a.Topic]; !ok {
			c.errorf(rec, dp("topic"), "unknown topic %q: it is not defined in data/topics.toml%s", a.Topic, c.suggest(a.Topic, c.reg.Topics))
		}
	case len(c.reg.Topics) > 0 && a.IsPublic():
		c.report(rec, nil, false, diag.Warning, "no topic: the site lists this activity under \"Other\"; add topic = \"...\" with an id of data/topics.toml")
	}
}
