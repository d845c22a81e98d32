package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// encode writes the workbook of reg to memory.
func encode(t testing.TB, reg *register.Register, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, reg, opts); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

// open reads a workbook back with excelize.
func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// rows returns the cells of a sheet as excelize reads them.
func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	r, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows(%q): %v", sheet, err)
	}
	return r
}

// zipEntries returns the entries of a workbook's zip archive by name.
func zipEntries(t testing.TB, b []byte) (names []string, files map[string]*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	files = map[string]*zip.File{}
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		files[zf.Name] = zf
	}
	return names, files
}

func readEntry(t testing.TB, zf *zip.File) string {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSheetNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want []string
	}{
		{"english", Options{Lang: "en"}, []string{
			"Organisation", "Index", "Controller activities", "Processor activities", "Recipients", "Transfers",
			"Data categories", "Measures", "Cookies", "Completeness", "Legend"}},
		{"ico layout", Options{Lang: "en", Layout: "ico"}, []string{
			"Organisation", "Index", "Controller record (ICO)", "Processor record (ICO)", "Cookies", "Completeness", "Legend"}},
		{"cnil layout", Options{Lang: "en", Layout: "cnil"}, []string{
			"Register", "Index", "analytics", "newsletter", "payroll-service", "sick-leave", "Cookies", "Completeness", "Legend"}},
		{"dutch", Options{Lang: "nl"}, []string{
			"Organisatie", "Index", "Activiteiten verantwoordelijke", "Activiteiten verwerker", "Ontvangers", "Doorgiften",
			"Persoonsgegevens", "Maatregelen", "Cookies", "Volledigheid", "Toelichting"}},
		{"default language of the register", Options{}, []string{
			"Organisatie", "Index", "Activiteiten verantwoordelijke", "Activiteiten verwerker", "Ontvangers", "Doorgiften",
			"Persoonsgegevens", "Maatregelen", "Cookies", "Volledigheid", "Toelichting"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := open(t, encode(t, sampleRegister(), tc.opts))
			if got := f.GetSheetList(); !slices.Equal(got, tc.want) {
				t.Errorf("sheets = %q, want %q", got, tc.want)
			}
			if got := f.GetActiveSheetIndex(); got != 0 {
				t.Errorf("active sheet = %d, want 0", got)
			}
		})
	}
}

func TestUnsupportedLanguage(t *testing.T) {
	err := Encode(io.Discard, sampleRegister(), Options{Lang: "de"})
	want := `workbook: language "de" is not supported; use one of en, nl`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	if err := Encode(io.Discard, nil, Options{}); err == nil || err.Error() != "workbook: no register" {
		t.Errorf("nil register: error = %v", err)
	}
}

func TestRows(t *testing.T) {
	hostileLinkCell := hostileLink
	for _, tc := range []struct {
		name  string
		lang  string
		sheet string
		want  [][]string
	}{
		{"organisation", "en", "Organisation", [][]string{
			{"Item", "Value", "GDPR"},
			{"Organisation", "Voorbeeld & Zonen"},
			{"Controller", "Voorbeeld & Zonen B.V.\nKeizersgracht 1, 1015 AA Amsterdam\nNetherlands (NL)\nE-mail: privacy@voorbeeld.example\nPhone: +31 20 123 4567\nRegistration: KvK 12345678", "Art. 30(1)(a)"},
			{"Joint controller", "Partner GmbH\nHauptstraße 1, 10115 Berlin\nGermany (DE)", "Art. 30(1)(a), 26"},
			{"Arrangement with joint controller", "Partner GmbH\nPartner answers requests.", "Art. 26(2)"},
			{"Representative in the Union", "Not applicable: a controller is established in the EEA", "Art. 30(1)(a), 27"},
			{"Data protection officer", "J. Jansen\nfg@voorbeeld.example", "Art. 30(1)(a), 37"},
			{"Lead supervisory authority", "Autoriteit Persoonsgegevens\nNetherlands (NL)\nWebsite: https://autoriteitpersoonsgegevens.nl", "Art. 56"},
			{"Security in general terms", "We encrypt everything.", "Art. 30(1)(g), 32(1)"},
			{"Date of the record", "2026-03-01", "Art. 30(3)"},
			{"Version of the records", "abc123"},
			{"Version of the privacy notice", "2026.1"},
			{"Language of this workbook", "English (en)"},
			{"Owner of the record", "Privacy office", "Art. 5(2)"},
			{"Number of controller activities", "3", "Art. 30(1)"},
			{"Number of processor activities", "1", "Art. 30(2)"},
		}},
		{"controller activities", "en", "Controller activities", [][]string{
			{"Id", "Name", "Business function", "Responsible entity", "Purposes", "Legal basis", "Law", "Legitimate interest",
				"Legitimate interests assessment", "Art. 9 condition", "Categories of data subjects",
				"Categories of personal data", "Sources", "Categories of recipients",
				"Third countries and international organisations", "Safeguards", "Retention per data category",
				"Technical and organisational measures", "Automated decision-making", "DPIA required", "DPIA status",
				"DPIA link", "Processor contracts", "Consent record", "Systems", "Owner", "Published in the privacy center", "Topic", "Notes"},
			{"analytics", "Analytics", "Not stated", "Voorbeeld & Zonen B.V.", hostileLinkCell + "\n-1+1\nImproving the site", "6(1)(f) legitimate interests", "",
				"A usable site", "@SUM(1+1)", "", "Customers", "Usage data", "Observed",
				hostileLinkCell + " (Other, Netherlands)", "None: every recipient is in the EEA", "", "Usage data: 1 year, 6 months", "Encryption\nTraining",
				"Yes\nLogic: A score\nConsequences: Another price", "Not stated", "", "", "", "", "Not stated", "Product", "Yes"},
			{"newsletter", "Newsletter", "Marketing", "Voorbeeld & Zonen B.V.", "Sending the newsletter", "6(1)(a) consent", "", "", "", "",
				"Customers", "Contact details\nUsage data", "Provided by the data subject\nObserved",
				"MailCo Inc. (Processor, United States)", "United States (US): MailCo Inc.\nJapan (JP): MailCo Inc.",
				"US: EU-US Data Privacy Framework (Art. 45, Decision (EU) 2023/1795) – Certified\nJP: Adequacy decision (Art. 45)",
				"Contact details: 2 years after unsubscribing\nUsage data: 2 years after unsubscribing", "Encryption", "No",
				"Not stated", "", "", "DPA-2025-07", "CRM consent log", "MailCo", "Marketing", "Yes"},
			{"sick-leave", "Sick leave", "Human resources", "Voorbeeld & Zonen B.V.", "Managing sick leave", "6(1)(c) legal obligation",
				"Gatekeeper Improvement Act", "", "", "9(2)(b) employment, social security and social protection law",
				"Employees", "Contact details\nHealth (special category, Art. 9)\nOffences (criminal data, Art. 10)",
				"Provided by the data subject\nReceived from others\nDetails: From the occupational health service",
				"Belastingdienst (Public authority, Netherlands)", "None: every recipient is in the EEA", "",
				"Health: 2 years after recovery\nContact details: For as long as the employment lasts\nOffences: For as long as the employment lasts",
				"Training", "No", "Yes", "Done", "https://intranet.example/dpia/7", "", "", "AFAS\nArbo portal", "HR", "No"},
		}},
		{"controller activities in Dutch, the default language", "nl", "Activiteiten verantwoordelijke", [][]string{
			{"Id", "Naam", "Bedrijfsonderdeel", "Verantwoordelijke entiteit", "Doeleinden", "Rechtsgrond", "Wet", "Gerechtvaardigd belang",
				"Belangenafweging", "Voorwaarde art. 9", "Categorieën betrokkenen", "Categorieën persoonsgegevens",
				"Bronnen", "Categorieën ontvangers", "Derde landen en internationale organisaties", "Waarborgen",
				"Bewaartermijn per categorie", "Technische en organisatorische maatregelen",
				"Geautomatiseerde besluitvorming", "DPIA vereist", "Status DPIA", "Link DPIA",
				"Verwerkersovereenkomsten", "Registratie toestemming", "Systemen", "Eigenaar",
				"Gepubliceerd in het privacycentrum", "Onderwerp", "Notities"},
			{"analytics", "Statistieken", "Niet vermeld", "Voorbeeld & Zonen B.V.", hostileLinkCell + "\n-1+1\nSite verbeteren", "6(1)(f) gerechtvaardigd belang", "",
				"Een bruikbare site", "@SUM(1+1)", "", "Klanten", "Gebruiksgegevens", "Waargenomen",
				hostileLinkCell + " (Overig, Nederland)", "Geen: alle ontvangers zijn in de EER", "", "Gebruiksgegevens: 1 jaar, 6 maanden",
				"Versleuteling\nTraining", "Ja\nLogica: Score\nGevolgen: Andere prijs", "Niet vermeld", "", "", "", "", "Niet vermeld", "Product", "Ja"},
			{"newsletter", "Nieuwsbrief", "Marketing", "Voorbeeld & Zonen B.V.", "Nieuwsbrief sturen", "6(1)(a) toestemming", "", "", "", "",
				"Klanten", "Contactgegevens\nGebruiksgegevens", "Verstrekt door de betrokkene\nWaargenomen",
				"MailCo Inc. (Verwerker, Verenigde Staten)", "Verenigde Staten (US): MailCo Inc.\nJapan (JP): MailCo Inc.",
				"US: EU-VS Data Privacy Framework (art. 45, besluit (EU) 2023/1795) – Gecertificeerd\nJP: Adequaatheidsbesluit (art. 45)",
				"Contactgegevens: 2 jaar na afmelding\nGebruiksgegevens: 2 jaar na afmelding", "Versleuteling", "Nee",
				"Niet vermeld", "", "", "DPA-2025-07", "CRM consent log", "MailCo", "Marketing", "Ja"},
			{"sick-leave", "Ziekteverzuim", "Human resources", "Voorbeeld & Zonen B.V.", "Verzuim begeleiden", "6(1)(c) wettelijke verplichting",
				"Wet verbetering poortwachter", "", "", "9(2)(b) arbeidsrecht, sociale zekerheid en sociale bescherming",
				"Medewerkers", "Contactgegevens\nGezondheid (bijzonder persoonsgegeven, art. 9)\nStrafbare feiten (strafrechtelijk gegeven, art. 10)",
				"Verstrekt door de betrokkene\nOntvangen van anderen\nToelichting: Van de arbodienst",
				"Belastingdienst (Overheidsinstantie, Nederland)", "Geen: alle ontvangers zijn in de EER", "",
				"Gezondheid: 2 jaar na herstel\nContactgegevens: Zolang het dienstverband duurt\nStrafbare feiten: Zolang het dienstverband duurt",
				"Training", "Nee", "Ja", "Afgerond", "https://intranet.example/dpia/7", "", "", "AFAS\nArbo portal", "HR", "Nee"},
		}},
		{"processor activities", "en", "Processor activities", [][]string{
			{"Id", "Name", "Controllers on whose behalf", "Categories of processing", "Categories of data subjects",
				"Categories of personal data", "Categories of recipients", "Third countries and international organisations",
				"Safeguards", "Technical and organisational measures", "Processor contracts", "Systems", "Owner", "Notes"},
			{"payroll-service", "Payroll for clients",
				"Klant A B.V.\nStraat 2, Utrecht\nNetherlands (NL)\nE-mail: a@klant.example\n\nClient B Ltd\n1 Road, London\nUnited Kingdom (GB)",
				"Making payslips", "Employees", "Contact details", "MailCo Inc. (Processor, United States)",
				"United States (US): MailCo Inc.", "US: Standard contractual clauses (Art. 46(2)(c))", "Encryption", "Not stated",
				"Loket", "Payroll"},
		}},
		{"recipients", "en", "Recipients", [][]string{
			{"Id", "Name", "Kind", "Country code", "Country", "EEA or third country", "Description", "Contract reference", "Contact", "Notes"},
			{"evil", hostileLinkCell, "Other", "NL", "Netherlands", "EEA", hostileSum, "", hostilePlus},
			{"mailco", "MailCo Inc.", "Processor", "US", "United States", "Third country", "Sends e-mail", "DPA-2025-07", "dpo@mailco.example"},
			{"tax", "Belastingdienst", "Public authority", "NL", "Netherlands", "EEA", "Payroll tax return", "", "Not stated"},
		}},
		{"transfers", "en", "Transfers", [][]string{
			{"Activity id", "Activity", "Role", "Recipient id", "Recipient", "Country code", "Third country",
				"Safeguard code", "Safeguard", "Adequacy decision", "Details"},
			{"newsletter", "Newsletter", "Controller", "mailco", "MailCo Inc.", "US", "United States", "dpf",
				"EU-US Data Privacy Framework (Art. 45, Decision (EU) 2023/1795)", "", "Certified"},
			{"newsletter", "Newsletter", "Controller", "mailco", "MailCo Inc.", "JP", "Japan", "adequacy",
				"Adequacy decision (Art. 45)", "Commission Implementing Decision (EU) 2019/419 (Japan)"},
			{"payroll-service", "Payroll for clients", "Processor", "mailco", "MailCo Inc.", "US", "United States", "scc",
				"Standard contractual clauses (Art. 46(2)(c))"},
		}},
		{"data categories", "en", "Data categories", [][]string{
			{"Id", "Name", "Description", "Special category (Art. 9)", "Criminal data (Art. 10)", "Source", "Examples"},
			{"contact", "Contact details", "Name and e-mail", "No", "No", "Provided by the data subject", "e-mail address\nname"},
			{"health", "Health", "Sick leave", "Yes", "No", "Provided by the data subject"},
			{"offences", "Offences", "Certificate of conduct", "No", "Yes", "Received from others"},
			{"usage", "Usage data", "Clicks", "No", "No", "Observed"},
		}},
		{"measures", "en", "Measures", [][]string{
			{"Id", "Name", "Kind", "Description"},
			{"encryption", "Encryption", "Technical", "TLS and AES"},
			{"training", "Training", "Organisational", "Yearly"},
		}},
		{"measures in Dutch", "nl", "Maatregelen", [][]string{
			{"Id", "Naam", "Soort", "Omschrijving"},
			{"encryption", "Versleuteling", "Technisch", "TLS en AES"},
			{"training", "Training", "Organisatorisch", "Jaarlijks"},
		}},
		{"cookies", "en", "Cookies", [][]string{
			{"Activity id", "Activity", "Name", "Kind", "Party", "Recipient id", "Recipient name", "Purpose", "Lifetime", "Consent category"},
			{"newsletter", "Newsletter", "nl_open", "Pixel", "Third party", "mailco", "MailCo Inc.", "Measures whether the mail was opened", "PT1H", "Analytics"},
			{"newsletter", "Newsletter", "nl_form", "Cookie", "First party", "", "", "Remembers the form", "session", "Strictly necessary"},
		}},
		{"cookies in Dutch", "nl", "Cookies", [][]string{
			{"Id activiteit", "Activiteit", "Naam", "Soort", "Partij", "Id ontvanger", "Naam ontvanger", "Doel", "Looptijd", "Toestemmingscategorie"},
			{"newsletter", "Nieuwsbrief", "nl_open", "Pixel", "Derde partij", "mailco", "MailCo Inc.", "Meet of de mail is geopend", "PT1H", "Analytisch"},
			{"newsletter", "Nieuwsbrief", "nl_form", "Cookie", "Eigen partij", "", "", "Onthoudt het formulier", "session", "Strikt noodzakelijk"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := open(t, encode(t, sampleRegister(), Options{Lang: tc.lang, Version: "abc123"}))
			got := rows(t, f, tc.sheet)
			for i := range max(len(got), len(tc.want)) {
				var g, w []string
				if i < len(got) {
					g = got[i]
				}
				if i < len(tc.want) {
					w = tc.want[i]
				}
				if !slices.Equal(g, w) {
					t.Errorf("row %d:\n got %q\nwant %q", i+1, g, w)
				}
			}
		})
	}
}

// TestArt30Columns checks that every letter of Art. 30(1) and 30(2) is
// answered by a column or row, and that the legend says which.
func TestArt30Columns(t *testing.T) {
	f := open(t, encode(t, sampleRegister(), Options{Lang: "en"}))
	legend := rows(t, f, "Legend")
	org := rows(t, f, "Organisation")
	for _, tc := range []struct {
		ref    string
		sheet  string
		header string
	}{
		{"Art. 30(1)(a)", "Organisation", "Controller"},
		{"Art. 30(1)(a)", "Organisation", "Data protection officer"},
		{"Art. 30(1)(b)", "Controller activities", "Purposes"},
		{"Art. 30(1)(c)", "Controller activities", "Categories of data subjects"},
		{"Art. 30(1)(c)", "Controller activities", "Categories of personal data"},
		{"Art. 30(1)(d)", "Controller activities", "Categories of recipients"},
		{"Art. 30(1)(e)", "Controller activities", "Third countries and international organisations"},
		{"Art. 30(1)(e)", "Controller activities", "Safeguards"},
		{"Art. 30(1)(f)", "Controller activities", "Retention per data category"},
		{"Art. 30(1)(g)", "Controller activities", "Technical and organisational measures"},
		{"Art. 30(2)(a)", "Processor activities", "Controllers on whose behalf"},
		{"Art. 30(2)(b)", "Processor activities", "Categories of processing"},
		{"Art. 30(2)(c)", "Processor activities", "Third countries and international organisations"},
		{"Art. 30(2)(d)", "Processor activities", "Technical and organisational measures"},
	} {
		t.Run(tc.ref+" "+tc.header, func(t *testing.T) {
			if tc.sheet == "Organisation" {
				i := slices.IndexFunc(org, func(r []string) bool { return r[0] == tc.header })
				if i < 0 || len(org[i]) < 3 || !strings.Contains(org[i][2], tc.ref) {
					t.Errorf("no Organisation row %q answering %s", tc.header, tc.ref)
				}
				return
			}
			if !slices.Contains(rows(t, f, tc.sheet)[0], tc.header) {
				t.Errorf("sheet %q has no column %q", tc.sheet, tc.header)
			}
			i := slices.IndexFunc(legend, func(r []string) bool {
				return len(r) == 4 && r[0] == tc.sheet && r[1] == tc.header && strings.HasPrefix(r[3], tc.ref)
			})
			if i < 0 {
				t.Errorf("legend does not say that %q on %q answers %s", tc.header, tc.sheet, tc.ref)
			}
		})
	}
}

// TestLegendExplainsEveryColumn checks the legend has a row for every column of
// every sheet, in both languages, and a row for every code.
func TestLegendExplainsEveryColumn(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		t.Run(lang, func(t *testing.T) {
			f := open(t, encode(t, sampleRegister(), Options{Lang: lang}))
			legend := rows(t, f, dictionary[lang]["sheet.legend"])
			explained := map[[2]string]bool{}
			for _, r := range legend[1:] {
				if len(r) < 3 || r[2] == "" {
					t.Errorf("legend row without meaning: %q", r)
					continue
				}
				explained[[2]string{r[0], r[1]}] = true
			}
			for _, sheet := range f.GetSheetList() {
				for _, h := range rows(t, f, sheet)[0] {
					if !explained[[2]string{sheet, h}] {
						t.Errorf("column %q of sheet %q is not in the legend", h, sheet)
					}
				}
			}
			n := 0
			for _, l := range codeLists {
				n += len(l.codes)
			}
			codes := 0
			for _, r := range legend {
				if strings.HasPrefix(r[0], "Codes: ") {
					codes++
				}
			}
			if codes != n {
				t.Errorf("legend has %d codes, want %d", codes, n)
			}
		})
	}
}

func TestLayout(t *testing.T) {
	for _, layout := range Layouts {
		t.Run(layout, func(t *testing.T) { testLayout(t, layout) })
	}
}

func testLayout(t *testing.T, layout string) {
	b := encode(t, sampleRegister(), Options{Lang: "en", Layout: layout, Version: "abc123"})
	f := open(t, b)
	_, entries := zipEntries(t, b)
	c := newContent(sampleRegister(), "en", "")
	c.layout = layout
	if layout == "cnil" {
		c.sheetOf = cnilSheetNames(c)
	}
	tables := c.tables()
	if got := f.GetSheetList(); len(got) != len(tables) {
		t.Fatalf("%d sheets, want %d", len(got), len(tables))
	}
	names := map[string]excelize.DefinedName{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+"|"+d.Name] = d
	}
	for i, tc := range tables {
		sheet := c.sheetName(tc)
		t.Run(sheet, func(t *testing.T) {
			body := rows(t, f, sheet)
			n := len(body)
			last, _ := excelize.ColumnNumberToName(len(tc.cols))

			// Header row: bold, filled, wrapped.
			id, err := f.GetCellStyle(sheet, "A1")
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Font == nil || !st.Font.Bold {
				t.Errorf("header is not bold: %+v", st.Font)
			}
			if st.Fill.Type != "pattern" || st.Fill.Pattern != 1 || !slices.Equal(st.Fill.Color, []string{"D9E2F3"}) {
				t.Errorf("header fill = %+v", st.Fill)
			}
			if st.Alignment == nil || !st.Alignment.WrapText {
				t.Errorf("header is not wrapped")
			}
			// Body: wrapped, top-aligned.
			id, err = f.GetCellStyle(sheet, "B2")
			if err != nil {
				t.Fatal(err)
			}
			st, err = f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "top" {
				t.Errorf("body alignment = %+v", st.Alignment)
			}
			if st.Font != nil && st.Font.Bold {
				t.Errorf("body is bold")
			}

			// Frozen header row and id (and name) columns.
			panes, err := f.GetPanes(sheet)
			if err != nil {
				t.Fatal(err)
			}
			top, _ := excelize.CoordinatesToCellName(max(tc.freeze, 1)+1, 2)
			if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != max(tc.freeze, 1) || panes.TopLeftCell != top || panes.ActivePane != "bottomRight" {
				t.Errorf("panes = %+v", panes)
			}
			if tc.freeze == 2 && (body[0][0] != "Id" && body[0][0] != "Activity id" || body[0][1] != "Name" && body[0][1] != "Activity") {
				t.Errorf("frozen columns are %q and %q, want the id and the name", body[0][0], body[0][1])
			}

			// Column widths: fitted to the content, within the column's limit
			// unless a word is longer.
			total := 0.0
			for col, def := range tc.cols {
				name, _ := excelize.ColumnNumberToName(col + 1)
				w, err := f.GetColWidth(sheet, name)
				if err != nil {
					t.Fatal(err)
				}
				total += w
				longest, word := 0, 0
				for j, r := range body {
					switch {
					case j == 0: // the header, bold
						longest = max(longest, longestWord(r[col])+2)
					case col < len(r):
						longest = max(longest, longestLine(r[col])+1)
						word = max(word, longestWord(r[col])+1)
					}
				}
				if w < minWidth || w > max(def.width, min(float64(word), maxWordWidth)) || w > max(float64(longest), minWidth) && w > float64(word) {
					t.Errorf("width of column %s = %v; limit %v, longest line %d, longest word %d", name, w, def.width, longest, word)
				}
			}

			// Autofilter over the whole table.
			xml := readEntry(t, entries["xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"])
			if want := `<autoFilter ref="$A$1:$` + last + `$` + strconv.Itoa(max(n, 2)) + `"`; !strings.Contains(xml, want) {
				t.Errorf("sheet XML has no %s", want)
			}

			// Printing: the header row and the id column on every page, at
			// a fixed scale of at least 80 %.
			quoted := quoteSheet(sheet)
			if d, ok := names[sheet+"|_xlnm.Print_Titles"]; !ok || d.RefersTo != quoted+"!$A:$A,"+quoted+"!$1:$1" {
				t.Errorf("_xlnm.Print_Titles = %+v", d)
			}
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			wantScale := uint(100)
			if total > pageWidth {
				wantScale = 80
			}
			if *pl.Orientation != "landscape" || *pl.Size != 9 || *pl.AdjustTo != wantScale || *pl.PageOrder != "overThenDown" {
				t.Errorf("page layout = %s, size %d, scale %d, order %s; want scale %d", *pl.Orientation, *pl.Size, *pl.AdjustTo, *pl.PageOrder, wantScale)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage != nil && *props.FitToPage {
				t.Errorf("FitToPage is set: the sheet would be shrunk to the page")
			}
			hf, err := f.GetHeaderFooter(sheet)
			if err != nil || hf == nil {
				t.Fatalf("header/footer: %v, %v", hf, err)
			}
			if want := "&L&BRecord of processing activities – Voorbeeld && Zonen&B\nDate of the record: 2026-03-01, version abc123&R&A"; hf.OddHeader != want {
				t.Errorf("page header = %q, want %q", hf.OddHeader, want)
			}
			if want := "&RPage &P of &N"; hf.OddFooter != want {
				t.Errorf("page footer = %q, want %q", hf.OddFooter, want)
			}
		})
	}
}

func TestDocumentProperties(t *testing.T) {
	f := open(t, encode(t, sampleRegister(), Options{Lang: "en", Version: "abc123"}))
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	want := excelize.DocProperties{
		Title:    "Record of processing activities – Voorbeeld & Zonen",
		Subject:  "Record of processing activities under Art. 30 GDPR",
		Creator:  "Voorbeeld & Zonen",
		Keywords: "GDPR; Art. 30; record of processing activities",
		Language: "en",
		Version:  "abc123",
		Created:  "2026-03-01T00:00:00Z",
		Modified: "2026-03-01T00:00:00Z",
	}
	if *props != want {
		t.Errorf("doc props =\n%+v\nwant\n%+v", *props, want)
	}
	app, err := f.GetAppProps()
	if err != nil {
		t.Fatal(err)
	}
	if app.Company != "Voorbeeld & Zonen" || app.Application != "ropa" {
		t.Errorf("app props = %+v", *app)
	}
}

// TestNoClock checks that nothing in the archive comes from the clock: every
// zip entry and every date in the document properties is the record's date,
// and the entries are sorted by name.
func TestNoClock(t *testing.T) {
	b := encode(t, sampleRegister(), Options{Lang: "en"})
	names, entries := zipEntries(t, b)
	if !slices.IsSorted(names) {
		t.Errorf("zip entries are not sorted: %q", names)
	}
	if names[0] != "[Content_Types].xml" {
		t.Errorf("first zip entry = %q", names[0])
	}
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range names {
		if m := entries[name].Modified; !m.Equal(day) {
			t.Errorf("%s: modified %v, want %v", name, m, day)
		}
	}
	stamp := regexp.MustCompile(`\d{4}-\d\d-\d\dT[\d:.]+Z?`)
	for _, name := range []string{"docProps/core.xml", "docProps/app.xml"} {
		for _, s := range stamp.FindAllString(readEntry(t, entries[name]), -1) {
			if s != "2026-03-01T00:00:00Z" {
				t.Errorf("%s holds time %s", name, s)
			}
		}
	}
	if app := readEntry(t, entries["docProps/app.xml"]); strings.Contains(app, "TotalTime>") && !strings.Contains(app, "<TotalTime>0</TotalTime>") {
		t.Errorf("app.xml has an editing time: %s", app)
	}
}

func TestDeterministic(t *testing.T) {
	first := encode(t, sampleRegister(), Options{Lang: "en", Version: "abc"})
	for _, tc := range []struct {
		name string
		reg  func() *register.Register
	}{
		{"same register", sampleRegister},
		{"activities in another order", func() *register.Register {
			reg := sampleRegister()
			slices.Reverse(reg.Activities)
			return reg
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 3 {
				if again := encode(t, tc.reg(), Options{Lang: "en", Version: "abc"}); !bytes.Equal(first, again) {
					t.Fatalf("two writes differ (%d and %d bytes)", len(first), len(again))
				}
			}
		})
	}
	if other := encode(t, sampleRegister(), Options{Lang: "en", Version: "def"}); bytes.Equal(first, other) {
		t.Errorf("the version does not change the workbook")
	}
}

func TestFormulaInjection(t *testing.T) {
	b := encode(t, sampleRegister(), Options{Lang: "en"})
	f := open(t, b)
	for _, tc := range []struct {
		sheet, cell, want string
	}{
		{"Controller activities", "E2", hostileLink + "\n" + hostileSum + "\nImproving the site"},
		{"Controller activities", "I2", hostileAt},
		{"Controller activities", "N2", hostileLink + " (Other, Netherlands)"},
		{"Recipients", "B2", hostileLink},
		{"Recipients", "G2", hostileSum},
		{"Recipients", "I2", hostilePlus},
	} {
		t.Run(tc.sheet+"!"+tc.cell, func(t *testing.T) {
			if formula, err := f.GetCellFormula(tc.sheet, tc.cell); err != nil || formula != "" {
				t.Errorf("formula = %q, %v", formula, err)
			}
			if typ, err := f.GetCellType(tc.sheet, tc.cell); err != nil || typ != excelize.CellTypeInlineString {
				t.Errorf("type = %v, %v; want inline string", typ, err)
			}
			if v, err := f.GetCellValue(tc.sheet, tc.cell); err != nil || v != tc.want {
				t.Errorf("value = %q, %v; want %q", v, err, tc.want)
			}
			id, err := f.GetCellStyle(tc.sheet, tc.cell)
			if err != nil {
				t.Fatal(err)
			}
			xf := f.Styles.CellXfs.Xf[id]
			if xf.QuotePrefix == nil || !*xf.QuotePrefix {
				t.Errorf("style %d has no quotePrefix", id)
			}
		})
	}
	names, entries := zipEntries(t, b)
	for _, name := range names {
		if strings.HasPrefix(name, "xl/worksheets/") && strings.Contains(readEntry(t, entries[name]), "<f>") {
			t.Errorf("%s holds a formula", name)
		}
	}
}

func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		name     string
		existing string // content of the file before the write, "" for none
		opts     Options
		wantErr  string
		wantOld  bool // the existing file is untouched
	}{
		{name: "new file", opts: Options{Lang: "en"}},
		{name: "replaces a file", existing: "old", opts: Options{Lang: "en"}},
		{name: "failure leaves no file", opts: Options{Lang: "de"},
			wantErr: `workbook: language "de" is not supported; use one of en, nl`},
		{name: "failure keeps the existing file", existing: "old", opts: Options{Lang: "de"},
			wantErr: `workbook: language "de" is not supported; use one of en, nl`, wantOld: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "ropa.xlsx")
			if tc.existing != "" {
				if err := os.WriteFile(path, []byte(tc.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := Write(path, sampleRegister(), tc.opts)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("Write: %v", err)
			}
			if tc.wantErr != "" && (err == nil || err.Error() != tc.wantErr) {
				t.Fatalf("Write: error %v, want %s", err, tc.wantErr)
			}
			var want []string
			if tc.existing != "" || tc.wantErr == "" {
				want = []string{"ropa.xlsx"}
			}
			if got := dirNames(t, dir); !slices.Equal(got, want) {
				t.Errorf("directory holds %q, want %q", got, want)
			}
			got, _ := os.ReadFile(path)
			switch {
			case tc.wantOld && string(got) != tc.existing:
				t.Errorf("existing file changed to %d bytes", len(got))
			case tc.wantErr == "" && !bytes.Equal(got, encode(t, sampleRegister(), tc.opts)):
				t.Errorf("file differs from Encode's output")
			}
			if tc.wantErr == "" {
				fi, err := os.Stat(path)
				if err != nil || fi.Mode().Perm() != 0o644 {
					t.Errorf("mode = %v, %v", fi.Mode(), err)
				}
			}
		})
	}
	t.Run("creates the directory", func(t *testing.T) {
		dir := t.TempDir()
		if err := Write(filepath.Join(dir, "export", "ropa.xlsx"), sampleRegister(), Options{}); err != nil {
			t.Fatal(err)
		}
		if got := dirNames(t, filepath.Join(dir, "export")); !slices.Equal(got, []string{"ropa.xlsx"}) {
			t.Errorf("directory holds %q", got)
		}
	})
	t.Run("directory cannot be made", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "export"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		err := Write(filepath.Join(dir, "export", "ropa.xlsx"), sampleRegister(), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), "workbook: mkdir ") {
			t.Errorf("error = %v", err)
		}
		if got := dirNames(t, dir); !slices.Equal(got, []string{"export"}) {
			t.Errorf("directory holds %q", got)
		}
	})
	t.Run("failure while writing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "ropa.xlsx")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		reg := sampleRegister()
		reg.Activities[0].Purposes = register.PurposesOf(register.Text{"": strings.Repeat("x", 40000)})
		err := Write(path, reg, Options{Lang: "en"})
		want := `workbook: sheet "Controller activities": cell E4 (row of "sick-leave"): 40000 characters, more than the 32767 a spreadsheet cell holds`
		if err == nil || err.Error() != want {
			t.Errorf("error = %v\nwant %s", err, want)
		}
		if got, _ := os.ReadFile(path); string(got) != "old" {
			t.Errorf("existing file changed")
		}
		if got := dirNames(t, dir); !slices.Equal(got, []string{"ropa.xlsx"}) {
			t.Errorf("directory holds %q", got)
		}
	})
}

func TestCheckLength(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    string
		want string
	}{
		{"short", "abc", ""},
		{"at the limit", strings.Repeat("x", 32767), ""},
		{"over the limit", strings.Repeat("x", 32768), "32768 characters, more than the 32767 a spreadsheet cell holds"},
		{"multi-byte letters count once", strings.Repeat("é", 32767), ""},
		{"emoji count twice", strings.Repeat("😀", 16384), "32768 characters, more than the 32767 a spreadsheet cell holds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if err := checkLength(tc.s); err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("checkLength = %q, want %q", got, tc.want)
			}
		})
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}
