package workbook

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/privacy-as-code/ropa/generator/internal/completeness"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// TestRowHeightsCoverWrappedLines reads every row back and checks that its
// height holds the lines of its tallest cell: at least one line per line
// break, and at least as many lines as the characters need when every line
// were filled to the column's width and broken at a space (a lower bound of
// what wrapping at spaces takes), capped at the largest row height.
func TestRowHeightsCoverWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		name   string
		reg    *register.Register
		layout string
	}{
		{"sample", sampleRegister(), "art30"},
		{"shipped", shippedRegister(t), "art30"},
		{"shipped-ico", shippedRegister(t), "ico"},
		{"shipped-cnil", shippedRegister(t), "cnil"},
		{"generated", synthRegister(40), "art30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := open(t, encode(t, tc.reg, Options{Lang: "en", Layout: tc.layout}))
			checked := 0
			for _, sheet := range f.GetSheetList() {
				for i, r := range rows(t, f, sheet) {
					height, err := f.GetRowHeight(sheet, i+1)
					if err != nil {
						t.Fatal(err)
					}
					need := 1
					for col, text := range r {
						name, _ := excelize.ColumnNumberToName(col + 1)
						width, err := f.GetColWidth(sheet, name)
						if err != nil {
							t.Fatal(err)
						}
						perLine := int(width) - 1
						lines := 0
						for _, para := range strings.Split(text, "\n") {
							// A line holds perLine characters and the space it breaks at.
							lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para)+1)/float64(perLine+1))))
						}
						need = max(need, lines)
					}
					if want := min(float64(need)*lineHeight, maxRowHeight); height < want {
						t.Errorf("%s row %d: height %.1f pt, want at least %.1f for %d lines", sheet, i+1, height, want, need)
					}
					if height > maxRowHeight {
						t.Errorf("%s row %d: height %.1f pt is more than a spreadsheet allows", sheet, i+1, height)
					}
					checked++
				}
			}
			if checked < 10 {
				t.Errorf("only %d rows checked", checked)
			}
		})
	}
}

func TestLineCount(t *testing.T) {
	for _, tc := range []struct {
		text     string
		capacity int
		want     int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"exactly ten", 11, 1},
		{"two words", 5, 2},
		{"one\ntwo\nthree", 20, 3},
		{"a-very-long-identifier-without-spaces", 10, 4},
		{"aaa bbb ccc ddd", 7, 2},
		{"aaa bbb ccc ddd", 6, 4},
		{"trailing\n", 20, 2},
	} {
		if got := lineCount(tc.text, tc.capacity); got != tc.want {
			t.Errorf("lineCount(%q, %d) = %d, want %d", tc.text, tc.capacity, got, tc.want)
		}
	}
}

// absenceRegister is the sample register with activities that say nothing
// in each way the records can: a list written empty, a list left out, a
// boolean false.
func absenceRegister() *register.Register {
	reg := sampleRegister()
	base := *reg.Activities[0] // analytics: legitimate interests, one recipient in the EEA
	empty := base
	empty.ID = "empty-lists"
	empty.Recipients = []string{}
	empty.Measures = []string{}
	empty.Transfers = nil
	empty.Internal = &register.ActivityInternal{Systems: []string{}, DPIA: &register.DPIA{Required: false}}
	silent := base
	silent.ID = "silent"
	silent.Recipients = nil
	silent.Measures = nil
	silent.Transfers = nil
	silent.Retention = nil
	silent.Internal = nil
	explicit := base
	explicit.ID = "explicit-no-transfers"
	explicit.Transfers = []register.Transfer{}
	reg.Activities = append(reg.Activities, &empty, &silent, &explicit)
	return reg
}

// TestBlankOrNone checks, per kind of column, what a cell says when there is
// nothing: "None" where the records say so (an empty list), words that give
// the reason where other fields imply it, "Not stated" where the records are
// silent, "No" for a boolean false, and an empty cell only where the column
// does not apply to the row.
func TestBlankOrNone(t *testing.T) {
	f := open(t, encode(t, absenceRegister(), Options{Lang: "en"}))
	sheet := rows(t, f, "Controller activities")
	cell := func(id, header string) string {
		col := slices.Index(sheet[0], header)
		if col < 0 {
			t.Fatalf("no column %q", header)
		}
		for _, r := range sheet[1:] {
			if r[0] == id {
				if col < len(r) {
					return r[col]
				}
				return ""
			}
		}
		t.Fatalf("no row %q", id)
		return ""
	}
	for _, tc := range []struct {
		kind, id, column, want string
	}{
		{"list written empty", "empty-lists", "Categories of recipients", "None"},
		{"list written empty", "empty-lists", "Technical and organisational measures", "None"},
		{"list written empty", "empty-lists", "Systems", "None"},
		{"list left out", "silent", "Categories of recipients", "Not stated"},
		{"list left out", "silent", "Technical and organisational measures", "Not stated"},
		{"list left out", "silent", "Systems", "Not stated"},
		{"list left out", "silent", "Retention per data category", "Not stated"},
		{"implied by other fields", "analytics", "Third countries and international organisations", "None: every recipient is in the EEA"},
		{"implied by other fields", "empty-lists", "Third countries and international organisations", "None: the activity has no recipients"},
		{"not implied", "silent", "Third countries and international organisations", "Not stated"},
		{"list written empty", "explicit-no-transfers", "Third countries and international organisations", "None"},
		{"boolean false", "newsletter", "Automated decision-making", "No"},
		{"boolean false", "empty-lists", "DPIA required", "No"},
		{"optional record left out", "silent", "DPIA required", "Not stated"},
		{"does not apply: no DPIA required", "empty-lists", "DPIA status", ""},
		{"does not apply: no transfer", "analytics", "Safeguards", ""},
		{"does not apply: basis is not legitimate interests", "newsletter", "Legitimate interest", ""},
		{"applies and stated", "analytics", "Legitimate interest", "A usable site"},
		{"does not apply: no special category", "analytics", "Art. 9 condition", ""},
		{"does not apply: basis is not consent", "analytics", "Consent record", ""},
		{"does not apply: no processor among recipients", "analytics", "Processor contracts", ""},
		{"free text left out", "silent", "Owner", "Not stated"},
	} {
		if got := cell(tc.id, tc.column); got != tc.want {
			t.Errorf("%s: %s, %s = %q, want %q", tc.kind, tc.id, tc.column, got, tc.want)
		}
	}
	// The legend says what an empty cell means.
	legend := rows(t, f, "Legend")
	if !slices.ContainsFunc(legend, func(r []string) bool {
		return len(r) > 2 && r[1] == "(empty cell)" && strings.Contains(r[2], "does not apply") && strings.Contains(r[2], "Not stated")
	}) {
		t.Error("the legend does not say what an empty cell means")
	}
}

// TestLayoutsAnswerArt30 reads each layout back and checks that its legend
// names, for every item of Art. 30(1)(a)-(g) and 30(2)(a)-(d), a column or
// row of the workbook that answers it, and that the column or row is there.
func TestLayoutsAnswerArt30(t *testing.T) {
	for _, layout := range Layouts {
		t.Run(layout, func(t *testing.T) {
			reg := sampleRegister()
			f := open(t, encode(t, reg, Options{Lang: "en", Layout: layout}))
			legend := rows(t, f, "Legend")
			for _, ref := range []string{
				"Art. 30(1)(a)", "Art. 30(1)(b)", "Art. 30(1)(c)", "Art. 30(1)(d)", "Art. 30(1)(e)", "Art. 30(1)(f)",
				"Art. 30(1)(g)", "Art. 30(2)(a)", "Art. 30(2)(b)", "Art. 30(2)(c)", "Art. 30(2)(d)",
			} {
				i := slices.IndexFunc(legend, func(r []string) bool { return r[0] == "Art. 30 items" && len(r) > 3 && r[3] == ref })
				if i < 0 || legend[i][1] == "" {
					t.Errorf("the legend does not say where %s is answered", ref)
					continue
				}
				for _, where := range strings.Split(legend[i][1], "\n") {
					sheet, column, ok := strings.Cut(where, " › ")
					if !ok {
						t.Errorf("%s: %q is not Sheet › Column", ref, where)
						continue
					}
					if !placeExists(t, f, reg, sheet, column) {
						t.Errorf("%s: the legend names %q, which the workbook does not have", ref, where)
					}
				}
			}
		})
	}
}

// placeExists reports whether a sheet has a column, or (for the sheets of
// items: Organisation, Register and the CNIL activity sheets) a row, with
// that header.
func placeExists(t *testing.T, f *excelize.File, reg *register.Register, sheet, header string) bool {
	var sheets []string
	if sheet == "Activity sheets (one per activity)" {
		for _, a := range reg.Activities {
			sheets = append(sheets, a.ID)
		}
	} else {
		sheets = []string{sheet}
	}
	for _, s := range sheets {
		rs := rows(t, f, s)
		if len(rs) == 0 {
			continue
		}
		if slices.Contains(rs[0], header) || slices.ContainsFunc(rs[1:], func(r []string) bool { return r[0] == header }) {
			return true
		}
	}
	return false
}

// icoTemplateHeadings are the headings of the UK ICO's documentation
// template for controllers ("Record of processing activities" sheet), in
// its order, from the Art. 30 columns to the DPIA columns. They are written
// here from the template, independently of the workbook's dictionary.
var icoTemplateHeadings = []string{
	"Business function",
	"Purpose of processing",
	"Name and contact details of joint controller (if applicable)",
	"Categories of individuals",
	"Categories of personal data",
	"Categories of recipients",
	"Link to contract with processor",
	"Names of third countries or international organisations that personal data are transferred to (if applicable)",
	"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
	"Retention schedule (if possible)",
	"General description of technical and organisational security measures (if possible)",
	"Article 6 lawful basis for processing personal data",
	"Article 9 basis for processing special category data",
	"Legitimate interests for the processing (if applicable)",
	"Link to record of legitimate interests assessment (if applicable)",
	"Rights available to individuals",
	"Existence of automated decision-making, including profiling (if applicable)",
	"The source of the personal data (if applicable)",
	"Link to record of consent",
	"Location of personal data",
	"Data Protection Impact Assessment required?",
	"Data Protection Impact Assessment progress",
	"Link to Data Protection Impact Assessment",
}

// TestICOLayout reads the ICO layout back: the template's headings in its
// order after the id and name, in both languages, and one row per activity.
func TestICOLayout(t *testing.T) {
	reg := sampleRegister()
	for _, lang := range languages {
		f := open(t, encode(t, reg, Options{Lang: lang, Layout: "ico"}))
		got := rows(t, f, "Controller record (ICO)")
		if !slices.Equal(got[0][2:], icoTemplateHeadings) {
			t.Errorf("%s: headings\n got %q\nwant %q", lang, got[0][2:], icoTemplateHeadings)
		}
		if want := []string{"analytics", "newsletter", "sick-leave"}; len(got) != 4 || got[1][0] != want[0] || got[2][0] != want[1] || got[3][0] != want[2] {
			t.Errorf("%s: rows %q, want one per controller activity %q", lang, got, want)
		}
		proc := rows(t, f, "Processor record (ICO)")
		if want := []string{"Name and contact details of controller", "Categories of processing"}; !slices.Equal(proc[0][2:4], want) {
			t.Errorf("%s: processor headings %q, want %q first", lang, proc[0], want)
		}
		if len(proc) != 2 || proc[1][0] != "payroll-service" {
			t.Errorf("%s: processor rows %q", lang, proc)
		}
	}
}

// TestCNILLayout reads the CNIL layout back: a front page, an index, and one
// sheet per activity with its items down the page; sheet names are unique
// and fit in 31 characters even when ids do not.
func TestCNILLayout(t *testing.T) {
	reg := sampleRegister()
	long := *reg.Activities[0]
	long.ID = "a-processing-activity-with-a-very-long-id-one"
	long2 := long
	long2.ID = "a-processing-activity-with-a-very-long-id-two"
	history := long
	history.ID = "history"
	cookies := long
	cookies.ID = "cookies"
	reg.Activities = append(reg.Activities, &long, &long2, &history, &cookies)
	f := open(t, encode(t, reg, Options{Lang: "en", Layout: "cnil"}))
	sheets := f.GetSheetList()
	if len(sheets) != len(reg.Activities)+5 {
		t.Fatalf("%d sheets for %d activities: %q", len(sheets), len(reg.Activities), sheets)
	}
	if sheets[0] != "Register" || sheets[1] != "Index" {
		t.Errorf("front sheets %q", sheets[:2])
	}
	seen := map[string]bool{}
	if tail := sheets[len(sheets)-3:]; !slices.Equal(tail, []string{"Cookies", "Completeness", "Legend"}) {
		t.Errorf("last sheets %q", tail)
	}
	for _, s := range sheets[2 : len(sheets)-3] {
		if utf8.RuneCountInString(s) > 31 || seen[strings.ToLower(s)] || strings.EqualFold(s, "history") || strings.EqualFold(s, "cookies") {
			t.Errorf("sheet name %q is too long, reserved or not unique", s)
		}
		seen[strings.ToLower(s)] = true
		rs := rows(t, f, s)
		if rs[0][0] != "Item" || rs[1][0] != "Name" || rs[2][0] != "Id" {
			t.Errorf("sheet %q starts %q", s, rs[:3])
		}
		if !strings.HasPrefix(rs[2][1], strings.TrimRight(strings.Split(s, "~")[0], "-")) {
			t.Errorf("sheet %q holds activity %q", s, rs[2][1])
		}
	}
	for _, a := range reg.Activities {
		if !slices.ContainsFunc(sheets, func(s string) bool { return rows(t, f, s)[2][1] == a.ID }) {
			t.Errorf("no sheet for activity %s", a.ID)
		}
	}
}

// TestIndexLinks follows every link of the index sheet, in every layout, to
// the row or sheet of its activity.
func TestIndexLinks(t *testing.T) {
	reg := sampleRegister()
	for _, layout := range Layouts {
		f := open(t, encode(t, reg, Options{Lang: "en", Layout: layout}))
		index := rows(t, f, "Index")
		if len(index) != len(reg.Activities)+1 {
			t.Fatalf("%s: index has %d rows for %d activities", layout, len(index)-1, len(reg.Activities))
		}
		for i, r := range index[1:] {
			ok, target, err := f.GetCellHyperLink("Index", "A"+strconv.Itoa(i+2))
			if err != nil || !ok {
				t.Errorf("%s: %s has no link: %v", layout, r[0], err)
				continue
			}
			sheet, cell, found := strings.Cut(target, "!")
			sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
			if !found {
				t.Errorf("%s: link %q", layout, target)
				continue
			}
			v, err := f.GetCellValue(sheet, cell)
			if err != nil {
				t.Errorf("%s: link %q: %v", layout, target, err)
				continue
			}
			if layout == "cnil" {
				v, _ = f.GetCellValue(sheet, "B3") // the id row of the activity sheet
			}
			if v != r[0] {
				t.Errorf("%s: the link of %s leads to %q (%s)", layout, r[0], v, target)
			}
		}
		if len(index[1]) < 5 || index[1][2] != "Voorbeeld & Zonen B.V." || index[1][4] != "6(1)(f) legitimate interests" {
			t.Errorf("%s: index row %q lacks the responsible entity or legal basis", layout, index[1])
		}
	}
}

// TestCompletenessSheet checks that the completeness sheet says what package
// completeness says, for every activity: the number of items answered and
// the items implied and missing.
func TestCompletenessSheet(t *testing.T) {
	reg := absenceRegister()
	f := open(t, encode(t, reg, Options{Lang: "en"}))
	sheet := rows(t, f, "Completeness")
	if want := []string{"Id", "Name", "Role", "Items answered", "Implied", "Missing"}; !slices.Equal(sheet[0], want) {
		t.Errorf("headers %q, want %q", sheet[0], want)
	}
	missing := 0
	for _, a := range reg.Activities {
		i := slices.IndexFunc(sheet, func(r []string) bool { return r[0] == a.ID })
		if i < 0 {
			t.Errorf("no row for %s", a.ID)
			continue
		}
		answered, apply := 0, 0
		var implied, miss []string
		for _, r := range completeness.Check(reg, a) {
			item := r.Item.Ref + " (" + strings.Join(r.Fields, ", ") + ")"
			switch r.Status {
			case completeness.Answered:
				answered++
			case completeness.Implied:
				implied = append(implied, item)
			case completeness.Missing:
				miss = append(miss, item)
				missing++
			}
			if r.Status != completeness.NotApplicable {
				apply++
			}
		}
		orNone := func(items []string) string {
			if len(items) == 0 {
				return "None"
			}
			return strings.Join(items, "\n")
		}
		want := []string{strconv.Itoa(answered) + " of " + strconv.Itoa(apply), orNone(implied), orNone(miss)}
		if got := sheet[i][3:]; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", a.ID, got, want)
		}
	}
	if missing == 0 {
		t.Error("the register has no missing item; the test needs one")
	}
}

// TestLayoutsShowTheSameCells reads the ICO and CNIL layouts back and checks
// that every cell they share with the Art. 30 layout (the same field of the
// same activity) says the same.
func TestLayoutsShowTheSameCells(t *testing.T) {
	reg := absenceRegister()
	art30 := open(t, encode(t, reg, Options{Lang: "en"}))
	want := map[string]string{} // activity id + "|" + field -> cell
	for _, sheet := range []struct {
		name string
		cols []column
	}{{"Controller activities", controllerColumns}, {"Processor activities", processorColumns}} {
		rs := rows(t, art30, sheet.name)
		for _, r := range rs[1:] {
			for i, col := range sheet.cols {
				v := ""
				if i < len(r) {
					v = r[i]
				}
				want[r[0]+"|"+col.of()] = v
			}
		}
	}
	compared := 0
	check := func(layout, id, field, got string) {
		w, ok := want[id+"|"+field]
		if !ok {
			return
		}
		compared++
		if got != w {
			t.Errorf("%s: %s %s = %q; the art30 layout says %q", layout, id, field, got, w)
		}
	}
	ico := open(t, encode(t, reg, Options{Lang: "en", Layout: "ico"}))
	for _, sheet := range []struct {
		name string
		cols []column
	}{{"Controller record (ICO)", icoColumns}, {"Processor record (ICO)", icoProcessorColumns}} {
		for _, r := range rows(t, ico, sheet.name)[1:] {
			for i, col := range sheet.cols {
				v := ""
				if i < len(r) {
					v = r[i]
				}
				check("ico", r[0], col.of(), v)
			}
		}
	}
	cnil := open(t, encode(t, reg, Options{Lang: "en", Layout: "cnil"}))
	for _, a := range reg.Activities {
		items := cnilControllerItems
		if a.Role == "processor" {
			items = cnilProcessorItems
		}
		rs := rows(t, cnil, a.ID)
		for i, it := range items {
			v := ""
			if len(rs[i+1]) > 1 {
				v = rs[i+1][1]
			}
			check("cnil", a.ID, it.key, v)
		}
	}
	if compared < 100 {
		t.Errorf("only %d cells compared", compared)
	}
}
