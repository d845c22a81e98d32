package register_test

import (
	"io"
	"strings"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/register"
	"github.com/privacy-as-code/ropa/generator/internal/workbook"
)

// TestWhatValidatesFitsTheWorkbook: values at the limits of validate build a
// workbook in both languages; build cannot fail half-way on a cell that
// validate let through. Emoji take two units of a spreadsheet cell each.
func TestWhatValidatesFitsTheWorkbook(t *testing.T) {
	text := func(s string, n int) string {
		return `{ nl = "` + strings.Repeat(s, n) + `", en = "` + strings.Repeat(s, n) + `" }`
	}
	purpose := text("😀", 5000) // 10,000 units of a cell
	r := strings.NewReplacer(
		`name = { nl = "Nieuwsbrief", en = "Newsletter" }`, `name = `+text("n", register.MaxName),
		`summary = { nl = "We sturen een nieuwsbrief.", en = "We send a newsletter." }`, `summary = `+text("s", register.MaxText),
		`purposes = [{ nl = "Nieuws sturen", en = "Sending news" }]`, `purposes = [`+purpose+`, `+purpose+`, `+purpose+`]`,
		`trigger = { nl = "na afmelden", en = "after unsubscribing" }`, `trigger = `+text("t", register.MaxText-2*100),
		`safeguard = "dpf"`, `safeguard = "dpf"`+"\ndetails = "+text("d", register.MaxText),
	)
	dir := testProject(t, "#:schema", "#:schema")
	rewrite(t, dir, "data/activities/newsletter.toml", r.Replace)
	reg, diags := register.Load(dir)
	if errs, _ := diags.Count(); errs > 0 {
		var b strings.Builder
		diag.WriteText(&b, diags)
		t.Fatalf("values at the limits do not validate:\n%s", b.String())
	}
	var a *register.Activity
	for _, x := range reg.Activities {
		if x.ID == "newsletter" {
			a = x
		}
	}
	if a == nil || len(a.Purposes) != 3 || len(a.Summary["en"]) != register.MaxText || len(a.Name["nl"]) != register.MaxName ||
		len(a.Transfers) != 1 || len(a.Transfers[0].Details["en"]) != register.MaxText || len(a.Retention[0].Trigger["nl"]) != register.MaxText-200 {
		t.Fatal("the values at the limits did not reach the register")
	}
	for _, lang := range []string{"nl", "en"} {
		if err := workbook.Encode(io.Discard, reg, workbook.Options{Lang: lang}); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}
