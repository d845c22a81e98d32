// Package workbook writes the record of processing activities (GDPR Art. 30) as
// an Excel workbook for supervisory authorities. It is the only package that
// imports excelize.
//
// The workbook is reproducible: the same register and options give the same
// bytes. It holds no clock time: dates come from the organisation's effective
// date, and zip entries are written in name order with that date.
package workbook

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// Options control how the workbook is written.
type Options struct {
	// Lang is the language of the workbook's headers and fixed words and of the
	// record texts: "nl" or "en". Empty means the register's default language.
	Lang string
	// Version identifies the records the workbook was made from, e.g. the git
	// commit; it is shown on the Organisation sheet and may be empty.
	Version string
	// Layout is the arrangement of the sheets: "art30" (the default when
	// empty: one sheet per kind of record, one row per activity), "ico" (the
	// columns of the UK ICO's documentation template) or "cnil" (a front
	// page and one sheet per activity, like the CNIL's register).
	Layout string
	// History, when set, is what git says of the register: the dates each
	// activity's record was created and last changed (on the index), and
	// the changes per version (a sheet of their own). Nil without git.
	History *History
}

// languages are the workbook languages Options.Lang may name.
var languages = []string{"en", "nl"}

// Write writes the workbook to path, creating its directory if needed. It
// writes to a temporary file in that directory and renames it into place only
// when it is complete, so a failure leaves any existing file at path untouched
// and no partial file behind.
func Write(path string, reg *register.Register, opts Options) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = Encode(tmp, reg, opts); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	return nil
}

// Encode writes the workbook to w. The same register and options always give
// the same bytes.
func Encode(w io.Writer, reg *register.Register, opts Options) error {
	_, err := encodeBook(w, reg, opts, true)
	return err
}

// encodeBook is Encode; with spill, the stream of each large sheet moves
// into the archive as its rows are written (see spill), else it waits whole
// in excelize's buffer. It returns the bytes that spill moved. The two ways
// give the same bytes.
func encodeBook(w io.Writer, reg *register.Register, opts Options, spill bool) (moved int64, err error) {
	if reg == nil {
		return 0, errors.New("workbook: no register")
	}
	lang := opts.Lang
	if lang == "" {
		lang = reg.DefaultLanguage
	}
	if !slices.Contains(languages, lang) {
		return 0, fmt.Errorf("workbook: language %q is not supported; use one of %s", lang, strings.Join(languages, ", "))
	}
	layout := opts.Layout
	if layout == "" {
		layout = "art30"
	}
	if !slices.Contains(Layouts, layout) {
		return 0, fmt.Errorf("workbook: layout %q is not supported; use one of %s", layout, strings.Join(Layouts, ", "))
	}
	c := newContent(reg, lang, opts.Version)
	c.layout = layout
	c.history = opts.History
	if layout == "cnil" {
		c.sheetOf = cnilSheetNames(c)
	}

	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("workbook: %w", cerr)
		}
	}()
	date, dated := recordDate(reg.Organisation.EffectiveDate)
	// The archive goes straight to w once excelize is done with it: excelize
	// would have it written into a buffer of its own, the whole file in
	// memory once more, which it then copies to w. Nothing else may reach
	// that buffer (see outside). excelize closes the archive also when it
	// fails; only after it succeeds is the archive written, so that a failure
	// writes nothing to w.
	z := newSortedZip(nil, date)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })

	b := &book{f: f, c: c, zip: z, spill: spill}
	if err := b.newStyles(); err != nil {
		return 0, fmt.Errorf("workbook: styles: %w", err)
	}
	tables := c.tables()
	sheets := make([]*sheet, len(tables))
	for i, t := range tables {
		if sheets[i], err = b.startSheet(i, t); err != nil {
			return 0, fmt.Errorf("workbook: sheet %q: %w", c.sheetName(t), err)
		}
	}
	if err := b.fillSheets(sheets); err != nil {
		return 0, err
	}
	for _, s := range sheets {
		if err := b.finishSheet(s); err != nil {
			return 0, fmt.Errorf("workbook: sheet %q: %w", s.name, err)
		}
	}
	if err := b.setProperties(dated); err != nil {
		return 0, fmt.Errorf("workbook: properties: %w", err)
	}
	if err := f.Write(outside{}); err != nil {
		return 0, fmt.Errorf("workbook: %w", err)
	}
	if err := z.writeArchive(w); err != nil {
		return 0, fmt.Errorf("workbook: %w", err)
	}
	for _, s := range sheets {
		if s.spill != nil {
			moved += s.spill.moved
		}
	}
	return moved, nil
}

// outside is where excelize writes its copy of the file, which the archive
// wrote to the real writer directly: it must stay empty. Should excelize
// write anything outside the archive, the workbook is refused.
type outside struct{}

func (outside) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return 0, fmt.Errorf("excelize wrote %d bytes outside the archive", len(p))
}

// recordDate returns the date of the record as a time, and whether the
// effective date could be read. The zip format holds dates from 1980 to 2107.
func recordDate(effective string) (time.Time, bool) {
	floor := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	ceiling := time.Date(2106, 12, 31, 0, 0, 0, 0, time.UTC)
	d, err := time.Parse(time.DateOnly, effective)
	switch {
	case err != nil:
		return floor, false
	case d.Before(floor):
		return floor, true
	case d.After(ceiling):
		return ceiling, true
	}
	return d, true
}

// book writes the tables of a content into an excelize file.
type book struct {
	f     *excelize.File
	c     *content
	zip   *sortedZip // the archive excelize writes the file to
	spill bool       // move the streams of large sheets into the archive as they are written

	header int // style of header cells: bold, filled, wrapped
	body   int // style of body cells: wrapped, top-aligned
	quoted int // body style with quotePrefix, for text that looks like a formula
	link   int // body style of a cell with an internal link
}

func (b *book) newStyles() error {
	var err error
	b.header, err = b.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: "Calibri", Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
	})
	if err != nil {
		return err
	}
	b.body, err = b.f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return err
	}
	// The explicit (default) protection makes this a style of its own, which
	// then gets quotePrefix: Excel keeps such a cell text even when a person
	// edits it. excelize's Style has no field for it.
	b.quoted, err = b.f.NewStyle(&excelize.Style{
		Alignment:  &excelize.Alignment{WrapText: true, Vertical: "top"},
		Protection: &excelize.Protection{Locked: true},
	})
	if err != nil {
		return err
	}
	b.link, err = b.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Color: "0563C1", Underline: "single", Family: "Calibri", Size: 11},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return err
	}
	if b.f.Styles == nil || b.f.Styles.CellXfs == nil || b.quoted <= b.body || b.quoted >= len(b.f.Styles.CellXfs.Xf) {
		return errors.New("cannot make the quoted text style")
	}
	quote := true
	b.f.Styles.CellXfs.Xf[b.quoted].QuotePrefix = &quote
	return nil
}

// sheet is a table being written to a worksheet with the stream writer.
type sheet struct {
	index  int    // position in the workbook, from 0
	name   string // sheet name
	cols   int    // number of columns
	rows   int    // number of rows written, the header included
	freeze int    // number of columns kept in view
	widths []float64
	links  []link // internal links, set when the sheet is finished
	sw     *excelize.StreamWriter
	spill  *spill // moves the stream's rows into the archive as they are written; nil if it cannot
}

// link is an internal hyperlink of a cell.
type link struct{ cell, location string }

// startSheet adds table t as sheet number i (from 0) and opens its stream;
// the rows follow in fillSheet.
func (b *book) startSheet(i int, t table) (*sheet, error) {
	f := b.f
	name := b.c.sheetName(t)
	if i == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &sheet{index: i, name: name, cols: len(t.cols), rows: 0, freeze: max(t.freeze, 1), sw: sw}
	if b.spill {
		s.spill = newSpill(f, sw, b.zip)
	}
	return s, nil
}

// fillSheets writes the rows of all sheets, on as many goroutines as there
// are processors (at most one per sheet). Each goroutine has its own content,
// and writes only to its sheet's stream writer, which keeps its rows in its
// own buffer or temporary file; nothing else in the file is touched.
func (b *book) fillSheets(sheets []*sheet) error {
	// The largest sheets go first, so that no goroutine is left with a large
	// one when the others are done.
	tables := b.c.tables()
	order := slices.Clone(sheets)
	slices.SortStableFunc(order, func(x, y *sheet) int { return b.c.cost(tables[y.index]) - b.c.cost(tables[x.index]) })
	next := make(chan *sheet, len(sheets))
	for _, s := range order {
		next <- s
	}
	close(next)
	errs := make([]error, len(sheets))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(sheets)) {
		c := b.c.clone()
		wg.Go(func() {
			tables := c.tables()
			for s := range next {
				if err := b.fillSheet(c, s, tables[s.index]); err != nil {
					errs[s.index] = fmt.Errorf("workbook: sheet %q: %w", s.name, err)
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// fillSheet writes table t: the column widths fitted to the content, the
// frozen panes, the header row and the body rows, each row as high as its
// wrapped text. It goes through the rows twice, first to check their
// lengths and fit the widths, which come before the rows in the sheet, then
// to write them: keeping them between the two would hold the whole table
// in memory (tens of MB at 10,000 activities).
func (b *book) fillSheet(c *content, s *sheet, t table) error {
	header := make([]string, len(t.cols))
	for n, col := range t.cols {
		header[n] = c.header(col)
	}
	fit := newWidthFitter(t.cols, header)
	count := 0
	for values := range t.rows {
		for n := range values {
			if err := checkLength(values[n]); err != nil {
				ref, _ := excelize.CoordinatesToCellName(n+1, count+2)
				return fmt.Errorf("cell %s (row of %q): %w", ref, values[0], err)
			}
		}
		fit.add(values)
		count++
	}
	s.widths = fit.widths()
	for n, w := range s.widths {
		if err := s.sw.SetColWidth(n+1, n+1, w); err != nil {
			return err
		}
	}
	if err := s.sw.SetColStyle(1, len(t.cols), b.body); err != nil {
		return err
	}
	top, _ := excelize.CoordinatesToCellName(s.freeze+1, 2)
	if err := s.sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: s.freeze, YSplit: 1, TopLeftCell: top, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomRight"}},
	}); err != nil {
		return err
	}
	cells := make([]any, s.cols)
	for n := range header {
		cells[n] = excelize.Cell{StyleID: b.header, Value: header[n]}
	}
	s.rows = 1
	if err := s.sw.SetRow("A1", cells, excelize.RowOpts{Height: rowHeight(header, s.widths, true)}); err != nil {
		return err
	}
	for values := range t.rows {
		if s.rows-1 == count {
			return fmt.Errorf("the table gave %d rows, then more", count)
		}
		s.rows++
		for n := range cells {
			cells[n] = b.cell(values[n])
		}
		if t.link != nil {
			if loc := t.link(values); loc != "" {
				cell := "A" + strconv.Itoa(s.rows)
				s.links = append(s.links, link{cell, loc})
				cells[0] = excelize.Cell{StyleID: b.link, Value: values[0]}
			}
		}
		if err := s.sw.SetRow("A"+strconv.Itoa(s.rows), cells, excelize.RowOpts{Height: rowHeight(values, s.widths, false)}); err != nil {
			return err
		}
		if err := s.spill.move(); err != nil {
			return err
		}
	}
	if s.rows-1 != count {
		return fmt.Errorf("the table gave %d rows, then %d", count, s.rows-1)
	}
	return nil
}

// finishSheet adds the links, the autofilter and print setup, and ends the stream.
func (b *book) finishSheet(s *sheet) error {
	last, err := excelize.ColumnNumberToName(s.cols)
	if err != nil {
		return err
	}
	if err := b.setLinks(s.name, s.links); err != nil {
		return err
	}
	if err := b.f.AutoFilter(s.name, "A1:"+last+strconv.Itoa(max(s.rows, 2)), nil); err != nil {
		return err
	}
	if err := b.setPrint(s); err != nil {
		return err
	}
	return s.sw.Flush()
}

// setLinks adds internal links to cells of a sheet being streamed.
// excelize's SetCellHyperLink looks through all the sheet's links for each
// new one, which takes quadratic time: minutes for an index of 100,000
// activities. setLinks sets the first link with it, then replaces the
// sheet's list of links, which holds just that one, by the whole list in one
// step through reflection. Should excelize's worksheet no longer have that
// shape, it falls back to SetCellHyperLink; TestIndexLinks reads every link
// back.
func (b *book) setLinks(sheet string, links []link) error {
	if len(links) == 0 {
		return nil
	}
	if err := b.f.SetCellHyperLink(sheet, links[0].cell, links[0].location, "Location"); err != nil {
		return err
	}
	if list, ok := b.linkList(links[0]); ok {
		out := reflect.MakeSlice(list.Type(), len(links), len(links))
		out.Index(0).Set(list.Index(0))
		for i, l := range links[1:] {
			e := out.Index(i + 1)
			e.FieldByName("Ref").SetString(l.cell)
			e.FieldByName("Location").SetString(l.location)
		}
		list.Set(out)
		return nil
	}
	for _, l := range links[1:] {
		if err := b.f.SetCellHyperLink(sheet, l.cell, l.location, "Location"); err != nil {
			return err
		}
	}
	return nil
}

// linkList finds the list of links of the worksheet whose only link is
// first, as a settable slice of excelize's hyperlink elements, which have
// string fields Ref and Location.
func (b *book) linkList(first link) (reflect.Value, bool) {
	var found reflect.Value
	n := 0
	b.f.Sheet.Range(func(_, v any) bool {
		ws := reflect.ValueOf(v)
		if ws.Kind() != reflect.Pointer || ws.IsNil() || ws.Elem().Kind() != reflect.Struct {
			return true
		}
		h := ws.Elem().FieldByName("Hyperlinks")
		if !h.IsValid() || h.Kind() != reflect.Pointer || h.IsNil() || h.Elem().Kind() != reflect.Struct {
			return true
		}
		list := h.Elem().FieldByName("Hyperlink")
		if !list.IsValid() || list.Kind() != reflect.Slice || list.Len() != 1 || !list.CanSet() {
			return true
		}
		e := list.Index(0)
		if e.Kind() != reflect.Struct {
			return true
		}
		ref, loc := e.FieldByName("Ref"), e.FieldByName("Location")
		if ref.IsValid() && loc.IsValid() && ref.Kind() == reflect.String && loc.Kind() == reflect.String &&
			ref.String() == first.cell && loc.String() == first.location && ref.CanSet() && loc.CanSet() {
			found = list
			n++
		}
		return true
	})
	return found, n == 1
}

// checkLength reports a text too long for a cell, which a spreadsheet would
// cut short: excelize would do so silently.
func checkLength(s string) error {
	if len(s) <= excelize.TotalCellChars { // a UTF-16 unit takes at least one byte of UTF-8
		return nil
	}
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	if n <= excelize.TotalCellChars {
		return nil
	}
	return fmt.Errorf("%d characters, more than the %d a spreadsheet cell holds", n, excelize.TotalCellChars)
}

// cell returns the value of a body cell. Text that a spreadsheet could take
// for a formula gets the quoted style; all text is written as an inline
// string, never as a formula.
func (b *book) cell(s string) any {
	if s == "" {
		return nil
	}
	switch s[0] {
	case '=', '+', '-', '@':
		return excelize.Cell{StyleID: b.quoted, Value: s}
	}
	return s
}

// setPrint sets up printing: A4 landscape at a fixed scale, never fitted to
// the page (which would shrink a wide sheet to an unreadable size): 100 % when
// the sheet fits the page width, else 80 % (11 pt text prints at 8.8 pt),
// across as many pages as it needs, across first and then down. The header row
// and the first column are repeated on every page; the page header names the
// register, the sheet, its date and version, the footer the page number.
func (b *book) setPrint(s *sheet) error {
	landscape, a4, order := "landscape", 9, "overThenDown"
	scale := uint(100)
	total := 0.0
	for _, w := range s.widths {
		total += w
	}
	if total > pageWidth {
		scale = 80
	}
	if err := b.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, AdjustTo: &scale, PageOrder: &order,
	}); err != nil {
		return err
	}
	w := b.c.w
	org := &b.c.reg.Organisation
	title := headerText(w.get("doc.title")+" – "+b.c.name(org.Name), 100)
	stamp := w.get("org.date") + ": " + org.EffectiveDate
	if b.c.version != "" {
		stamp += ", " + w.get("doc.version") + " " + b.c.version
	}
	if err := b.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&L&B" + title + "&B\n" + headerText(stamp, 80) + "&R&A",
		OddFooter: "&R" + w.get("doc.page"),
	}); err != nil {
		return err
	}
	return b.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: quoteSheet(s.name) + "!$A:$A," + quoteSheet(s.name) + "!$1:$1",
		Scope:    s.name,
	})
}

// setProperties sets the document properties; the dates are the date of the
// record, never the clock.
func (b *book) setProperties(dated bool) error {
	w, org := b.c.w, &b.c.reg.Organisation
	props := &excelize.DocProperties{
		Title:    w.get("doc.title") + " – " + b.c.name(org.Name),
		Subject:  w.get("doc.subject"),
		Creator:  b.c.name(org.Name),
		Keywords: w.get("doc.keywords"),
		Language: b.c.lang,
		Version:  b.c.version,
	}
	if dated {
		props.Created = org.EffectiveDate + "T00:00:00Z"
		props.Modified = props.Created
	}
	if err := b.f.SetDocProps(props); err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{
		Application: "ropa",
		Company:     b.c.name(org.Name),
	})
}

// headerText escapes s for a page header or footer, where & starts a code,
// and shortens it to at most n UTF-16 units.
func headerText(s string, n int) string {
	var out strings.Builder
	units := 0
	for _, r := range s {
		k := utf16.RuneLen(r)
		if r == '&' {
			k = 2
		}
		if k < 0 || units+k > n {
			break
		}
		units += k
		if r == '&' {
			out.WriteString("&&")
		} else {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
