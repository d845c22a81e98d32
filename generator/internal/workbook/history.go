package workbook

import (
	"iter"
	"slices"
)

// History is what git says of the register, for the regulator: when each
// activity's record was created and last changed (internal fields
// included), and the changes between the versions of the notice.
type History struct {
	// Activities are the dates of each activity's record, by id.
	Activities map[string]ActivityDates
	// Changes are the changes, newest first.
	Changes []Change
}

// ActivityDates are when an activity's record was created and last changed
// (YYYY-MM-DD, git committer dates) and in which commits (abbreviated).
type ActivityDates struct {
	Created, CreatedIn string
	Changed, ChangedIn string
}

// Change is one change to the register, in the workbook's language.
type Change struct {
	Date     string // YYYY-MM-DD, the committer date of the revision
	Revision string // the commit, abbreviated
	Version  string // the version of the notice it belongs to, "" when it is no version yet
	Activity string // the activity's id; "" for the organisation and shared definitions
	Record   string // the record, in words
	Text     string // what changed, in words
	Material bool
}

var (
	// historyIndexColumns are added to the index with a history.
	historyIndexColumns = []column{
		{key: "idx.created", width: 14, ref: ""},
		{key: "idx.changed", width: 14, ref: ""},
	}
	changeColumns = []column{
		{key: "chg.date", width: 12, ref: ""},
		{key: "chg.revision", width: 10, ref: ""},
		{key: "chg.version", width: 12, ref: ""},
		{key: "chg.activity", width: 26, ref: ""},
		{key: "chg.record", width: 34, ref: ""},
		{key: "chg.change", width: 60, ref: "Art. 5(2), 30"},
		{key: "chg.class", width: 14, ref: "Art. 13(3), 14(4)"},
	}
)

// indexColumns returns the index's columns: with a history, the dates too.
func (c *content) indexColumns() []column {
	if c.history == nil {
		return indexColumns
	}
	return slices.Concat(indexColumns, historyIndexColumns)
}

// activityDates fills the date cells of an activity's index row, if any:
// "2026-12-03 (b4e5fe4)".
func (c *content) activityDates(id string, cells []string) {
	if c.history == nil || len(cells) < 2 {
		return
	}
	d, ok := c.history.Activities[id]
	if !ok {
		cells[0], cells[1] = c.w.get("chg.unknown"), c.w.get("chg.unknown")
		return
	}
	cells[0], cells[1] = d.Created+" ("+d.CreatedIn+")", d.Changed+" ("+d.ChangedIn+")"
}

// changesTable is the Changes sheet; no table (no columns) without history.
func (c *content) changesTable() table {
	if c.history == nil {
		return table{}
	}
	return table{sheet: "sheet.changes", cols: changeColumns, rows: c.changeRows(), freeze: 2}
}

func (c *content) changeRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(changeColumns))
		for _, ch := range c.history.Changes {
			class := "chg.editorial"
			if ch.Material {
				class = "chg.material"
			}
			row[0], row[1], row[2], row[3], row[4], row[5], row[6] = ch.Date, ch.Revision, ch.Version, ch.Activity, ch.Record, ch.Text, c.w.get(class)
			if ch.Version == "" {
				row[2] = c.w.get("chg.no_version")
			}
			if !yield(row) {
				return
			}
		}
	}
}
