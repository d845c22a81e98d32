package flowchart

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want []string
	}{
		{"fits", "Contact details", 20, []string{"Contact details"}},
		{"at spaces", "Identification and profile details", 20, []string{"Identification and", "profile details"}},
		{"a long word is cut", "Rechtsbijstandsverzekeringsmaatschappij", 15, []string{"Rechtsbijstands", "verzekeringsmaa", "tschappij"}},
		{"white space and line breaks become one space", "a\n\tb   c", 20, []string{"a b c"}},
		{"bidi controls are removed", "\u202Egnp.exe\u202C name \u2067x\u2069\u200F", 30, []string{"gnp.exe name x"}},
		{"control characters are removed", "a\x00b\x1bc", 10, []string{"abc"}},
		{"empty", "  ", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.in, tt.n)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestClip(t *testing.T) {
	got := clip([]string{"one", "two", "three", "four"}, 3)
	if want := "one|two|thre…"; strings.Join(got, "|") != want {
		t.Errorf("clip = %q, want %q", strings.Join(got, "|"), want)
	}
	if got := clip([]string{"one", "two"}, 3); strings.Join(got, "|") != "one|two" {
		t.Errorf("clip of short text = %q", got)
	}
}

func TestCleanID(t *testing.T) {
	for in, want := range map[string]string{
		"newsletter":       "flow-newsletter",
		`x" onload="alert`: "flow-xonloadalert",
		"Ünïcode_Name 2":   "flow-ncodename2",
		"":                 "flow-",
		"transfers":        "flow-transfers",
	} {
		if got := cleanID(in); got != want {
			t.Errorf("cleanID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestASmallChartExactly pins the markup of a chart with one box on each
// side and a labelled arrow.
func TestASmallChartExactly(t *testing.T) {
	got := SVG(Chart{
		ID: "news", Title: "Data flow: News", Desc: "From you: E-mail. News. Mailer (US).",
		FromCaption: "From", ToCaption: "To",
		From:   []Box{{Heading: "You", Lines: []string{"E-mail"}}},
		Center: "News",
		To:     []Box{{Heading: "Mailer", Lines: []string{"US"}, Arrow: []string{"SCC"}}},
	})
	want := `<svg xmlns="http://www.w3.org/2000/svg" class="flow" role="img" aria-labelledby="flow-news-title flow-news-desc" viewBox="0 0 320 260" width="320" height="260">` +
		`<title id="flow-news-title">Data flow: News</title>` +
		`<desc id="flow-news-desc">From you: E-mail. News. Mailer (US).</desc>` +
		`<defs><marker id="flow-news-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#0b0c0c"/></marker></defs>` +
		`<text x="34" y="23" font-size="14" fill="#0b0c0c">From</text>` +
		`<svg x="34" y="32" width="278" height="56"><rect x="1" y="1" width="276" height="54" rx="4" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/><text x="10" y="23" font-size="15" font-weight="bold" fill="#0b0c0c">You</text><text x="10" y="43" font-size="15" fill="#0b0c0c">E-mail</text></svg>` +
		`<path d="M18 52L34 52" stroke="#0b0c0c" stroke-width="2" fill="none"/>` +
		`<path d="M18 52L18 102" stroke="#0b0c0c" stroke-width="2" fill="none" marker-end="url(#flow-news-arrow)"/>` +
		`<svg x="8" y="104" width="304" height="36"><rect x="1" y="1" width="302" height="34" rx="4" fill="#d2e2f1" stroke="#0b0c0c" stroke-width="2"/><text x="10" y="23" font-size="15" font-weight="bold" fill="#0b0c0c">News</text></svg>` +
		`<text x="34" y="165" font-size="14" fill="#0b0c0c">To</text>` +
		`<text x="38" y="189" font-size="14" font-style="italic" fill="#0b0c0c">SCC</text>` +
		`<svg x="34" y="196" width="278" height="56"><rect x="1" y="1" width="276" height="54" rx="4" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/><text x="10" y="23" font-size="15" font-weight="bold" fill="#0b0c0c">Mailer</text><text x="10" y="43" font-size="15" fill="#0b0c0c">US</text></svg>` +
		`<path d="M18 216L33 216" stroke="#0b0c0c" stroke-width="2" fill="none" stroke-dasharray="5 3" marker-end="url(#flow-news-arrow)"/>` +
		`<path d="M18 140L18 217" stroke="#0b0c0c" stroke-width="2" fill="none"/>` +
		`</svg>`
	if got != want {
		t.Errorf("SVG =\n%s\nwant\n%s", got, want)
	}
}

// TestHostileTextIsEscapedAndClipped draws names with markup, quotes,
// ampersands, bidirectional overrides and great length: the picture stays
// well-formed XML, shows the characters as text, holds no override, and
// cuts each name after three lines with an ellipsis.
func TestHostileTextIsEscapedAndClipped(t *testing.T) {
	long := strings.Repeat("Verwerkersovereenkomst ", 20)
	hostile := `</text></svg><script>alert("x")</script> & 'quoted' "double"`
	rtl := "\u202Etxt.exe\u202C \u2067RTL\u2069 \u200Fmark"
	got := SVG(Chart{
		ID: `a"b<c>`, Title: hostile, Desc: hostile + rtl,
		FromCaption: hostile, ToCaption: long,
		From:   []Box{{Heading: hostile, Lines: []string{long, rtl}}},
		Center: long,
		To:     []Box{{Heading: rtl, Lines: []string{hostile}, Arrow: []string{long, hostile}}},
	})
	for _, bad := range []string{"<script", "</text></svg><script", "\u202E", "\u202C", "\u2067", "\u2069", "\u200F", `id="flow-a"b`} {
		if strings.Contains(got, bad) {
			t.Errorf("the picture contains %q", bad)
		}
	}
	if !strings.Contains(got, `&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;`) {
		t.Errorf("the hostile name is not escaped as text:\n%s", got)
	}
	// Well-formed, and every line of text within its box.
	dec := xml.NewDecoder(strings.NewReader(got))
	texts, ellipses := 0, 0
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inText = tk.Name.Local == "text"
		case xml.CharData:
			if !inText {
				continue
			}
			s := string(tk)
			texts++
			// The widest line is a caption's, across the picture.
			if n := utf8.RuneCountInString(s); n > (width-margin-boxX)*10/(smallSize*6) {
				t.Errorf("a line of %d characters: %q", n, s)
			}
			if strings.HasSuffix(s, "…") {
				ellipses++
			}
		case xml.EndElement:
			inText = false
		}
	}
	// The long name is cut in the source box, the center, the caption and
	// the arrow label.
	if ellipses < 4 {
		t.Errorf("%d texts end with an ellipsis, want at least 4:\n%s", ellipses, got)
	}
	if texts < 10 {
		t.Errorf("only %d lines of text", texts)
	}
}

func TestTheSameChartGivesTheSameBytes(t *testing.T) {
	c := Chart{ID: "x", Title: "T", Center: "C", To: []Box{{Heading: "A"}, {Heading: "B", Arrow: []string{"L"}}}}
	if SVG(c) != SVG(c) {
		t.Error("two drawings of one chart differ")
	}
}
