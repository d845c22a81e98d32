package workbook

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/diag"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// projectRoot is the root of the project, which holds the shipped register.
var projectRoot = filepath.Join("..", "..", "..")

// shippedRegister loads the register shipped in data/; it must load without errors.
func shippedRegister(t testing.TB) *register.Register {
	t.Helper()
	reg, diags := register.Load(projectRoot)
	if errs, _ := diags.Count(); errs > 0 {
		var b bytes.Buffer
		_ = diag.WriteText(&b, diags)
		t.Fatalf("the shipped register has %d errors:\n%s", errs, b.String())
	}
	return reg
}

// TestShippedRegister writes the workbook of the shipped register in every
// language: one row per activity, reference sheets complete, byte-identical
// when written twice.
func TestShippedRegister(t *testing.T) {
	reg := shippedRegister(t)
	if len(reg.Activities) == 0 {
		t.Fatal("the shipped register has no activities")
	}
	for _, lang := range languages {
		t.Run(lang, func(t *testing.T) {
			b := encode(t, reg, Options{Lang: lang, Version: "test"})
			if again := encode(t, reg, Options{Lang: lang, Version: "test"}); !bytes.Equal(b, again) {
				t.Errorf("two writes differ")
			}
			for _, layout := range Layouts[1:] {
				one := encode(t, reg, Options{Lang: lang, Version: "test", Layout: layout})
				if again := encode(t, reg, Options{Lang: lang, Version: "test", Layout: layout}); !bytes.Equal(one, again) {
					t.Errorf("%s layout: two writes differ", layout)
				}
			}
			f := open(t, b)
			sheets := map[string][][]string{}
			for _, s := range f.GetSheetList() {
				sheets[s] = rows(t, f, s)
			}
			checkRecords(t, reg, lang, sheets)
			t.Logf("%s: %d bytes, %d activities", lang, len(b), len(reg.Activities))
		})
	}
}

// TestInternalNotesReachTheWorkbook: the internal notes of activities and
// recipients, kept off the public site, are in the regulator's record.
func TestInternalNotesReachTheWorkbook(t *testing.T) {
	reg := shippedRegister(t)
	f := open(t, encode(t, reg, Options{Lang: "en"}))
	want := map[string]string{}
	for _, a := range reg.Activities {
		if a.Role == "controller" && a.Internal != nil && a.Internal.Notes != "" {
			want["activity "+a.ID] = a.Internal.Notes
		}
	}
	for id, r := range reg.Recipients {
		if r.Internal != nil && r.Internal.Notes != "" {
			want["recipient "+id] = r.Internal.Notes
		}
	}
	if len(want) < 2 {
		t.Fatalf("the shipped register has %d internal notes; the test needs some", len(want))
	}
	got := map[string]string{}
	for _, sheet := range []struct{ name, kind string }{{"Controller activities", "activity "}, {"Recipients", "recipient "}} {
		rs := rows(t, f, sheet.name)
		notes := len(rs[0]) - 1
		if rs[0][notes] != "Notes" {
			t.Fatalf("%s: the last column is %q, want Notes", sheet.name, rs[0][notes])
		}
		for _, r := range rs[1:] {
			if len(r) > notes && r[notes] != "" {
				got[sheet.kind+r[0]] = r[notes]
			}
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: notes cell %q, want %q", k, got[k], v)
		}
	}
}
