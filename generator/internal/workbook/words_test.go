package workbook

import (
	"slices"
	"testing"
)

// TestWordsComplete checks that every language has the same words, and a
// header and an explanation for every column and words for every code.
func TestWordsComplete(t *testing.T) {
	if got := slices.Sorted(func(yield func(string) bool) {
		for lang := range dictionary {
			if !yield(lang) {
				return
			}
		}
	}); !slices.Equal(got, languages) {
		t.Errorf("dictionary languages = %q, want %q", got, languages)
	}
	en := dictionary["en"]
	for _, lang := range languages {
		w := dictionary[lang]
		for key := range en {
			if w[key] == "" {
				t.Errorf("%s: no word for %q", lang, key)
			}
		}
		for key := range w {
			if _, ok := en[key]; !ok {
				t.Errorf("%s: word %q is not in en", lang, key)
			}
		}
		var tables []table
		for _, layout := range Layouts {
			c := newContent(sampleRegister(), lang, "")
			c.layout = layout
			if layout == "cnil" {
				c.sheetOf = cnilSheetNames(c)
			}
			tables = append(tables, c.tables()...)
		}
		tables = append(tables, table{sheet: "sheet.cnil", cols: append(cnilControllerItems, cnilProcessorItems...)})
		for _, tb := range tables {
			if tb.name != "" {
				continue // a CNIL activity sheet, named after its activity
			}
			if _, ok := w[tb.sheet]; !ok {
				t.Errorf("%s: no sheet name %q", lang, tb.sheet)
			}
			if n := len([]rune(w[tb.sheet])); n > 31 {
				t.Errorf("%s: sheet name %q is %d characters; a sheet name holds 31", lang, w[tb.sheet], n)
			}
			for _, col := range tb.cols {
				for _, key := range []string{"h." + col.key, "d." + col.of()} {
					if _, ok := w[key]; !ok {
						t.Errorf("%s: no word for %q", lang, key)
					}
				}
			}
		}
		for _, l := range codeLists {
			for _, c := range l.codes {
				if _, ok := w[l.prefix+c.value]; !ok {
					t.Errorf("%s: no word for code %q", lang, l.prefix+c.value)
				}
			}
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		lang, period, want string
	}{
		{"en", "P7Y", "7 years"},
		{"en", "P1Y", "1 year"},
		{"en", "P1Y6M", "1 year, 6 months"},
		{"en", "P18M", "18 months"},
		{"en", "P2W", "2 weeks"},
		{"en", "P1D", "1 day"},
		{"en", "P1M2W3D", "1 month, 2 weeks, 3 days"},
		{"nl", "P7Y", "7 jaar"},
		{"nl", "P1Y6M", "1 jaar, 6 maanden"},
		{"nl", "P30D", "30 dagen"},
		{"nl", "P1W", "1 week"},
		{"en", "P", "P"},
		{"en", "P5", "P5"},
		{"en", "PT5H", "PT5H"},
		{"en", "7 years", "7 years"},
		{"en", "PY", "PY"},
	} {
		t.Run(tc.lang+" "+tc.period, func(t *testing.T) {
			c := newContent(sampleRegister(), tc.lang, "")
			if got := c.period(tc.period); got != tc.want {
				t.Errorf("period(%q) = %q, want %q", tc.period, got, tc.want)
			}
		})
	}
}

func TestHeaderText(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"Klankwolk", 20, "Klankwolk"},
		{"Geluid & Gezondheid", 30, "Geluid && Gezondheid"},
		{"abcdef", 3, "abc"},
		{"ab&cd", 3, "ab"}, // an escaped & takes two units and does not fit
		{"ab&cd", 4, "ab&&"},
		{"😀😀", 3, "😀"}, // an emoji takes two UTF-16 units
	} {
		if got := headerText(tc.s, tc.n); got != tc.want {
			t.Errorf("headerText(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
	if got, want := quoteSheet("Ben's sheet"), "'Ben''s sheet'"; got != want {
		t.Errorf("quoteSheet = %q, want %q", got, want)
	}
}
