package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestSortedZip(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	z := newSortedZip(&buf, day)
	for _, e := range []struct{ name, content string }{
		{"xl/b.xml", strings.Repeat("<b/>", 100000)},
		{"[Content_Types].xml", "types"},
		{"empty.xml", ""},
	} {
		w, err := z.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e.content); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.AddFS(fstest.MapFS{"docProps/app.xml": {Data: []byte("app")}}); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}

	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, content string }{
		{"[Content_Types].xml", "types"},
		{"docProps/app.xml", "app"},
		{"empty.xml", ""},
		{"xl/b.xml", strings.Repeat("<b/>", 100000)},
	}
	if len(zr.File) != len(want) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(want))
	}
	for i, zf := range zr.File {
		if zf.Name != want[i].name {
			t.Errorf("entry %d = %q, want %q", i, zf.Name, want[i].name)
		}
		if !zf.Modified.Equal(day) {
			t.Errorf("%s: modified %v, want %v", zf.Name, zf.Modified, day)
		}
		if got := readEntry(t, zf); got != want[i].content {
			t.Errorf("%s: %d bytes, want %d", zf.Name, len(got), len(want[i].content))
		}
	}
}

func TestSortedZipWriteAfterNextEntry(t *testing.T) {
	z := newSortedZip(io.Discard, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	first, _ := z.Create("a")
	if _, err := z.Create("b"); err != nil {
		t.Fatal(err)
	}
	_, err := first.Write([]byte("late"))
	if want := "workbook: zip: write to an entry after the next was created"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestSortedZipBegin: an entry begun before it is created holds what was
// written to it in both steps, and the archive is byte for byte the one
// written with the entry created at once, whatever the cut.
func TestSortedZipBegin(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var content strings.Builder
	for i := range 60000 {
		fmt.Fprintf(&content, "<row r=\"%d\"><c><v>%d</v></c></row>", i, i*i%977)
	}
	text := content.String() // 2.5 MB, many deflate blocks
	write := func(cut int) []byte {
		var buf bytes.Buffer
		z := newSortedZip(&buf, day)
		if cut >= 0 {
			e, err := z.begin("xl/worksheets/sheet1.xml")
			if err != nil {
				t.Fatal(err)
			}
			for part := range slices.Chunk([]byte(text[:cut]), 70001) {
				if _, err := e.write(part); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, name := range []string{"a.xml", "xl/worksheets/sheet1.xml", "z.xml"} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			s := name
			if name == "xl/worksheets/sheet1.xml" {
				s = text[max(cut, 0):]
			}
			if _, err := io.WriteString(w, s); err != nil {
				t.Fatal(err)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	whole := write(-1)
	for _, cut := range []int{0, 1, 65535, 65536, 1 << 20, len(text) - 1, len(text)} {
		if got := write(cut); !bytes.Equal(got, whole) {
			t.Errorf("begun with %d bytes: the archive differs from the one written at once", cut)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(whole), int64(len(whole)))
	if err != nil {
		t.Fatal(err)
	}
	if got := readEntry(t, zr.File[1]); zr.File[1].Name != "xl/worksheets/sheet1.xml" || got != text {
		t.Errorf("entry %s: %d bytes, want %d", zr.File[1].Name, len(got), len(text))
	}
}

func TestSortedZipBegunNeverCreated(t *testing.T) {
	z := newSortedZip(io.Discard, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	for _, name := range []string{"b", "a"} {
		if _, err := z.begin(name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := z.begin("a"); err == nil || err.Error() != "workbook: zip: entry a begun twice" {
		t.Errorf("begin twice: error = %v", err)
	}
	err := z.Close()
	if want := "workbook: zip: entries begun and never created: a, b"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestSortedZipWrittenAfterClose: without a writer, Close only completes the
// entries, and writeArchive writes the same archive afterwards; an archive
// that failed to close is never written (Encode writes nothing then).
func TestSortedZipWrittenAfterClose(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	fill := func(z *sortedZip) {
		for _, name := range []string{"b.xml", "a.xml"} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(w, strings.Repeat(name, 1000)); err != nil {
				t.Fatal(err)
			}
		}
	}
	var direct bytes.Buffer
	z := newSortedZip(&direct, day)
	fill(z)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}

	later := newSortedZip(nil, day)
	fill(later)
	var out bytes.Buffer
	if err := later.writeArchive(&out); err == nil || out.Len() > 0 {
		t.Errorf("writeArchive before Close: error %v, %d bytes written", err, out.Len())
	}
	if err := later.Close(); err != nil {
		t.Fatal(err)
	}
	if err := later.writeArchive(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), direct.Bytes()) {
		t.Errorf("the archive written after Close differs from the one Close wrote")
	}

	failed := newSortedZip(nil, day)
	fill(failed)
	if _, err := failed.begin("c.xml"); err != nil {
		t.Fatal(err)
	}
	if err := failed.Close(); err == nil {
		t.Fatal("Close with an entry begun and never created: no error")
	}
	out.Reset()
	if err := failed.writeArchive(&out); err == nil || out.Len() > 0 {
		t.Errorf("writeArchive after a failed Close: error %v, %d bytes written", err, out.Len())
	}
}
