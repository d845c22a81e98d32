package workbook

import (
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/completeness"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Layouts are the workbook layouts Options.Layout may name.
var Layouts = []string{"art30", "ico", "cnil"}

var (
	indexColumns = []column{
		{key: "idx.id", width: 24},
		{key: "idx.name", width: 28},
		{key: "idx.entity", width: 20, ref: "Art. 30(1)(a)"},
		{key: "idx.role", width: 14},
		{key: "idx.basis", width: 20, ref: "Art. 6(1)"},
	}
	// icoColumns are the columns of the UK ICO's documentation template for
	// controllers, in its order, after our id and name.
	icoColumns = []column{
		{key: "act.id", width: 26},
		{key: "act.name", width: 30},
		{key: "ico.function", width: 20, field: "act.function"},
		{key: "ico.purposes", width: 45, ref: "Art. 30(1)(b)", field: "act.purposes"},
		{key: "ico.joint", width: 34, ref: "Art. 30(1)(a), 26", field: "act.joint"},
		{key: "ico.subjects", width: 28, ref: "Art. 30(1)(c)", field: "act.subjects"},
		{key: "ico.categories", width: 40, ref: "Art. 30(1)(c)", field: "act.categories"},
		{key: "ico.recipients", width: 40, ref: "Art. 30(1)(d)", field: "act.recipients"},
		{key: "ico.contracts", width: 28, ref: "Art. 28(3)", field: "act.contracts"},
		{key: "ico.countries", width: 34, ref: "Art. 30(1)(e)", field: "act.countries"},
		{key: "ico.safeguards", width: 44, ref: "Art. 30(1)(e), 46, 49", field: "act.safeguards"},
		{key: "ico.retention", width: 48, ref: "Art. 30(1)(f)", field: "act.retention"},
		{key: "ico.measures", width: 36, ref: "Art. 30(1)(g), 32(1)", field: "act.measures"},
		{key: "ico.basis", width: 30, ref: "Art. 6(1)", field: "act.basis"},
		{key: "ico.art9", width: 32, ref: "Art. 9(2)", field: "act.art9"},
		{key: "ico.interest", width: 40, ref: "Art. 6(1)(f)", field: "act.interest"},
		{key: "ico.lia", width: 26, ref: "Art. 5(2), 6(1)(f)", field: "act.lia"},
		{key: "ico.rights", width: 34, ref: "Art. 13(2)(b), 15-22, 77", field: "act.rights"},
		{key: "ico.automated", width: 32, ref: "Art. 22", field: "act.automated"},
		{key: "ico.sources", width: 32, ref: "Art. 14(2)(f)", field: "act.sources"},
		{key: "ico.consent", width: 26, ref: "Art. 7(1)", field: "act.consent"},
		{key: "ico.location", width: 30, field: "act.location"},
		{key: "ico.dpia_required", width: 14, ref: "Art. 35", field: "act.dpia_required"},
		{key: "ico.dpia_status", width: 16, ref: "Art. 35", field: "act.dpia_status"},
		{key: "ico.dpia_link", width: 26, ref: "Art. 35", field: "act.dpia_link"},
	}
	// icoProcessorColumns are the columns of the ICO's template for processors.
	icoProcessorColumns = []column{
		{key: "act.id", width: 26},
		{key: "act.name", width: 30},
		{key: "ico.controllers", width: 45, ref: "Art. 30(2)(a)", field: "proc.controllers"},
		{key: "ico.processing", width: 45, ref: "Art. 30(2)(b)", field: "proc.processing"},
		{key: "ico.proc_countries", width: 34, ref: "Art. 30(2)(c)", field: "act.countries"},
		{key: "ico.proc_safeguards", width: 44, ref: "Art. 30(2)(c), 46, 49", field: "act.safeguards"},
		{key: "ico.proc_measures", width: 36, ref: "Art. 30(2)(d), 32(1)", field: "act.measures"},
	}
	// cnilColumns are the columns of a CNIL activity sheet: one row per item.
	cnilColumns = []column{
		{key: "cnil.item", width: 26},
		{key: "cnil.value", width: 56},
		{key: "ref", width: 16},
	}
	// cnilControllerItems are the rows of a CNIL activity sheet, in the order
	// of the CNIL's activity sheet (fiche de registre): description and
	// actors, purposes, data and subjects, retention, recipients, transfers,
	// security.
	cnilControllerItems = []column{
		{key: "act.name"}, {key: "act.id"}, {key: "act.date", ref: "Art. 30(3)"},
		{key: "act.entity", ref: "Art. 30(1)(a)"}, {key: "act.dpo", ref: "Art. 30(1)(a), 37"},
		{key: "act.representative", ref: "Art. 30(1)(a), 27"}, {key: "act.joint", ref: "Art. 30(1)(a), 26"},
		{key: "act.function"}, {key: "act.purposes", ref: "Art. 30(1)(b)"}, {key: "act.basis", ref: "Art. 6(1)"},
		{key: "act.law", ref: "Art. 6(3)"}, {key: "act.interest", ref: "Art. 6(1)(f)"},
		{key: "act.subjects", ref: "Art. 30(1)(c)"}, {key: "act.categories", ref: "Art. 30(1)(c)"},
		{key: "act.art9", ref: "Art. 9(2)"}, {key: "act.sources", ref: "Art. 14(2)(f)"},
		{key: "act.retention", ref: "Art. 30(1)(f)"}, {key: "act.recipients", ref: "Art. 30(1)(d)"},
		{key: "act.countries", ref: "Art. 30(1)(e)"}, {key: "act.safeguards", ref: "Art. 30(1)(e), 46, 49"},
		{key: "act.measures", ref: "Art. 30(1)(g), 32(1)"}, {key: "act.automated", ref: "Art. 22"},
		{key: "act.dpia_required", ref: "Art. 35"}, {key: "act.dpia_status", ref: "Art. 35"},
	}
	cnilProcessorItems = []column{
		{key: "act.name"}, {key: "act.id"}, {key: "act.date", ref: "Art. 30(3)"},
		{key: "act.entity", ref: "Art. 30(2)(a)"}, {key: "act.dpo", ref: "Art. 30(2)(a), 37"},
		{key: "proc.controllers", ref: "Art. 30(2)(a)"}, {key: "proc.processing", ref: "Art. 30(2)(b)"},
		{key: "act.subjects"}, {key: "act.categories"}, {key: "act.recipients", ref: "Art. 28(2), 28(4)"},
		{key: "act.countries", ref: "Art. 30(2)(c)"}, {key: "act.safeguards", ref: "Art. 30(2)(c), 46, 49"},
		{key: "act.measures", ref: "Art. 30(2)(d), 32(1)"},
	}
)

// orgItems are the rows of the Organisation sheet that answer Art. 30
// items, for the legend.
var orgItems = []column{
	{key: "org.controller", ref: "Art. 30(1)(a), 30(2)(a)"},
	{key: "org.representative", ref: "Art. 30(1)(a), 27"},
	{key: "org.dpo", ref: "Art. 30(1)(a), 37"},
	{key: "org.security", ref: "Art. 30(1)(g), 32(1)"},
}

// tables returns the sheets of the workbook in its layout, in order.
func (c *content) tables() []table {
	// The Changes sheet is there only with a history from git.
	return slices.DeleteFunc(c.layoutTables(), func(t table) bool { return t.cols == nil })
}

func (c *content) layoutTables() []table {
	org := table{sheet: "sheet.organisation", cols: organisationColumns, rows: c.organisationRows(), freeze: 1}
	index := table{sheet: "sheet.index", cols: c.indexColumns(), rows: c.indexRows(), freeze: 1, link: c.activityLink}
	complete := table{sheet: "sheet.completeness", cols: completenessColumns, rows: c.completenessRows(), freeze: 2}
	legend := table{sheet: "sheet.legend", cols: legendColumns, rows: c.legendRows(), freeze: 1}
	// ePrivacy Art. 5(3) is not an Art. 30 field, but the regulator who
	// reads a register in any layout also asks what is stored on devices.
	cookies := table{sheet: "sheet.cookies", cols: cookieColumns, rows: c.cookieRows(), freeze: 2}
	switch c.layout {
	case "ico":
		return []table{
			org, index,
			{sheet: "sheet.ico", cols: icoColumns, rows: c.activityRows("controller", icoColumns), freeze: 2},
			{sheet: "sheet.ico_proc", cols: icoProcessorColumns, rows: c.activityRows("processor", icoProcessorColumns), freeze: 2},
			cookies, c.changesTable(), complete, legend,
		}
	case "cnil":
		org.sheet = "sheet.cnil"
		out := []table{org, index}
		for _, a := range c.acts {
			items := cnilControllerItems
			if a.Role == "processor" {
				items = cnilProcessorItems
			}
			out = append(out, table{name: c.sheetOf[a.ID], cols: cnilColumns, rows: c.cnilRows(a, items), freeze: 1})
		}
		return append(out, cookies, c.changesTable(), complete, legend)
	}
	return []table{
		org, index,
		{sheet: "sheet.controller", cols: controllerColumns, rows: c.activityRows("controller", controllerColumns), freeze: 2},
		{sheet: "sheet.processor", cols: processorColumns, rows: c.activityRows("processor", processorColumns), freeze: 2},
		{sheet: "sheet.recipients", cols: recipientColumns, rows: c.recipientRows(), freeze: 2},
		{sheet: "sheet.transfers", cols: transferColumns, rows: c.transferRows(), freeze: 2},
		{sheet: "sheet.categories", cols: categoryColumns, rows: c.categoryRows(), freeze: 2},
		{sheet: "sheet.measures", cols: measureColumns, rows: c.measureRows(), freeze: 2},
		cookies, c.changesTable(), complete, legend,
	}
}

// sheetName returns the name of a table's sheet.
func (c *content) sheetName(t table) string {
	if t.name != "" {
		return t.name
	}
	return c.w.get(t.sheet)
}

// activitySheets returns the sheets that hold the rows of controller and of
// processor activities in the layout; empty in the cnil layout.
func (c *content) activitySheets() (controller, processor string) {
	switch c.layout {
	case "ico":
		return c.w.get("sheet.ico"), c.w.get("sheet.ico_proc")
	case "cnil":
		return "", ""
	}
	return c.w.get("sheet.controller"), c.w.get("sheet.processor")
}

// indexLinks maps each activity id to the location of its row or sheet.
func (c *content) indexLinks() map[string]string {
	links := make(map[string]string, len(c.acts))
	ctrl, proc := c.activitySheets()
	var nc, np int
	for _, a := range c.acts {
		switch {
		case c.layout == "cnil":
			links[a.ID] = quoteSheet(c.sheetOf[a.ID]) + "!A1"
		case a.Role == "processor":
			np++
			links[a.ID] = quoteSheet(proc) + "!A" + strconv.Itoa(np+1)
		default:
			nc++
			links[a.ID] = quoteSheet(ctrl) + "!A" + strconv.Itoa(nc+1)
		}
	}
	return links
}

// activityLink returns the link of a row whose first cell is an activity id.
func (c *content) activityLink(row []string) string {
	if c.links == nil {
		c.links = c.indexLinks()
	}
	return c.links[row[0]]
}

// activityRows yields one row per activity of a role, one cell per column.
func (c *content) activityRows(role string, cols []column) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(cols))
		for _, a := range c.acts {
			if (a.Role == "processor") != (role == "processor") {
				continue
			}
			v := c.view(a)
			for n, col := range cols {
				row[n] = v.cell(col.of())
			}
			if !yield(row) {
				return
			}
		}
	}
}

// indexRows yields one row per activity: id, name, responsible entity, role
// and legal basis.
func (c *content) indexRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(c.indexColumns()))
		for _, a := range c.acts {
			c.activityDates(a.ID, row[len(indexColumns):])
			row[0] = a.ID
			row[1] = c.text(a.Name)
			row[2] = c.responsibleEntity(a)
			if a.Role == "processor" {
				row[3], row[4] = c.w.get("role.processor"), ""
			} else {
				bases := a.LegalBases()
				for i, b := range bases {
					bases[i] = c.legalBasis(b)
				}
				row[3], row[4] = c.w.get("role.controller"), lines(bases)
			}
			if !yield(row) {
				return
			}
		}
	}
}

// cnilRows yields the rows of one activity's CNIL sheet: item, value, provision.
func (c *content) cnilRows(a *register.Activity, items []column) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, 3)
		v := c.view(a)
		for _, it := range items {
			row[0], row[1], row[2] = c.w.get("h."+it.key), v.cell(it.key), it.ref
			if !yield(row) {
				return
			}
		}
	}
}

// completenessColumns are id, name, role, the number of items answered, and
// the items implied and missing with their fields.
var completenessColumns = []column{
	{key: "act.id", width: 26},
	{key: "act.name", width: 30},
	{key: "com.role", width: 16},
	{key: "com.answered", width: 14},
	{key: "com.implied", width: 48, ref: "Art. 30, 13, 14"},
	{key: "com.missing", width: 48, ref: "Art. 30, 13, 14"},
}

// completenessRows yields one row per activity: how many of the items of
// Art. 30 and 13/14 that apply to it are answered, and which are implied or
// missing, one per line with the fields concerned.
func (c *content) completenessRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(completenessColumns))
		of := c.w.get("com.of")
		var implied, missing strings.Builder
		var results []completeness.Result
		for _, a := range c.acts {
			row[0], row[1] = a.ID, c.text(a.Name)
			row[2] = c.w.get("role.controller")
			if a.Role == "processor" {
				row[2] = c.w.get("role.processor")
			}
			implied.Reset()
			missing.Reset()
			answered, apply := 0, 0
			results = completeness.CheckInto(results, c.reg, a)
			for _, r := range results {
				var b *strings.Builder
				switch r.Status {
				case completeness.NotApplicable:
					continue
				case completeness.Answered:
					answered++
				case completeness.Implied:
					b = &implied
				case completeness.Missing:
					b = &missing
				}
				apply++
				if b == nil {
					continue
				}
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(r.Item.Ref)
				for i, f := range r.Fields {
					if i == 0 {
						b.WriteString(" (")
					} else {
						b.WriteString(", ")
					}
					b.WriteString(f)
				}
				if len(r.Fields) > 0 {
					b.WriteByte(')')
				}
			}
			row[3] = strconv.Itoa(answered) + " " + of + " " + strconv.Itoa(apply)
			row[4] = c.w.get("none")
			if implied.Len() > 0 {
				row[4] = implied.String()
			}
			row[5] = c.w.get("none")
			if missing.Len() > 0 {
				row[5] = missing.String()
			}
			if !yield(row) {
				return
			}
		}
	}
}

// header returns the header of a column.
func (c *content) header(col column) string { return c.w.get("h." + col.key) }

// explanation returns the legend's explanation of a column.
func (c *content) explanation(col column) string { return c.w.get("d." + col.of()) }

// art30Items are the items of Art. 30 every layout must answer, with the
// text that marks a provision as answering them.
var art30Items = []struct{ key, mark string }{
	{"30.1.a", "30(1)(a)"}, {"30.1.b", "30(1)(b)"}, {"30.1.c", "30(1)(c)"}, {"30.1.d", "30(1)(d)"},
	{"30.1.e", "30(1)(e)"}, {"30.1.f", "30(1)(f)"}, {"30.1.g", "30(1)(g)"},
	{"30.2.a", "30(2)(a)"}, {"30.2.b", "30(2)(b)"}, {"30.2.c", "30(2)(c)"}, {"30.2.d", "30(2)(d)"},
}

// answeredBy returns where in the layout an Art. 30 item is answered, as
// "Sheet › Column" (or "Sheet › Row" for sheets of items), one per line.
func (c *content) answeredBy(mark string) string {
	var out []string
	add := func(sheet string, cols []column) {
		for _, col := range cols {
			if strings.Contains(col.ref, mark) {
				out = append(out, sheet+" › "+c.header(col))
			}
		}
	}
	addRows := func(sheet string, items []column) { // the rows of the Organisation sheet
		for _, it := range items {
			if strings.Contains(it.ref, mark) {
				out = append(out, sheet+" › "+c.w.get(it.key))
			}
		}
	}
	orgSheet := c.w.get("sheet.organisation")
	if c.layout == "cnil" {
		orgSheet = c.w.get("sheet.cnil")
	}
	addRows(orgSheet, orgItems)
	switch c.layout {
	case "cnil":
		add(c.w.get("legend.cnil_sheets"), cnilControllerItems)
		add(c.w.get("legend.cnil_sheets"), cnilProcessorItems)
	default:
		for _, t := range c.tables() {
			if t.sheet != "sheet.organisation" && t.sheet != "sheet.index" && t.sheet != "sheet.completeness" && t.sheet != "sheet.legend" {
				add(c.sheetName(t), t.cols)
			}
		}
	}
	return lines(out)
}

// legendRows yields what empty cells mean, where each Art. 30 item is
// answered, the explanation of every column of every sheet, then of every
// code of the records.
func (c *content) legendRows() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		row := make([]string, len(legendColumns))
		emit := func(a, b, meaning, ref string) bool {
			row[0], row[1], row[2], row[3] = a, b, meaning, ref
			return yield(row)
		}
		if !emit(c.w.get("legend.blank"), c.w.get("legend.blank.item"), c.w.get("legend.blank.text"), "") ||
			!emit(c.w.get("legend.status"), c.w.get("sheet.completeness"), c.w.get("legend.status.text"), "") {
			return
		}
		for _, it := range art30Items {
			if !emit(c.w.get("legend.art30"), c.answeredBy(it.mark), c.w.get("item."+it.key), "Art. "+it.mark) {
				return
			}
		}
		seen := map[string]bool{}
		for _, t := range c.tables() {
			sheet := c.sheetName(t)
			cols := t.cols
			if t.name != "" { // a CNIL activity sheet: its items are its rows
				if seen["cnil"] {
					continue
				}
				seen["cnil"] = true
				sheet = c.w.get("legend.cnil_sheets")
				cols = append(append(cols[:len(cols):len(cols)], cnilControllerItems...), cnilProcessorItems...)
			}
			for _, col := range cols {
				key := sheet + "|" + col.key + "|" + col.ref
				if seen[key] {
					continue
				}
				seen[key] = true
				if !emit(sheet, c.header(col), c.explanation(col), col.ref) {
					return
				}
			}
		}
		for _, l := range codeLists {
			for _, code := range l.codes {
				row[0] = c.w.get("legend.codes") + ": " + c.w.get(l.title)
				row[1] = code.value
				switch l.title {
				case "legend.code.lb":
					row[2] = c.legalBasis(code.value)
				case "legend.code.a9":
					row[2] = c.art9(code.value)
				default:
					row[2] = c.w.get(l.prefix + code.value)
				}
				row[3] = code.ref
				if !yield(row) {
					return
				}
			}
		}
	}
}

// cost estimates the work of writing a table: its cells.
func (c *content) cost(t table) int {
	var rows int
	switch t.sheet {
	case "sheet.controller", "sheet.ico", "sheet.processor", "sheet.ico_proc":
		processor := t.sheet == "sheet.processor" || t.sheet == "sheet.ico_proc"
		for _, a := range c.acts {
			if (a.Role == "processor") == processor {
				rows++
			}
		}
	case "sheet.transfers":
		for _, a := range c.acts {
			rows += len(a.Transfers)
		}
	case "sheet.index":
		rows = len(c.acts)
	case "sheet.completeness":
		rows = 4 * len(c.acts) // each row checks every item
	case "sheet.recipients":
		rows = len(c.reg.Recipients)
	case "sheet.categories":
		rows = len(c.reg.Categories)
	case "sheet.measures":
		rows = len(c.reg.Measures)
	default:
		rows = 30
	}
	return rows * len(t.cols)
}
