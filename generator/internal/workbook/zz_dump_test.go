package workbook

import (
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("WB_DUMP")
	if dir == "" {
		t.Skip()
	}
	reg := shippedRegister(t)
	for _, l := range Layouts {
		if err := Write(dir+"/"+l+".xlsx", reg, Options{Lang: "en", Layout: l, Version: "abc123"}); err != nil {
			t.Fatal(err)
		}
	}
}
