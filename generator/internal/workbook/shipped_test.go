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
