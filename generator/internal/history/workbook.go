package history

import (
	"slices"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/workbook"
)

// Workbook returns the history for the regulator's workbook in lang: every
// change from version to version, internal fields included, newest first,
// and the dates of each activity's record. When current (the register being
// built) differs from the newest version, those changes come first, marked
// as not yet in a version, under revision (the records' commit as the build
// names it).
func (h *History) Workbook(lang string, current *register.Register, revision string) *workbook.History {
	out := &workbook.History{Activities: map[string]workbook.ActivityDates{}}
	for id, d := range h.Files {
		out.Activities[id] = workbook.ActivityDates{
			Created: d.Created.Format(time.DateOnly), CreatedIn: d.CreatedIn,
			Changed: d.Changed.Format(time.DateOnly), ChangedIn: d.ChangedIn,
		}
	}
	add := func(changes []change.Change, date time.Time, rev, version string) {
		for _, c := range changes {
			out.Changes = append(out.Changes, workbook.Change{
				Date: date.Format(time.DateOnly), Revision: rev, Version: version, Activity: c.Activity,
				Record: c.Heading(lang, h.DefaultLang), Text: c.Describe(lang, h.DefaultLang), Material: c.Material,
			})
		}
	}
	newest := h.Versions[len(h.Versions)-1]
	if current != nil && newest.reg != nil && revision != "" {
		add(change.Compare(unversioned(newest.reg), unversioned(current)), h.Head.Date, revision, "")
	}
	for _, v := range slices.Backward(h.Versions) {
		add(v.Changes, v.Date, v.Short(), v.Label)
	}
	return out
}
