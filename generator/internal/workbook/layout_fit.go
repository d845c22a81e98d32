package workbook

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	// lineHeight is the height of one line of 11 pt text in points, as
	// Excel and LibreOffice set a row of one line.
	lineHeight = 15.0
	// maxRowHeight is the largest row height a spreadsheet allows, in
	// points; text beyond it wraps within the cell and is cut off on screen.
	maxRowHeight = 409.0
	// pageWidth is the width of the printable part of an A4 landscape page
	// with the default margins, in column width units (characters), as
	// LibreOffice prints them at 100 % with its fallback font (DejaVu Sans,
	// wider than Calibri), measured: 261 mm at about 2.4 mm a unit, less a
	// margin. At 80 % a page holds pageWidth / 0.8 units.
	pageWidth = 100.0
	// maxWordWidth is the widest a column grows to hold its longest word.
	maxWordWidth = 48.0
	// minWidth is the narrowest column, in characters.
	minWidth = 6.0
)

// widthFitter fits the width of each column to its cells, given a row at a
// time, so that the rows need not be kept: wide enough for its longest line
// (and its header's longest word), at most the column's own width.
type widthFitter struct {
	cols []column
	need []int // characters of the longest line, while less than the column's width
	word []int // characters of the longest word longer than the column, up to maxWordWidth
}

// newWidthFitter starts the fitting of columns cols with the given header.
func newWidthFitter(cols []column, header []string) *widthFitter {
	f := &widthFitter{cols: cols, need: make([]int, len(cols)), word: make([]int, len(cols))}
	for n := range cols {
		f.need[n] = longestWord(header[n]) + 2 // bold
	}
	return f
}

// add fits the columns to a body row, one cell per column.
func (f *widthFitter) add(row []string) {
	for n, col := range f.cols {
		cell := row[n]
		if float64(f.need[n]) < col.width {
			f.need[n] = max(f.need[n], longestLine(cell)+1)
		}
		// Only a word longer than the column matters, and a cell of
		// fewer bytes than that has none.
		if word := f.word[n]; float64(len(cell)) >= max(col.width, float64(word)) && float64(word) < maxWordWidth {
			f.word[n] = max(word, longestWord(cell)+1)
		}
	}
}

// widths returns the width of each column, in characters.
func (f *widthFitter) widths() []float64 {
	widths := make([]float64, len(f.cols))
	for n, col := range f.cols {
		// A spreadsheet does not break a word: the column is at least as
		// wide as its longest word, up to maxWordWidth.
		widths[n] = max(min(max(float64(f.need[n]), minWidth), col.width), min(float64(f.word[n]), maxWordWidth))
	}
	return widths
}

// longestLine returns the length in characters of the longest line of s.
func longestLine(s string) int {
	longest := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		longest = max(longest, utf8.RuneCountInString(line))
	}
	return longest
}

// longestWord returns the length in characters of the longest word of s
// (words are separated by spaces and line breaks).
func longestWord(s string) int {
	longest, n := 0, 0
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			n = 0
			continue
		}
		n++
		longest = max(longest, n)
	}
	return longest
}

// rowHeight returns the height of a row in points: one line height for each
// line its tallest cell takes when wrapped in its column, at most
// maxRowHeight. Bold (header) text is taken to be a tenth wider.
func rowHeight(cells []string, widths []float64, bold bool) float64 {
	most := 1
	for n, s := range cells {
		if s == "" {
			continue
		}
		capacity := widths[n] - 1 // the cell's padding
		if bold {
			capacity *= 0.9
		}
		if float64(len(s)) <= capacity && strings.IndexByte(s, '\n') < 0 {
			continue // one line: it has no more characters than bytes
		}
		most = max(most, lineCount(s, max(int(capacity), 1)))
	}
	return min(float64(most)*lineHeight, maxRowHeight)
}

// lineCount estimates the lines s takes when wrapped at spaces in a column
// that holds capacity characters a line; a word longer than a line is
// broken. It counts every character as wide as a digit, which most letters
// of the default font are not, so it errs on the side of too many lines.
func lineCount(s string, capacity int) int {
	n := 0
	for len(s) > 0 || n == 0 {
		para := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			para, s = s[:i], s[i+1:]
			if s == "" {
				n++ // the empty line after a final newline
			}
		} else {
			s = ""
		}
		n += paragraphLines(para, capacity)
	}
	return n
}

// paragraphLines counts the wrapped lines of text without line breaks.
func paragraphLines(p string, capacity int) int {
	lines, col, w := 1, 0, 0
	place := func() { // a word of w characters ends
		if w == 0 {
			return
		}
		if col > 0 {
			if col+1+w <= capacity {
				col += 1 + w
				w = 0
				return
			}
			lines++
		}
		for w > capacity {
			lines++
			w -= capacity
		}
		col, w = w, 0
	}
	for _, r := range p {
		if r == ' ' || r == '\t' {
			place()
			continue
		}
		w++
	}
	place()
	return lines
}

// cnilSheetNames gives each activity a sheet of its own in the cnil layout:
// its id, cut to the 31 characters a sheet name holds, and made unique
// (spreadsheets compare sheet names without regard to case, and reserve
// "History").
func cnilSheetNames(c *content) map[string]string {
	used := map[string]bool{"history": true}
	for _, key := range []string{"sheet.cnil", "sheet.index", "sheet.cookies", "sheet.changes", "sheet.completeness", "sheet.legend"} {
		used[strings.ToLower(c.w.get(key))] = true
	}
	names := make(map[string]string, len(c.acts))
	for _, a := range c.acts {
		name := truncateRunes(a.ID, 31)
		for i := 2; used[strings.ToLower(name)]; i++ {
			suffix := "~" + strconv.Itoa(i)
			name = truncateRunes(a.ID, 31-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		names[a.ID] = name
	}
	return names
}

// truncateRunes returns s cut to at most n characters.
func truncateRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
