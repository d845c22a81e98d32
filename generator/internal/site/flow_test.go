package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/country"
	"github.com/privacy-as-code/ropa/generator/internal/publish"
	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// flowBox is one box of a data-flow picture as a reader sees it: its bold
// heading, its items, and the label of the arrow into it.
type flowBox struct {
	heading string
	items   []string
	arrow   string
}

// flowPicture is a data-flow picture read back from a page.
type flowPicture struct {
	title, desc string
	from        []flowBox
	center      string
	to          []flowBox
}

// readFlow finds the first data-flow picture (<svg class="flow">) in a page
// and reads it back: a test of what the picture shows, not of how.
func readFlow(t *testing.T, page string) (*flowPicture, bool) {
	t.Helper()
	start := strings.Index(page, `<svg xmlns="http://www.w3.org/2000/svg" class="flow"`)
	if start < 0 {
		return nil, false
	}
	dec := xml.NewDecoder(strings.NewReader(page[start:]))
	p := &flowPicture{}
	var (
		depth      int
		inBox      bool
		box        flowBox
		item       []string
		heading    []string
		pending    []string
		textAttrs  map[string]string
		textBuf    strings.Builder
		element    string
		seenCenter bool
	)
	endItem := func() {
		if len(item) > 0 {
			box.items = append(box.items, strings.Join(item, " "))
			item = nil
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("the picture is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			depth++
			element = tk.Name.Local
			attrs := map[string]string{}
			for _, a := range tk.Attr {
				attrs[a.Name.Local] = a.Value
			}
			if depth == 2 && element == "svg" {
				inBox, box, heading, item = true, flowBox{}, nil, nil
				box.arrow = strings.Join(pending, " ")
				pending = nil
				if attrs["x"] == "8" {
					seenCenter = true
					box.heading = "\x00center"
				}
			}
			if element == "text" || element == "title" || element == "desc" {
				textAttrs = attrs
				textBuf.Reset()
			}
		case xml.CharData:
			textBuf.Write(tk)
		case xml.EndElement:
			s := textBuf.String()
			switch {
			case tk.Name.Local == "title" && depth == 2:
				p.title = s
			case tk.Name.Local == "desc" && depth == 2:
				p.desc = s
			case tk.Name.Local == "text" && inBox:
				switch {
				case textAttrs["font-weight"] == "bold":
					heading = append(heading, s)
				case s == "•":
					endItem()
				default:
					item = append(item, s)
				}
			case tk.Name.Local == "text" && depth == 2 && textAttrs["font-style"] == "italic":
				pending = append(pending, s)
			case tk.Name.Local == "svg" && depth == 2:
				endItem()
				inBox = false
				center := box.heading == "\x00center"
				box.heading = strings.Join(heading, " ")
				switch {
				case center:
					p.center = box.heading
				case seenCenter:
					p.to = append(p.to, box)
				default:
					p.from = append(p.from, box)
				}
			}
			textBuf.Reset()
			depth--
			if depth == 0 {
				return p, true
			}
		}
	}
}

// buildShippedSite builds the repository's own site into a temporary directory.
func buildShippedSite(t *testing.T) (string, error) {
	reg, diags := register.Load(repoRoot)
	if errs, _ := diags.Count(); errs > 0 {
		return "", fmt.Errorf("the shipped register does not load:\n%v", diags)
	}
	public := filepath.Join(t.TempDir(), "public")
	_, err := Build(Options{Root: repoRoot, PublishDir: public, Register: reg})
	return public, err
}

// TestEveryActivityPageHasItsDataFlowPicture reads the picture on every
// public activity page of the shipped register, in both languages, and
// compares what it shows with the records: the categories grouped by their
// source, the activity, each recipient with its country, a box for each
// transfer to the organisation's own storage or to a recipient the activity
// does not list, and on the arrow of each transfer its country and the
// article of its safeguard.
func TestEveryActivityPageHasItsDataFlowPicture(t *testing.T) {
	public, err := buildShippedSite(t)
	if err != nil {
		t.Fatal(err)
	}
	reg, _ := register.Load(repoRoot)
	s, err := publish.Build(reg)
	if err != nil {
		t.Fatal(err)
	}
	def := reg.DefaultLanguage
	checked, transfers := 0, 0
	// A transfer names its recipient by id and its safeguard by position
	// in the view's list of safeguards.
	type viewTransfer struct {
		Recipient string `json:"recipient"`
		Country   string `json:"country"`
		Safeguard int    `json:"safeguard"`
	}
	for _, lang := range []string{"nl", "en"} {
		raw, _ := s.DataJSON(lang)
		var view struct {
			Recipients map[string]struct {
				CountryName string `json:"country_name"`
			} `json:"recipients"`
			// An activity's transfers are positions in the list of all
			// transfers.
			Activities map[string]struct {
				Transfers []int `json:"transfers"`
			} `json:"activities"`
			Transfers  []viewTransfer `json:"transfers"`
			Safeguards []struct {
				Article string `json:"article"`
			} `json:"safeguards"`
		}
		if err := json.Unmarshal(raw, &view); err != nil {
			t.Fatal(err)
		}
		prefix := ""
		if lang != def {
			prefix = lang + "/"
		}
		text := func(tx register.Text) string {
			if s := tx.In(lang, def); s != "" {
				return s
			}
			return tx.In(def, def)
		}
		for _, a := range reg.Activities {
			if !a.IsPublic() {
				continue
			}
			name := filepath.Join(public, prefix+"activities", a.ID, "index.html")
			page, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			p, ok := readFlow(t, string(page))
			if !ok {
				t.Errorf("%s: no data-flow picture", name)
				continue
			}
			checked++
			where := "/" + prefix + "activities/" + a.ID + "/"

			if p.center != text(a.Name) {
				t.Errorf("%s: the center box says %q, want the activity's name %q", where, p.center, text(a.Name))
			}
			if !strings.Contains(p.title, text(a.Name)) {
				t.Errorf("%s: title %q does not name the activity", where, p.title)
			}
			// The categories, each in the box of its source, one box a source.
			boxOf := map[string]string{} // category name -> box heading
			var shown []string
			for _, b := range p.from {
				for _, it := range b.items {
					boxOf[it] = b.heading
					shown = append(shown, it)
				}
			}
			var want []string
			sourceBox := map[string]string{} // source -> box heading
			for _, id := range a.Categories {
				c := reg.Categories[id]
				n := text(c.Name)
				want = append(want, n)
				h, ok := sourceBox[c.Source]
				if !ok {
					sourceBox[c.Source] = boxOf[n]
				} else if boxOf[n] != h {
					t.Errorf("%s: category %q is in box %q, the other %s categories in %q", where, n, boxOf[n], c.Source, h)
				}
			}
			slices.Sort(shown)
			slices.Sort(want)
			if !slices.Equal(shown, want) {
				t.Errorf("%s: the picture shows the categories\n%q\nwant\n%q", where, shown, want)
			}
			if len(p.from) != len(sourceBox) {
				t.Errorf("%s: %d source boxes, want %d (one per source)", where, len(p.from), len(sourceBox))
			}

			// The recipients with their country, then the other transfers.
			var wantTo []string
			for _, id := range a.Recipients {
				wantTo = append(wantTo, reg.Recipients[id].Name.In(lang, def))
			}
			labels := map[string][]string{} // box heading -> what its arrow must say
			var vt []viewTransfer
			for _, i := range view.Activities[a.ID].Transfers {
				vt = append(vt, view.Transfers[i])
			}
			for _, tr := range a.Transfers {
				for _, code := range append([]string{tr.Country}, tr.Countries...) {
					if code == "" {
						continue
					}
					transfers++
					heading := ""
					if tr.Recipient != "" {
						heading = reg.Recipients[tr.Recipient].Name.In(lang, def)
					}
					if !slices.Contains(a.Recipients, tr.Recipient) {
						if heading == "" {
							heading = p.ownStorageHeading(t, where, country.Name(code, lang))
						}
						wantTo = append(wantTo, heading)
					}
					article := ""
					for _, v := range vt {
						if v.Recipient == tr.Recipient && v.Country == code {
							article = view.Safeguards[v.Safeguard].Article
						}
					}
					if article == "" {
						t.Fatalf("%s: the view has no transfer to %s %s", where, tr.Recipient, code)
					}
					labels[heading] = append(labels[heading], country.Name(code, lang), article)
				}
			}
			var gotTo []string
			countryOf := map[string]string{} // recipient name -> its country in words
			for _, id := range a.Recipients {
				countryOf[reg.Recipients[id].Name.In(lang, def)] = view.Recipients[id].CountryName
			}
			for _, b := range p.to {
				if cn, ok := countryOf[b.heading]; ok && (len(b.items) != 1 || !strings.HasSuffix(b.items[0], ", "+cn)) {
					t.Errorf("%s: the box of %q says %q, want its kind and country %q", where, b.heading, b.items, cn)
				}
				gotTo = append(gotTo, b.heading)
				for _, w := range labels[b.heading] {
					if !strings.Contains(b.arrow, w) {
						t.Errorf("%s: the arrow to %q says %q, want it to name %q", where, b.heading, b.arrow, w)
					}
				}
				if len(labels[b.heading]) == 0 && b.arrow != "" {
					t.Errorf("%s: the arrow to %q says %q, but nothing is transferred to it", where, b.heading, b.arrow)
				}
			}
			slices.Sort(gotTo)
			slices.Sort(wantTo)
			if !slices.Equal(gotTo, wantTo) {
				t.Errorf("%s: the picture shows the recipients\n%q\nwant\n%q", where, gotTo, wantTo)
			}
			// The description says what the boxes say.
			for _, w := range append(append(want, wantTo...), text(a.Name)) {
				if !strings.Contains(p.desc, w) {
					t.Errorf("%s: the description does not say %q: %s", where, w, p.desc)
				}
			}
		}
	}
	if checked < 20 || transfers < 4 {
		t.Errorf("checked %d pictures with %d transfers; the shipped register has more", checked, transfers)
	}
}

// ownStorageHeading returns the heading of the box of the organisation's own
// storage in a country: the To box whose only item is the country.
func (p *flowPicture) ownStorageHeading(t *testing.T, where, countryName string) string {
	for _, b := range p.to {
		if len(b.items) == 1 && b.items[0] == countryName && b.arrow != "" {
			return b.heading
		}
	}
	t.Errorf("%s: no box for the own storage in %s", where, countryName)
	return "?"
}

// TestTheHubHasAPictureOfTransfersByCountry reads the hub's picture in both
// languages: one box per country of the transfers, each naming the
// recipients there, with the safeguards on its arrow.
func TestTheHubHasAPictureOfTransfersByCountry(t *testing.T) {
	public, err := buildShippedSite(t)
	if err != nil {
		t.Fatal(err)
	}
	reg, _ := register.Load(repoRoot)
	def := reg.DefaultLanguage
	for _, lang := range []string{"nl", "en"} {
		prefix := ""
		if lang != def {
			prefix = lang + "/"
		}
		page, err := os.ReadFile(filepath.Join(public, prefix+"index.html"))
		if err != nil {
			t.Fatal(err)
		}
		p, ok := readFlow(t, string(page))
		if !ok {
			t.Fatalf("/%s: no picture of the transfers", prefix)
		}
		want := map[string][]string{} // country name -> recipient names
		for _, a := range reg.Activities {
			if !a.IsPublic() {
				continue
			}
			for _, tr := range a.Transfers {
				for _, code := range append([]string{tr.Country}, tr.Countries...) {
					if code == "" {
						continue
					}
					cn := country.Name(code, lang)
					if tr.Recipient != "" {
						if n := reg.Recipients[tr.Recipient].Name.In(lang, def); !slices.Contains(want[cn], n) {
							want[cn] = append(want[cn], n)
						}
					} else if _, ok := want[cn]; !ok {
						want[cn] = nil
					}
				}
			}
		}
		if len(p.to) != len(want) {
			t.Errorf("/%s: %d country boxes, want %d", prefix, len(p.to), len(want))
		}
		for _, b := range p.to {
			names, ok := want[b.heading]
			if !ok {
				t.Errorf("/%s: box %q is not a country of a transfer", prefix, b.heading)
			}
			for _, n := range names {
				if !slices.Contains(b.items, n) && !(len(b.items) == 0 && len(names) == 1) {
					t.Errorf("/%s: the box of %s does not name %q: %q", prefix, b.heading, n, b.items)
				}
			}
			if !strings.Contains(b.arrow, "Art.") && !strings.Contains(b.arrow, "art.") {
				t.Errorf("/%s: the arrow to %s names no safeguard: %q", prefix, b.heading, b.arrow)
			}
		}
		if !bytes.Contains(page, []byte(`role="img" aria-labelledby="flow-transfers-title flow-transfers-desc"`)) {
			t.Errorf("/%s: the picture is not labelled by its title and description", prefix)
		}
	}
}

// TestThePicturesShowHostileNamesAsText gives a recipient and a category
// names with markup, quotes, an ampersand, a right-to-left override and
// great length: the activity page's picture stays well-formed, shows the
// names as text, holds no override, and cuts the long name.
func TestThePicturesShowHostileNamesAsText(t *testing.T) {
	reg := publishtest.Sample()
	reg.Recipients["cloud-host"].Name = register.Name{"": `Cloud"host" <script>alert(1)</script> & Co` + "\u202Eexe.txt"}
	reg.Categories["contact-details"].Name = register.Text{"nl": strings.Repeat("Contactgegevens ", 30), "en": strings.Repeat("Contact details ", 30)}
	b := buildSite(t, hugoTOML, reg)
	for _, page := range []string{"public/activities/account/index.html", "public/en/activities/account/index.html", "public/en/index.html"} {
		content := b.file(page)
		start := strings.Index(content, `<svg xmlns="http://www.w3.org/2000/svg" class="flow"`)
		if start < 0 {
			t.Fatalf("%s: no picture", page)
		}
		svg := content[start : strings.Index(content[start:], "</figure>")+start]
		for _, bad := range []string{"<script", "\u202E", `"host"`} {
			if strings.Contains(svg, bad) {
				t.Errorf("%s: the picture contains %q", page, bad)
			}
		}
		if !strings.Contains(svg, `Cloud&#34;host&#34; &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co`) {
			t.Errorf("%s: the hostile name is not shown as text in the picture:\n%s", page, svg)
		}
		p, _ := readFlow(t, content)
		if page != "public/en/index.html" && !strings.HasSuffix(p.from[0].items[0], "…") {
			t.Errorf("%s: the long category name is not cut: %q", page, p.from[0].items[0])
		}
	}
}

// TestNoInternalFieldReachesThePictures builds the register with canaries in
// every internal field: the pictures are there, and hold no canary.
func TestNoInternalFieldReachesThePictures(t *testing.T) {
	reg, _ := publishtest.WithCanaries()
	b := buildSite(t, hugoTOML, reg)
	pictures := 0
	for _, name := range b.files() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		content := b.file("public/" + name)
		for rest := content; ; {
			i := strings.Index(rest, `<svg xmlns="http://www.w3.org/2000/svg" class="flow"`)
			if i < 0 {
				break
			}
			rest = rest[i:]
			end := strings.Index(rest, "</figure>")
			svg := rest[:end]
			rest = rest[end:]
			pictures++
			if strings.Contains(strings.ToLower(svg), publishtest.Canary) {
				t.Errorf("%s: a picture contains the canary", name)
			}
		}
	}
	// 5 activities and the hub, in two languages.
	if pictures != 12 {
		t.Errorf("%d pictures checked, want 12", pictures)
	}
}
