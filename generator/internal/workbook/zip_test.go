package workbook

import (
	"archive/zip"
	"bytes"
	"io"
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
