package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// sampleHistory is a history from git as package history gives it: dates
// for two of the sample's activities and three changes, newest first.
func sampleHistory() *History {
	return &History{
		Activities: map[string]ActivityDates{
			"newsletter": {Created: "2026-01-05", CreatedIn: "44dc6a9", Changed: "2026-03-01", ChangedIn: "4b8d2bb"},
			"analytics":  {Created: "2026-02-01", CreatedIn: "de77aa8", Changed: "2026-02-01", ChangedIn: "de77aa8"},
		},
		Changes: []Change{
			{Date: "2026-04-01", Revision: "9c0ffee", Activity: "newsletter", Record: "activity newsletter: Newsletter", Text: "text edited: internal"},
			{Date: "2026-03-01", Revision: "4b8d2bb", Version: "3", Activity: "newsletter", Record: "activity newsletter: Newsletter", Text: "new recipient click-stats (ClickStats Ltd)", Material: true},
			{Date: "2026-02-01", Revision: "de77aa8", Version: "2", Record: "organisation", Text: "data protection officer changed: a → b"},
		},
	}
}

func TestHistorySheetAndDates(t *testing.T) {
	for _, tc := range []struct {
		name      string
		opts      Options
		sheets    []string
		index     []string // header of the index
		dates     [][]string
		changes   [][]string
		changeSet string
	}{
		{
			name: "english", opts: Options{Lang: "en", History: sampleHistory()},
			sheets: []string{"Organisation", "Index", "Controller activities", "Processor activities", "Recipients", "Transfers",
				"Data categories", "Measures", "Cookies", "Changes", "Completeness", "Legend"},
			index: []string{"Id", "Name", "Responsible entity", "Role", "Legal basis", "Created", "Last changed"},
			dates: [][]string{
				{"analytics", "2026-02-01 (de77aa8)", "2026-02-01 (de77aa8)"},
				{"newsletter", "2026-01-05 (44dc6a9)", "2026-03-01 (4b8d2bb)"},
				{"payroll-service", "(not in git)", "(not in git)"},
			},
			changeSet: "Changes",
			changes: [][]string{
				{"Date", "Revision", "Version", "Activity", "Record", "Change", "Material or editorial"},
				{"2026-04-01", "9c0ffee", "(not yet in a version)", "newsletter", "activity newsletter: Newsletter", "text edited: internal", "editorial"},
				{"2026-03-01", "4b8d2bb", "3", "newsletter", "activity newsletter: Newsletter", "new recipient click-stats (ClickStats Ltd)", "material"},
				{"2026-02-01", "de77aa8", "2", "", "organisation", "data protection officer changed: a → b", "editorial"},
			},
		},
		{
			name: "dutch cnil", opts: Options{Lang: "nl", Layout: "cnil", History: sampleHistory()},
			sheets: []string{"Register", "Index", "analytics", "newsletter", "payroll-service", "sick-leave", "Cookies", "Wijzigingen", "Volledigheid", "Toelichting"},
			index:  []string{"Id", "Naam", "Verantwoordelijke entiteit", "Rol", "Rechtsgrond", "Aangemaakt", "Laatst gewijzigd"},
			dates: [][]string{
				{"analytics", "2026-02-01 (de77aa8)", "2026-02-01 (de77aa8)"},
			},
			changeSet: "Wijzigingen",
			changes: [][]string{
				{"Datum", "Revisie", "Versie", "Verwerking", "Record", "Wijziging", "Materieel of redactioneel"},
				{"2026-04-01", "9c0ffee", "(nog niet in een versie)", "newsletter", "activity newsletter: Newsletter", "text edited: internal", "redactioneel"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := open(t, encode(t, sampleRegister(), tc.opts))
			if got := f.GetSheetList(); !slices.Equal(got, tc.sheets) {
				t.Errorf("sheets = %q, want %q", got, tc.sheets)
			}
			index := rows(t, f, "Index")
			if !slices.Equal(index[0], tc.index) {
				t.Errorf("index header = %q, want %q", index[0], tc.index)
			}
			for _, want := range tc.dates {
				found := false
				for _, r := range index[1:] {
					if r[0] == want[0] {
						found = true
						if got := []string{r[0], r[5], r[6]}; !slices.Equal(got, want) {
							t.Errorf("index dates = %q, want %q", got, want)
						}
					}
				}
				if !found {
					t.Errorf("no index row %q", want[0])
				}
			}
			changes := rows(t, f, tc.changeSet)
			for i, want := range tc.changes {
				if i >= len(changes) || !slices.Equal(changes[i], want) {
					t.Errorf("%s row %d = %q, want %q", tc.changeSet, i+1, changes[min(i, len(changes)-1)], want)
				}
			}
		})
	}
}

// TestChangesSheetNameIsReservedInTheCNILLayout: an activity whose id is
// the Changes sheet's name gets another sheet name.
func TestChangesSheetNameIsReservedInTheCNILLayout(t *testing.T) {
	reg := sampleRegister()
	reg.Activities[0].ID = "changes"
	slices.SortFunc(reg.Activities, func(a, b *register.Activity) int { return strings.Compare(a.ID, b.ID) })
	f := open(t, encode(t, reg, Options{Lang: "en", Layout: "cnil", History: sampleHistory()}))
	got := f.GetSheetList()
	if !slices.Contains(got, "changes~2") || !slices.Contains(got, "Changes") {
		t.Errorf("sheets = %q, want the activity on changes~2 and the history on Changes", got)
	}
}

func TestNoHistoryNoChangesSheetNorDates(t *testing.T) {
	f := open(t, encode(t, sampleRegister(), Options{Lang: "en"}))
	if got := f.GetSheetList(); slices.Contains(got, "Changes") {
		t.Errorf("sheets = %q: a Changes sheet without history", got)
	}
	if got := rows(t, f, "Index")[0]; len(got) != 5 {
		t.Errorf("index header = %q: dates without history", got)
	}
}
