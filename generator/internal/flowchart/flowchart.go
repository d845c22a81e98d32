// Package flowchart draws a data flow as an inline SVG picture: where the data
// comes from, what it is used for, and where it goes, with a label on the
// arrows that leave the European Economic Area.
//
// The picture is one column of boxes, so that it reads at 320 px wide and in
// print, and it scales with its viewBox. It is accessible: role="img" with a
// <title> and a <desc> that say in words what the boxes show. It uses no
// script, no external file and no style sheet of its own (the theme may size
// it), and the same chart gives the same bytes.
//
// Every text is escaped, stripped of control and bidirectional formatting
// characters, wrapped to the width of its box, cut after a few lines with an
// ellipsis, and clipped to its box, so a hostile or very long name can
// neither break the markup nor run over the picture.
package flowchart

import (
	"fmt"
	"strings"
)

// Chart is one picture: boxes that feed a central box, and boxes it feeds.
type Chart struct {
	// ID makes the ids inside the picture unique on its page; it is reduced
	// to letters, digits and hyphens.
	ID string
	// Title names the picture; Desc is said by screen readers: it should
	// state what the boxes state.
	Title, Desc string
	// FromCaption heads the boxes in From; ToCaption heads those in To.
	FromCaption, ToCaption string
	// From are the boxes whose data flows into Center, e.g. the ways the data
	// is obtained, each with its categories.
	From []Box
	// Center is the box in the middle: the activity, or the organisation.
	Center string
	// To are the boxes Center's data flows to, e.g. the recipients.
	To []Box
}

// Box is one box of the picture.
type Box struct {
	Heading string   // in bold
	Lines   []string // one item a line (wrapped when long)
	// Arrow labels the arrow into the box, e.g. a transfer and its
	// safeguard; the arrow is dashed when it has a label.
	Arrow []string
}

// Geometry, in viewBox units (px at 320 px wide).
const (
	width     = 320
	margin    = 8
	busX      = 18 // the vertical line that joins the boxes to the center
	boxX      = 34 // the left edge of a From or To box
	boxW      = width - margin - boxX
	centerX   = margin
	centerW   = width - 2*margin
	padX      = 10
	padY      = 8
	fontSize  = 15
	smallSize = 14
	lineH     = 20
	gap       = 10
	// maxChars is how many characters fit on a line of a box: 0.6 em per
	// character is generous for proportional fonts; what does not fit is
	// clipped by the box.
	maxChars = (boxW - 2*padX) * 10 / (fontSize * 6)
	// maxLines is how many lines one name may take before it is cut;
	// maxLabelLines the same for the label of an arrow (a transfer with
	// its country and safeguard).
	maxLines      = 3
	maxLabelLines = 6
)

// SVG returns the chart as an <svg> element.
func SVG(c Chart) string {
	d := &drawing{id: cleanID(c.ID), y: margin}
	d.body.Grow(8 << 10) // a picture of a few boxes is 4 to 10 kB

	// The boxes the data comes from, joined by a line to the center.
	var fromMids []int
	if len(c.From) > 0 {
		d.caption(c.FromCaption)
		for _, b := range c.From {
			h := d.box(b, boxX, d.y, boxW, "#ffffff")
			fromMids = append(fromMids, d.y+min(h/2, lineH))
			d.y += h + gap
		}
	}
	centerY := d.y + 6
	if len(fromMids) > 0 {
		for _, m := range fromMids {
			d.line(busX, m, boxX, m, false, false)
		}
		d.line(busX, fromMids[0], busX, centerY-2, true, false)
	}

	// The center.
	h := d.box(Box{Heading: c.Center}, centerX, centerY, centerW, "#d2e2f1")
	d.y = centerY + h + gap

	// The boxes the data goes to, each with its arrow from the center; a
	// labelled arrow is dashed, its label just above it.
	if len(c.To) > 0 {
		d.caption(c.ToCaption)
		top, last := centerY+h, centerY+h
		for _, b := range c.To {
			for i, a := range b.Arrow {
				if i > 0 {
					d.y += 4 // a little space between two labels
				}
				for _, l := range clip(wrap(a, (boxW-4)*10/(smallSize*6)), maxLabelLines) {
					d.y += lineH
					fmt.Fprintf(&d.body, `<text x="%d" y="%d" font-size="%d" font-style="italic" fill="#0b0c0c">%s</text>`, boxX+4, d.y-5, smallSize, esc(l))
				}
			}
			if len(b.Arrow) > 0 {
				d.y += 2
			}
			bh := d.box(b, boxX, d.y, boxW, "#ffffff")
			last = d.y + min(bh/2, lineH)
			d.line(busX, last, boxX-1, last, true, len(b.Arrow) > 0)
			d.y += bh + gap
		}
		d.line(busX, top, busX, last+1, false, false)
	}
	height := d.y - gap + margin

	var out strings.Builder
	out.Grow(d.body.Len() + 1024 + 2*len(c.Desc))
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" class="flow" role="img" aria-labelledby="%[1]s-title %[1]s-desc" viewBox="0 0 %[2]d %[3]d" width="%[2]d" height="%[3]d">`, d.id, width, height)
	fmt.Fprintf(&out, `<title id="%s-title">%s</title>`, d.id, esc(clean(c.Title)))
	fmt.Fprintf(&out, `<desc id="%s-desc">%s</desc>`, d.id, esc(clean(c.Desc)))
	fmt.Fprintf(&out, `<defs><marker id="%s-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#0b0c0c"/></marker></defs>`, d.id)
	out.WriteString(d.body.String())
	out.WriteString(`</svg>`)
	return out.String()
}

// drawing is a picture being drawn, top to bottom.
type drawing struct {
	id   string
	body strings.Builder
	y    int // the top of what comes next
}

// caption writes a small caption above the boxes, right of the line that
// joins them.
func (d *drawing) caption(text string) {
	for _, l := range clip(wrap(text, (width-margin-boxX)*10/(smallSize*6)), maxLines) {
		d.y += lineH
		fmt.Fprintf(&d.body, `<text x="%d" y="%d" font-size="%d" fill="#0b0c0c">%s</text>`, boxX, d.y-5, smallSize, esc(l))
	}
	d.y += 4
}

// line draws a straight line, with an arrowhead at its end when arrow is
// set, dashed when dashed is.
func (d *drawing) line(x1, y1, x2, y2 int, arrow, dashed bool) {
	fmt.Fprintf(&d.body, `<path d="M%d %dL%d %d" stroke="#0b0c0c" stroke-width="2" fill="none"`, x1, y1, x2, y2)
	if dashed {
		d.body.WriteString(` stroke-dasharray="5 3"`)
	}
	if arrow {
		fmt.Fprintf(&d.body, ` marker-end="url(#%s-arrow)"`, d.id)
	}
	d.body.WriteString(`/>`)
}

// box draws a box at (x, y) of width w and returns its height. Its content
// is a nested <svg>, which clips what does not fit.
func (d *drawing) box(b Box, x, y, w int, fill string) int {
	var text strings.Builder
	ty := padY
	chars := (w - 2*padX) * 10 / (fontSize * 6)
	for _, l := range clip(wrap(b.Heading, chars), maxLines) {
		ty += lineH
		fmt.Fprintf(&text, `<text x="%d" y="%d" font-size="%d" font-weight="bold" fill="#0b0c0c">%s</text>`, padX, ty-5, fontSize, esc(l))
	}
	for _, item := range b.Lines {
		bullet := len(b.Lines) > 1
		width := chars
		if bullet {
			width -= 2
		}
		for i, l := range clip(wrap(item, width), maxLines) {
			ty += lineH
			x := padX
			if bullet {
				x += 12
				if i == 0 {
					fmt.Fprintf(&text, `<text x="%d" y="%d" font-size="%d" fill="#0b0c0c">•</text>`, padX, ty-5, fontSize)
				}
			}
			fmt.Fprintf(&text, `<text x="%d" y="%d" font-size="%d" fill="#0b0c0c">%s</text>`, x, ty-5, fontSize, esc(l))
		}
	}
	h := ty + padY
	fmt.Fprintf(&d.body, `<svg x="%d" y="%d" width="%d" height="%d">`, x, y, w, h)
	fmt.Fprintf(&d.body, `<rect x="1" y="1" width="%d" height="%d" rx="4" fill="%s" stroke="#0b0c0c" stroke-width="2"/>`, w-2, h-2, fill)
	d.body.WriteString(text.String())
	d.body.WriteString(`</svg>`)
	return h
}
