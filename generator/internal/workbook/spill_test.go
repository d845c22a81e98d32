package workbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSpillFindsTheStreamBuffer: excelize's stream writer still has the
// shape spill reaches through reflection. Should an upgrade change it, the
// workbook is written as before, whole in memory, and this test says so.
func TestSpillFindsTheStreamBuffer(t *testing.T) {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if _, err := f.NewSheet("Two"); err != nil {
		t.Fatal(err)
	}
	var z sortedZip
	for _, tc := range []struct{ sheet, entry string }{{"Sheet1", "xl/worksheets/sheet1.xml"}, {"Two", "xl/worksheets/sheet2.xml"}} {
		sw, err := f.NewStreamWriter(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		s := newSpill(f, sw, &z)
		if s == nil {
			t.Fatalf("%s: spill cannot reach excelize's stream buffer: the sheets of a large register wait whole in memory", tc.sheet)
		}
		if s.name != tc.entry {
			t.Errorf("%s: entry %q, want %q", tc.sheet, s.name, tc.entry)
		}
		if err := sw.SetRow("A1", []any{"x"}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(s.buf.Bytes(), []byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`)) {
			t.Errorf("%s: the buffer found does not hold the row written: %q", tc.sheet, s.buf.String())
		}
	}
}

// TestSpillKeepsTheBytes: with spill, the workbook of 1,000 generated
// activities is the same, byte for byte, as when excelize holds each sheet
// whole, in every layout (the cnil layout of 100: a sheet per activity
// takes excelize half a minute at 1,000); and spill did move rows.
func TestSpillKeepsTheBytes(t *testing.T) {
	large, small := synthRegister(1000), synthRegister(100)
	for _, layout := range Layouts {
		t.Run(layout, func(t *testing.T) {
			reg := large
			if layout == "cnil" {
				reg = small
			}
			opts := Options{Lang: "nl", Layout: layout, Version: "abc1234"}
			var whole, spilled bytes.Buffer
			if _, err := encodeBook(&whole, reg, opts, false); err != nil {
				t.Fatal(err)
			}
			moved, err := encodeBook(&spilled, reg, opts, true)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(whole.Bytes(), spilled.Bytes()) {
				t.Errorf("the workbook differs with spill: %d bytes, %d without", spilled.Len(), whole.Len())
			}
			if layout != "cnil" && moved == 0 {
				t.Errorf("spill moved nothing")
			}
			t.Logf("%d bytes, %d bytes of XML moved while the rows were written", spilled.Len(), moved)
		})
	}
}
