package workbook

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/testtool"
	"time"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// csvFilter makes LibreOffice (7.2 and later) write every sheet as UTF-8 CSV,
// comma-separated and double-quoted, to <name>-<sheet>.csv.
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// libreOffice returns the LibreOffice binary.
func libreOffice(t *testing.T) string {
	t.Helper()
	return testtool.Find(t, "LibreOffice", "apt-get install -y --no-install-recommends libreoffice-calc", "soffice", "libreoffice")
}

// TestLibreOffice opens workbooks with LibreOffice, exports every sheet to CSV
// and compares the CSVs with what was written and with the records.
func TestLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	if testing.Short() && !testtool.Required() {
		t.Skip("slow: starts LibreOffice")
	}
	dir := t.TempDir()
	cases := []struct {
		name string
		reg  *register.Register
		lang string
	}{
		{"sample-en", sampleRegister(), "en"},
		{"sample-nl", sampleRegister(), "nl"},
		{"generated-en", synthRegister(300), "en"},
		{"shipped-nl", shippedRegister(t), "nl"},
		{"shipped-en", shippedRegister(t), "en"},
		{"history-nl", sampleRegister(), "nl"}, // with a history from git: dates and the Changes sheet
	}
	var inputs []string
	for _, tc := range cases {
		p := filepath.Join(dir, tc.name+".xlsx")
		opts := Options{Lang: tc.lang, Version: "abc123"}
		if strings.HasPrefix(tc.name, "history-") {
			opts.History = sampleHistory()
		}
		if err := Write(p, tc.reg, opts); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, p)
	}

	// One LibreOffice run converts all workbooks; it has its own profile so it
	// neither needs nor touches the user's.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "csv")
	args := append([]string{
		"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", csvFilter, "--outdir", out,
	}, inputs...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", soffice, err, b)
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.name+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, b)
			sheets := map[string][][]string{}
			for _, sheet := range f.GetSheetList() {
				got := readCSV(t, filepath.Join(out, tc.name+"-"+sheet+".csv"))
				sheets[sheet] = got
				// LibreOffice reads every cell as written: text stays text.
				want := rows(t, f, sheet)
				if len(got) != len(want) {
					t.Errorf("%s: LibreOffice has %d rows, excelize %d", sheet, len(got), len(want))
				}
				for i := range min(len(got), len(want)) {
					if !slices.Equal(got[i], want[i]) {
						t.Errorf("%s row %d:\nLibreOffice %q\n   excelize %q", sheet, i+1, got[i], want[i])
					}
				}
			}
			checkRecords(t, tc.reg, tc.lang, sheets)
			if strings.HasPrefix(tc.name, "history-") {
				// The Changes sheet as LibreOffice reads it: a header and
				// one row per change, the dates as text.
				got := sheets[dictionary[tc.lang]["sheet.changes"]]
				if len(got) != 4 || !slices.Equal(got[2], []string{"2026-03-01", "4b8d2bb", "3", "newsletter", "activity newsletter: Newsletter", "new recipient click-stats (ClickStats Ltd)", "materieel"}) {
					t.Errorf("LibreOffice's Changes sheet: %q", got)
				}
			}
			if strings.HasPrefix(tc.name, "sample-") {
				// Text that looks like a formula is shown as written.
				r := sheets[dictionary[tc.lang]["sheet.recipients"]][1]
				if want := []string{"evil", hostileLink}; !slices.Equal(r[:2], want) || r[6] != hostileSum || r[8] != hostilePlus {
					t.Errorf("LibreOffice shows %q, want %q, %q and %q as text", r, hostileLink, hostileSum, hostilePlus)
				}
			}
		})
	}
}

// checkRecords compares the sheets, as LibreOffice exported them, with the
// records: one row per activity with its id, name and legal basis, and one
// row per recipient, transfer, data category and measure.
func checkRecords(t *testing.T, reg *register.Register, lang string, sheets map[string][][]string) {
	t.Helper()
	w := dictionary[lang]
	basis := map[string]string{
		"en|consent": "6(1)(a) consent", "en|contract": "6(1)(b) contract",
		"en|legal-obligation": "6(1)(c) legal obligation", "en|vital-interests": "6(1)(d) vital interests",
		"en|public-task": "6(1)(e) public task", "en|legitimate-interests": "6(1)(f) legitimate interests",
		"nl|consent": "6(1)(a) toestemming", "nl|contract": "6(1)(b) overeenkomst",
		"nl|legal-obligation": "6(1)(c) wettelijke verplichting", "nl|vital-interests": "6(1)(d) vitale belangen",
		"nl|public-task":          "6(1)(e) taak van algemeen belang of openbaar gezag",
		"nl|legitimate-interests": "6(1)(f) gerechtvaardigd belang",
	}
	acts := slices.Clone(reg.Activities)
	slices.SortFunc(acts, func(a, b *register.Activity) int {
		if a.ID < b.ID {
			return -1
		}
		return 1
	})
	var controller, processor []*register.Activity
	transfers := 0
	for _, a := range acts {
		if a.Role == "processor" {
			processor = append(processor, a)
		} else {
			controller = append(controller, a)
		}
		for _, tr := range a.Transfers {
			transfers += len(tr.Where()) // a row per country
		}
	}
	for _, tc := range []struct {
		sheet string
		acts  []*register.Activity
	}{{"sheet.controller", controller}, {"sheet.processor", processor}} {
		got := sheets[w[tc.sheet]]
		if len(got) != len(tc.acts)+1 {
			t.Errorf("%s: %d rows, want %d activities and a header", w[tc.sheet], len(got), len(tc.acts))
			continue
		}
		for i, a := range tc.acts {
			r := got[i+1]
			if r[0] != a.ID || r[1] != a.Name.In(lang, reg.DefaultLanguage) {
				t.Errorf("%s row %d: %q %q, want %q %q", w[tc.sheet], i+2, r[0], r[1], a.ID, a.Name[lang])
			}
			// One basis when every purpose has it, else "purpose → basis"
			// for each purpose, one per line.
			want := ""
			if bases := a.LegalBases(); len(bases) == 1 {
				want = basis[lang+"|"+bases[0]]
			} else {
				var ls []string
				for j := range a.Purposes {
					p := a.Resolved(j)
					ls = append(ls, p.Purpose.In(lang, reg.DefaultLanguage)+" → "+basis[lang+"|"+p.LegalBasis])
				}
				want = strings.Join(ls, "\n")
			}
			if tc.sheet == "sheet.controller" && r[5] != want {
				t.Errorf("%s row %d: legal basis %q, want %q", w[tc.sheet], i+2, r[5], want)
			}
		}
	}
	for _, tc := range []struct {
		sheet string
		want  int
	}{
		{"sheet.recipients", len(reg.Recipients)},
		{"sheet.transfers", transfers},
		{"sheet.categories", len(reg.Categories)},
		{"sheet.measures", len(reg.Measures)},
	} {
		if got := len(sheets[w[tc.sheet]]) - 1; got != tc.want {
			t.Errorf("%s: %d rows, want %d", w[tc.sheet], got, tc.want)
		}
	}
	org := sheets[w["sheet.organisation"]]
	wantCounts := []string{strconv.Itoa(len(controller)), strconv.Itoa(len(processor))}
	if n := len(org); n < 3 || !slices.Equal([]string{org[n-2][1], org[n-1][1]}, wantCounts) {
		t.Errorf("organisation: activity counts are not %q", wantCounts)
	}
}

// readCSV reads a CSV export, without the empty cells at the end of each row
// (LibreOffice writes every column of the used range).
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatalf("LibreOffice wrote no CSV: %v", err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for i, rec := range recs {
		for len(rec) > 0 && rec[len(rec)-1] == "" {
			rec = rec[:len(rec)-1]
		}
		recs[i] = rec
	}
	return recs
}
