package review

import (
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// TestPublicChangesLeaveUnpublishedFieldsOut: an edit of internal fields,
// of an activity's reviewed date or of the organisation's review interval
// changes nothing the notice says, so the redline's summary leaves it out;
// an edit that also names a published field stays.
func TestPublicChangesLeaveUnpublishedFieldsOut(t *testing.T) {
	a := &register.Activity{ID: "newsletter", Role: "controller"}
	reg := &register.Register{Activities: []*register.Activity{a}}
	edit := func(record, activity, fields string) change.Change {
		return change.Change{Kind: change.TextEdited, Record: record, Activity: activity, Subject: fields}
	}
	changes := []change.Change{
		edit("activity:newsletter", "newsletter", "internal.owner"),
		edit("activity:newsletter", "newsletter", "reviewed"),
		edit("organisation", "", "review_interval"),
		edit("organisation", "", "internal, review_interval"),
		edit("activity:newsletter", "newsletter", "reviewed, summary"),
		edit("organisation", "", "name"),
	}
	got := PublicChanges(changes, reg, reg)
	var subjects []string
	for _, c := range got {
		subjects = append(subjects, c.Record+" "+c.Subject)
	}
	want := []string{"activity:newsletter reviewed, summary", "organisation name"}
	if len(subjects) != len(want) || subjects[0] != want[0] || subjects[1] != want[1] {
		t.Errorf("PublicChanges kept %q, want %q", subjects, want)
	}
}
