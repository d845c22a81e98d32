// Package review writes the public notice as one self-contained HTML
// document for legal review: every page of the built privacy center, in
// reading order, with what changed between two revisions marked as
// insertions and deletions. It reads the site as built (the <main> of each
// page), so the words under review are the words that are published.
package review

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Notice is the public notice in one language: the pages of the site in
// reading order.
type Notice struct {
	Lang  string
	Pages []Page
}

// Page is the main content of one page of the site.
type Page struct {
	Path   string  // the page's path on the site, e.g. /en/activities/newsletter/
	Title  string  // the text of its first heading
	Blocks []Block // its content, block by block
}

// Block is one block of text: a heading, a paragraph, a list item, a term or
// its description, or a table row.
type Block struct {
	Kind  string   // h1 to h6, p, li, dt, dd, caption, th (a header row) or tr
	Cells []string // the text, whitespace collapsed; one per cell for a row, else one
}

// key identifies a block for comparison.
func (b Block) key() string { return b.Kind + "\x00" + strings.Join(b.Cells, "\x01") }

// sections are the site's sections in reading order, after the hub; pages
// elsewhere (the project's Markdown pages) follow them.
var sections = []string{"activities", "personal-data", "recipients", "rights", "choices", "cookies"}

// notNotice are the site's sections that help a reader find their way but
// state nothing of their own: the search page lists the titles of the other
// pages.
var notNotice = []string{"search"}

// Read reads the site built in dir and returns its notice per language,
// in the languages langs (all when none is given). A page belongs to the
// language its <html lang> names; pages without <main> (redirects) and the
// not-found page are left out.
func Read(dir string, langs ...string) (map[string]*Notice, error) {
	type read struct {
		page  Page
		lang  string
		links []string // the paths its main content links to, in order
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "404.html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	// The pages are read by a few workers; each page's result has its own
	// place, so the order does not depend on theirs.
	results := make([]*read, len(files))
	errs := make([]error, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(files) {
					return
				}
				p := files[k]
				b, err := os.ReadFile(p)
				if err != nil {
					errs[k] = err
					continue
				}
				lang := pageLang(b)
				if len(langs) > 0 && !slices.Contains(langs, lang) {
					continue
				}
				main, err := parseMain(b)
				if err != nil {
					errs[k] = fmt.Errorf("%s: %v", p, err)
					continue
				}
				if main == nil {
					continue
				}
				rel, _ := filepath.Rel(dir, p)
				path := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
				e := &extractor{}
				e.container(main)
				pg := Page{Path: path, Blocks: e.blocks}
				for _, bl := range e.blocks {
					if bl.Kind == "h1" {
						pg.Title = bl.Cells[0]
						break
					}
				}
				if pg.Title == "" {
					pg.Title = path
				}
				results[k] = &read{page: pg, lang: lang, links: links(main)}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var pages []read
	for _, r := range results {
		if r != nil {
			pages = append(pages, *r)
		}
	}
	out := map[string]*Notice{}
	byLang := map[string][]read{}
	for _, r := range pages {
		byLang[r.lang] = append(byLang[r.lang], r)
	}
	for lang, rs := range byLang {
		// The language's prefix: the path of its home page.
		prefix := "/"
		for _, r := range rs {
			if strings.Count(r.page.Path, "/") == 2 && r.page.Path == "/"+lang+"/" {
				prefix = r.page.Path
			}
		}
		rs = slices.DeleteFunc(rs, func(r read) bool {
			return slices.Contains(notNotice, strings.TrimSuffix(strings.TrimPrefix(r.page.Path, prefix), "/"))
		})
		// The order: the hub, then each section's list page followed by its
		// pages in the order the list links to them, then the other pages by
		// path.
		rank := func(r read) (int, string) {
			rest := strings.TrimPrefix(r.page.Path, prefix)
			if rest == "" {
				return 0, ""
			}
			first, _, _ := strings.Cut(rest, "/")
			if i := slices.Index(sections, first); i >= 0 {
				return 1 + i, first
			}
			return 1 + len(sections), first
		}
		linkOrder := map[string]int{}
		for _, r := range rs {
			if i, sec := rank(r); i >= 1 && i <= len(sections) && r.page.Path == prefix+sec+"/" {
				for j, l := range r.links {
					if _, ok := linkOrder[l]; !ok {
						linkOrder[l] = j
					}
				}
			}
		}
		slices.SortFunc(rs, func(a, b read) int {
			ia, _ := rank(a)
			ib, _ := rank(b)
			if ia != ib {
				return ia - ib
			}
			if ia >= 1 && ia <= len(sections) {
				// The list page first, then its pages as it links to them.
				oa, oka := linkOrder[a.page.Path]
				ob, okb := linkOrder[b.page.Path]
				if strings.Count(a.page.Path, "/") != strings.Count(b.page.Path, "/") {
					return strings.Count(a.page.Path, "/") - strings.Count(b.page.Path, "/")
				}
				switch {
				case oka && okb && oa != ob:
					return oa - ob
				case oka != okb:
					if oka {
						return -1
					}
					return 1
				}
			}
			return strings.Compare(a.page.Path, b.page.Path)
		})
		n := &Notice{Lang: lang}
		for _, r := range rs {
			n.Pages = append(n.Pages, r.page)
		}
		out[lang] = n
	}
	return out, nil
}

// langAttr finds the language of a page in its <html> tag.
var langAttr = regexp.MustCompile(`<html[^>]*\slang="?([A-Za-z-]+)`)

// pageLang returns the language a page's <html> names.
func pageLang(b []byte) string {
	head := b[:min(len(b), 4096)]
	if m := langAttr.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// parseMain parses the page's <main> element only: the header, navigation
// and footer around it are not read. It returns nil for a page without one.
func parseMain(b []byte) (*html.Node, error) {
	start := bytes.Index(b, []byte("<main"))
	end := bytes.LastIndex(b, []byte("</main>"))
	if start < 0 || end < start {
		return nil, nil
	}
	body := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := html.ParseFragment(bytes.NewReader(b[start:end+len("</main>")]), body)
	if err != nil {
		return nil, err
	}
	for _, n := range nodes {
		if m := find(n, atom.Main); m != nil {
			return m, nil
		}
	}
	return nil, nil
}

// find returns the first element of kind a in n, depth first.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// links returns the paths n links to, without fragments, in order.
func links(n *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if h, _, _ := strings.Cut(attr(n, "href"), "#"); strings.HasPrefix(h, "/") {
				out = append(out, h)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// blockElements start a new block; the others are inline.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Details: true,
	atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Caption: true, atom.Summary: true, atom.Ul: true,
}

// textKinds are the elements whose own text keeps their name as its kind;
// text elsewhere is a paragraph.
var textKinds = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Caption: true,
}

// skipped elements hold no text of the notice.
func skipped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Svg, atom.Noscript:
		return true
	}
	_, hidden := attrOK(n, "hidden")
	return hidden
}

func attrOK(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// extractor splits a page's main content into blocks.
type extractor struct {
	blocks []Block
}

// container adds the blocks of n: runs of inline content between its block
// children, and the blocks of those children.
func (e *extractor) container(n *html.Node) {
	kind := "p"
	if textKinds[n.DataAtom] {
		kind = n.Data
	}
	var run strings.Builder
	flush := func() {
		if t := collapse(run.String()); t != "" {
			e.blocks = append(e.blocks, Block{Kind: kind, Cells: []string{t}})
		}
		run.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case skipped(c):
		case c.Type == html.ElementNode && c.DataAtom == atom.Tr:
			flush()
			e.row(c)
		case c.Type == html.ElementNode && blockElements[c.DataAtom]:
			flush()
			e.container(c)
		default:
			text(&run, c)
		}
	}
	flush()
}

// row adds a table row: the text of each cell; a row of header cells only
// (or in <thead>) is a header row.
func (e *extractor) row(tr *html.Node) {
	b := Block{Kind: "tr"}
	header := tr.Parent != nil && tr.Parent.DataAtom == atom.Thead
	allTh := true
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) || skipped(c) {
			continue
		}
		allTh = allTh && c.DataAtom == atom.Th
		var s strings.Builder
		text(&s, c)
		b.Cells = append(b.Cells, collapse(s.String()))
	}
	if len(b.Cells) == 0 {
		return
	}
	if header || allTh {
		b.Kind = "th"
	}
	e.blocks = append(e.blocks, b)
}

// text writes the text of n, blocks inside it separated by spaces.
func text(w *strings.Builder, n *html.Node) {
	switch {
	case skipped(n):
		return
	case n.Type == html.TextNode:
		w.WriteString(n.Data)
		return
	case n.Type == html.ElementNode && (n.DataAtom == atom.Br || blockElements[n.DataAtom]):
		w.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text(w, c)
	}
	if n.Type == html.ElementNode && blockElements[n.DataAtom] {
		w.WriteByte(' ')
	}
}

// collapse collapses runs of white space to one space and trims the ends.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
