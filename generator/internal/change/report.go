package change

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Report is the outcome of a comparison, ready to print.
type Report struct {
	From, To    string // the revisions compared, as given; To "" is the working tree
	FromNote    string // said after From, e.g. how it was chosen
	Lang        string // the language to describe changes in
	DefaultLang string // the site's default language
	Changes     []Change
}

// Material reports whether any change is material.
func (r *Report) Material() int {
	n := 0
	for _, c := range r.Changes {
		if c.Material {
			n++
		}
	}
	return n
}

// summary is the one line that opens every format.
func (r *Report) summary(quote func(string) string) string {
	from, to := quote(r.From)+r.FromNote, map[string]string{"nl": "de werkmap", "en": "the working tree"}[r.Lang]
	if r.To != "" {
		to = quote(r.To)
	}
	if len(r.Changes) == 0 {
		return fmt.Sprintf(map[string]string{
			"en": "No changes to the register from %s to %s.",
			"nl": "Geen wijzigingen in het register van %s naar %s.",
		}[r.Lang], from, to)
	}
	changes := plural(len(r.Changes), map[string][2]string{"en": {"change", "changes"}, "nl": {"wijziging", "wijzigingen"}}[r.Lang])
	return fmt.Sprintf(map[string]string{
		"en": "Changes to the register from %s to %s: %s, %d material.",
		"nl": "Wijzigingen in het register van %s naar %s: %s, %d materieel.",
	}[r.Lang], from, to, changes, r.Material())
}

func plural(n int, w [2]string) string {
	if n == 1 {
		return "1 " + w[0]
	}
	return fmt.Sprintf("%d %s", n, w[1])
}

// groups splits the changes by record, keeping their order.
func (r *Report) groups() [][]Change {
	var out [][]Change
	for i, c := range r.Changes {
		if i == 0 || c.Record != r.Changes[i-1].Record {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], c)
	}
	return out
}

// WriteText writes the report for a terminal: a summary, then each record's
// changes, indented, with their class.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	b.WriteString(r.summary(func(s string) string { return s }) + "\n")
	width := max(len(extra[r.Lang]["material"]), len(extra[r.Lang]["editorial"]))
	for _, g := range r.groups() {
		b.WriteString("\n" + g[0].Heading(r.Lang, r.DefaultLang) + "\n")
		for _, c := range g {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, c.Class(r.Lang), c.Describe(r.Lang, r.DefaultLang))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the report as a pull-request comment: a summary line,
// then a table per record.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString(r.summary(func(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }) + "\n")
	head := map[string]string{"en": "| Change | Class |\n| --- | --- |\n", "nl": "| Wijziging | Soort |\n| --- | --- |\n"}[r.Lang]
	for _, g := range r.groups() {
		b.WriteString("\n### " + cell(g[0].Heading(r.Lang, r.DefaultLang)) + "\n\n" + head)
		for _, c := range g {
			class := c.Class(r.Lang)
			if c.Material {
				class = "**" + class + "**"
			}
			fmt.Fprintf(&b, "| %s | %s |\n", cell(c.Describe(r.Lang, r.DefaultLang)), class)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell escapes what would break a Markdown table cell or start markup.
func cell(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`)
	return r.Replace(s)
}

// WriteJSON writes the changes as a JSON array, each with its description
// in the report's language; the array is empty when nothing changed.
func (r *Report) WriteJSON(w io.Writer) error {
	type jsonChange struct {
		Change
		Description string `json:"description"`
	}
	out := make([]jsonChange, len(r.Changes))
	for i, c := range r.Changes {
		out[i] = jsonChange{c, c.Describe(r.Lang, r.DefaultLang)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
