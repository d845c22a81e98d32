package review

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/privacy-as-code/ropa/generator/internal/change"
	"github.com/privacy-as-code/ropa/generator/internal/outputs"
)

// Document is what one review file holds.
type Document struct {
	Lang        string  // the language of the notice and of the document's own words: nl or en
	DefaultLang string  // the site's default language, for the words of changes
	From        string  // the revision compared from, as given; "" for the clean notice
	To          string  // the revision under review, as given; "" is the working tree
	Before      *Notice // the notice at From; nil for the clean notice
	After       *Notice // the notice at To
	// Changes are the changes to the public register from From to To; the
	// material ones are summarised at the top.
	Changes []change.Change
}

// words are the document's own words.
var words = map[string]map[string]string{
	"nl": {
		"title":       "Privacyverklaring ter beoordeling",
		"clean":       "De volledige privacyverklaring zoals het privacycentrum die publiceert, bij %s.",
		"redline":     "De volledige privacyverklaring zoals het privacycentrum die publiceert, met de wijzigingen van %s naar %s.",
		"legend":      "Toegevoegde tekst is onderstreept en staat tussen [+ ]; verwijderde tekst is doorgehaald en staat tussen [− ]. Een toegevoegd of verwijderd blok heeft een streep in de kantlijn: doorgetrokken voor toegevoegd, gestippeld voor verwijderd.",
		"working":     "de werkmap",
		"summary":     "Materiële wijzigingen",
		"no-material": "Geen materiële wijzigingen.",
		"editorial":   "Redactionele wijzigingen: %d, alleen in de tekst gemarkeerd.",
		"contents":    "Inhoud",
		"added":       "nieuwe pagina",
		"removed":     "vervallen pagina",
		"changed":     "gewijzigd",
		"page":        "Pagina %s",
	},
	"en": {
		"title":       "Privacy notice for review",
		"clean":       "The full privacy notice as the privacy center publishes it, at %s.",
		"redline":     "The full privacy notice as the privacy center publishes it, with the changes from %s to %s.",
		"legend":      "Inserted text is underlined and put between [+ ]; deleted text is struck through and put between [− ]. An inserted or deleted block has a bar in the margin: solid for inserted, dotted for deleted.",
		"working":     "the working tree",
		"summary":     "Material changes",
		"no-material": "No material changes.",
		"editorial":   "Editorial changes: %d, marked in the text only.",
		"contents":    "Contents",
		"added":       "new page",
		"removed":     "removed page",
		"changed":     "changed",
		"page":        "Page %s",
	},
}

// style is the document's only style sheet: black on white, changes marked
// by underline, strike-through, brackets and margin bars, so that they
// survive printing in greyscale; colour only helps on screen.
const style = `
body{font:16px/1.5 Georgia,"Times New Roman",serif;color:#000;background:#fff;max-width:46em;margin:2em auto;padding:0 1em}
h1,h2,h3,h4,h5,h6{font-family:Arial,Helvetica,sans-serif;line-height:1.25}
.meta,.path,.legend{font-family:Arial,Helvetica,sans-serif;font-size:.9em}
.path{color:#333;margin:0}
.legend{border:1px solid #000;padding:.5em 1em}
.summary{border:2px solid #000;padding:.5em 1em;margin:1em 0}
.toc ol{padding-left:1.5em}
article{border-top:1px solid #000;margin-top:2em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #555;padding:.25em .5em;text-align:left;vertical-align:top}
.dt{font-weight:bold;margin-bottom:0}
.dd{margin-top:0;margin-left:1.5em}
.status{font-family:Arial,Helvetica,sans-serif;font-size:.8em;font-weight:bold;border:1px solid #000;padding:0 .3em}
ins{text-decoration:underline;text-decoration-thickness:2px;background:#e3f1e3}
del{text-decoration:line-through;text-decoration-thickness:2px;background:#f6e0e0}
ins::before{content:"[+ "}
ins::after{content:"]"}
del::before{content:"[\2212  "}
del::after{content:"]"}
.ins{border-left:4px solid #000;padding-left:.5em}
.del{border-left:4px dotted #000;padding-left:.5em}
article.ins .ins,article.del .del{border-left:none;padding-left:0}
tr.ins td:first-child,tr.ins th:first-child{border-left:4px solid #000}
tr.del td:first-child,tr.del th:first-child{border-left:4px dotted #000}
@media print{body{margin:0;max-width:none;font-size:11pt}ins,del{background:none}a{color:#000;text-decoration:none}tr,li,.dt,.dd{break-inside:avoid}h2,h3{break-after:avoid}}
`

// block is a block of the redline.
type block struct {
	op   op
	kind string
	a, b []string // the cells of the old and new block; one of them for del and ins
}

// page is a page of the redline.
type page struct {
	op     op   // ins: a new page, del: a removed page, same: on both sides
	edited bool // a page on both sides whose text changed
	path   string
	title  string
	blocks []block
}

// pages compares the notices page by page: pages in the new notice's order,
// a removed page after the page it followed.
func (d *Document) pages() []page {
	var out []page
	if d.Before == nil {
		for _, p := range d.After.Pages {
			out = append(out, page{op: same, path: p.Path, title: p.Title, blocks: blocksOf(same, p.Blocks)})
		}
		return out
	}
	before := map[string]Page{}
	for _, p := range d.Before.Pages {
		before[p.Path] = p
	}
	after := map[string]bool{}
	for _, p := range d.After.Pages {
		after[p.Path] = true
	}
	// removed[path] are the removed pages that follow the page at path ("" for the start).
	removed := map[string][]Page{}
	prev := ""
	for _, p := range d.Before.Pages {
		if after[p.Path] {
			prev = p.Path
			continue
		}
		removed[prev] = append(removed[prev], p)
	}
	addRemoved := func(after string) {
		for _, p := range removed[after] {
			out = append(out, page{op: del, path: p.Path, title: p.Title, blocks: blocksOf(del, p.Blocks)})
		}
	}
	addRemoved("")
	for _, p := range d.After.Pages {
		old, ok := before[p.Path]
		if !ok {
			out = append(out, page{op: ins, path: p.Path, title: p.Title, blocks: blocksOf(ins, p.Blocks)})
		} else {
			bs := compareBlocks(old.Blocks, p.Blocks)
			edited := false
			for _, b := range bs {
				edited = edited || b.op != same || !equalCells(b.a, b.b)
			}
			out = append(out, page{op: same, edited: edited, path: p.Path, title: p.Title, blocks: bs})
		}
		addRemoved(p.Path)
	}
	return out
}

func equalCells(a, b []string) bool { return strings.Join(a, "\x01") == strings.Join(b, "\x01") }

func blocksOf(o op, bs []Block) []block {
	out := make([]block, len(bs))
	for i, b := range bs {
		out[i] = block{op: o, kind: b.Kind}
		if o == del {
			out[i].a = b.Cells
		} else {
			out[i].b = b.Cells
			if o == same {
				out[i].a = b.Cells
			}
		}
	}
	return out
}

// compareBlocks compares two pages block by block. Within a change, a
// deleted and an inserted block of the same kind that share at least half
// their words are one edited block, compared word by word; a block whose
// text stays the same but whose kind changes (one purpose said in a
// sentence, two in a list) is not marked.
func compareBlocks(a, b []Block) []block {
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i, x := range a {
		ka[i] = x.key()
	}
	for i, x := range b {
		kb[i] = x.key()
	}
	var out []block
	var dels, inss []int
	flush := func() {
		// Pair deleted and inserted blocks in order, by kind.
		used := make([]bool, len(inss))
		next := 0
		pairs := map[int]int{} // index in dels -> index in inss
		for i, di := range dels {
			for j := next; j < len(inss) && j < next+pairWindow; j++ {
				sameText := equalCells(a[di].Cells, b[inss[j]].Cells)
				if !used[j] && (sameText || a[di].Kind == b[inss[j]].Kind && similar(a[di].Cells, b[inss[j]].Cells)) {
					pairs[i], used[j], next = j, true, j+1
					break
				}
			}
		}
		j := 0
		for i, di := range dels {
			if pj, ok := pairs[i]; ok {
				for ; j < pj; j++ {
					if !used[j] {
						out = append(out, block{op: ins, kind: b[inss[j]].Kind, b: b[inss[j]].Cells})
					}
				}
				out = append(out, block{op: same, kind: b[inss[pj]].Kind, a: a[di].Cells, b: b[inss[pj]].Cells})
				j = pj + 1
				continue
			}
			out = append(out, block{op: del, kind: a[di].Kind, a: a[di].Cells})
		}
		for ; j < len(inss); j++ {
			if !used[j] {
				out = append(out, block{op: ins, kind: b[inss[j]].Kind, b: b[inss[j]].Cells})
			}
		}
		dels, inss = dels[:0], inss[:0]
	}
	for _, e := range script(ka, kb) {
		switch e.op {
		case same:
			flush()
			out = append(out, block{op: same, kind: a[e.a].Kind, a: a[e.a].Cells, b: b[e.b].Cells})
		case del:
			dels = append(dels, e.a)
		case ins:
			inss = append(inss, e.b)
		}
	}
	flush()
	return out
}

// pairWindow is how far past the last pair an inserted block is looked for
// to pair with a deleted one: a bound on the work of a large change.
const pairWindow = 16

// similar reports whether two blocks share at least half the words of the
// shorter one.
func similar(a, b []string) bool {
	_, common := compareWords(strings.Join(a, " "), strings.Join(b, " "))
	n := min(len(strings.Fields(strings.Join(a, " "))), len(strings.Fields(strings.Join(b, " "))))
	return n > 0 && 2*common >= n
}

// Write writes the document as one self-contained HTML file: no script, no
// request for anything outside it.
func (d *Document) Write(w io.Writer) error {
	t := words[d.Lang]
	if t == nil {
		return fmt.Errorf("review: no words for language %q", d.Lang)
	}
	var b strings.Builder
	esc := html.EscapeString
	label := func(rev string) string {
		if rev == "" {
			return t["working"]
		}
		return rev
	}
	b.WriteString(outputs.ReviewHead + "<html lang=\"" + esc(d.Lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	b.WriteString("<title>" + esc(t["title"]) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n")
	b.WriteString("<header>\n<h1>" + esc(t["title"]) + "</h1>\n")
	if d.Before == nil {
		fmt.Fprintf(&b, "<p class=\"meta\">%s</p>\n", esc(fmt.Sprintf(t["clean"], label(d.To))))
	} else {
		fmt.Fprintf(&b, "<p class=\"meta\">%s</p>\n", esc(fmt.Sprintf(t["redline"], label(d.From), label(d.To))))
		b.WriteString("<p class=\"legend\">" + esc(t["legend"]) + "</p>\n")
	}
	b.WriteString("</header>\n")

	pages := d.pages()
	if d.Before != nil {
		d.writeSummary(&b, t)
	}

	b.WriteString("<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">" + esc(t["contents"]) + "</h2>\n<ol>\n")
	for i, p := range pages {
		fmt.Fprintf(&b, "<li><a href=\"#p%d\">%s</a>%s</li>\n", i+1, esc(p.title), status(p, t))
	}
	b.WriteString("</ol>\n</nav>\n<main>\n")
	for i, p := range pages {
		class := ""
		switch p.op {
		case ins:
			class = " class=\"ins\""
		case del:
			class = " class=\"del\""
		}
		fmt.Fprintf(&b, "<article id=\"p%d\"%s>\n<p class=\"path\">%s%s</p>\n", i+1, class, esc(fmt.Sprintf(t["page"], p.path)), status(p, t))
		writeBlocks(&b, p.blocks)
		b.WriteString("</article>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// status is the mark of a new, removed or changed page.
func status(p page, t map[string]string) string {
	switch {
	case p.op == ins:
		return " <span class=\"status\">" + t["added"] + "</span>"
	case p.op == del:
		return " <span class=\"status\">" + t["removed"] + "</span>"
	case p.edited:
		return " <span class=\"status\">" + t["changed"] + "</span>"
	}
	return ""
}

// writeSummary writes the material changes, record by record, and the
// number of editorial ones.
func (d *Document) writeSummary(b *strings.Builder, t map[string]string) {
	esc := html.EscapeString
	b.WriteString("<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">" + esc(t["summary"]) + "</h2>\n")
	editorial, material := 0, 0
	record := ""
	for _, c := range d.Changes {
		if !c.Material {
			editorial++
			continue
		}
		if c.Record != record {
			if material > 0 {
				b.WriteString("</ul>\n")
			}
			record = c.Record
			b.WriteString("<h3>" + esc(c.Heading(d.Lang, d.DefaultLang)) + "</h3>\n<ul>\n")
		}
		material++
		b.WriteString("<li>" + esc(c.Describe(d.Lang, d.DefaultLang)) + "</li>\n")
	}
	if material > 0 {
		b.WriteString("</ul>\n")
	} else {
		b.WriteString("<p>" + esc(t["no-material"]) + "</p>\n")
	}
	if editorial > 0 {
		b.WriteString("<p>" + esc(fmt.Sprintf(t["editorial"], editorial)) + "</p>\n")
	}
	b.WriteString("</section>\n")
}

// writeBlocks writes a page's blocks: list items in lists, rows in tables,
// the page's headings one level down (the document has its own title).
func writeBlocks(b *strings.Builder, blocks []block) {
	for i := 0; i < len(blocks); {
		bl := blocks[i]
		switch bl.kind {
		case "li":
			b.WriteString("<ul>\n")
			for ; i < len(blocks) && blocks[i].kind == "li"; i++ {
				b.WriteString("<li" + opClass(blocks[i].op) + ">" + inline(blocks[i], 0) + "</li>\n")
			}
			b.WriteString("</ul>\n")
			continue
		case "tr", "th":
			b.WriteString("<table>\n")
			for ; i < len(blocks) && (blocks[i].kind == "tr" || blocks[i].kind == "th"); i++ {
				r := blocks[i]
				cell := "td"
				if r.kind == "th" {
					cell = "th"
				}
				b.WriteString("<tr" + opClass(r.op) + ">")
				for c := range max(len(r.a), len(r.b)) {
					b.WriteString("<" + cell + ">" + inline(r, c) + "</" + cell + ">")
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
			continue
		case "h1", "h2", "h3", "h4", "h5", "h6":
			tag := fmt.Sprintf("h%d", min(int(bl.kind[1]-'0')+1, 6))
			b.WriteString("<" + tag + opClass(bl.op) + ">" + inline(bl, 0) + "</" + tag + ">\n")
		case "dt":
			b.WriteString("<p class=\"dt" + opName(bl.op) + "\">" + inline(bl, 0) + "</p>\n")
		case "dd":
			b.WriteString("<p class=\"dd" + opName(bl.op) + "\">" + inline(bl, 0) + "</p>\n")
		default:
			b.WriteString("<p" + opClass(bl.op) + ">" + inline(bl, 0) + "</p>\n")
		}
		i++
	}
}

func opName(o op) string {
	switch o {
	case ins:
		return " ins"
	case del:
		return " del"
	}
	return ""
}

func opClass(o op) string {
	if n := opName(o); n != "" {
		return " class=\"" + n[1:] + "\""
	}
	return ""
}

// inline is cell c of a block, with its changes marked.
func inline(bl block, c int) string {
	cell := func(cells []string) string {
		if c < len(cells) {
			return cells[c]
		}
		return ""
	}
	esc := html.EscapeString
	a, b := cell(bl.a), cell(bl.b)
	switch {
	case bl.op == del:
		return mark("del", a)
	case bl.op == ins:
		return mark("ins", b)
	case a == b:
		return esc(b)
	}
	pieces, _ := compareWords(a, b)
	var s strings.Builder
	for i, p := range pieces {
		if i > 0 {
			s.WriteByte(' ')
		}
		switch p.op {
		case same:
			s.WriteString(esc(p.text))
		case del:
			s.WriteString(mark("del", p.text))
		case ins:
			s.WriteString(mark("ins", p.text))
		}
	}
	return s.String()
}

func mark(tag, s string) string {
	if s == "" {
		return ""
	}
	return "<" + tag + ">" + html.EscapeString(s) + "</" + tag + ">"
}
