package workbook

import (
	"bytes"
	"errors"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// spillSize is how many bytes of a sheet's XML a stream writer may hold
// before spill moves them into the archive.
const spillSize = 1 << 20

// spill keeps excelize's stream writer of a sheet from holding the whole
// sheet. The stream writer writes the sheet's XML into a bytes.Buffer of its
// own and only moves it to a temporary file past 16 MB (a constant), so the
// sheets of 10,000 activities (53 MB of XML) sat in memory until the file was
// written, in buffers grown by doubling: a peak of 171 MB of live heap
// (docs/performance.md). spill takes the bytes out of that buffer as rows are
// written and compresses them into the sheet's archive entry, begun before
// excelize creates it (sortedZip.begin); excelize later writes what is left,
// the end of the sheet, into the same entry. The archive is the same, byte
// for byte, as when excelize wrote the sheet whole: deflate's output does not
// depend on how its input is cut into writes.
//
// excelize has no way to reach that buffer, so spill finds it through
// reflection (StreamWriter.rawData.buf, a bytes.Buffer, beside tmp, the
// temporary file, which must stay nil) and the entry's name in File.streams.
// Should excelize no longer have that shape, newSpill returns nil and the
// sheet is written as before, whole; TestSpill checks that it has it.
type spill struct {
	buf   *bytes.Buffer // the stream writer's buffer
	tmp   reflect.Value // the stream writer's temporary file, a nil *os.File
	zip   *sortedZip
	name  string    // the sheet's entry in the archive
	entry *zipEntry // begun when the buffer first holds spillSize bytes
	moved int64     // bytes moved
}

// newSpill returns the spill of stream writer sw of file f, whose archive
// is z, or nil when excelize's types do not have the expected shape.
func newSpill(f *excelize.File, sw *excelize.StreamWriter, z *sortedZip) *spill {
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return nil
	}
	buf, tmp := raw.FieldByName("buf"), raw.FieldByName("tmp")
	if !buf.IsValid() || buf.Type() != reflect.TypeFor[bytes.Buffer]() || !buf.CanAddr() ||
		!tmp.IsValid() || tmp.Kind() != reflect.Pointer || !tmp.IsNil() {
		return nil
	}
	streams := reflect.ValueOf(f).Elem().FieldByName("streams")
	if !streams.IsValid() || streams.Kind() != reflect.Map || streams.Type().Key().Kind() != reflect.String {
		return nil
	}
	name, found := "", 0
	for it := streams.MapRange(); it.Next(); {
		if v := it.Value(); v.Kind() == reflect.Pointer && v.Pointer() == reflect.ValueOf(sw).Pointer() {
			name = it.Key().String()
			found++
		}
	}
	if found != 1 {
		return nil
	}
	return &spill{buf: (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr())), tmp: tmp, zip: z, name: name}
}

// move moves what the stream writer holds into the archive once it holds
// spillSize bytes. Call it between rows: the bytes are then whole rows, or
// what comes before the first. A nil spill does nothing.
func (s *spill) move() error {
	if s == nil || s.buf.Len() < spillSize {
		return nil
	}
	if !s.tmp.IsNil() {
		// excelize moved part of the sheet to its temporary file, which it
		// does only past 16 MB: the sheet's bytes would be out of order.
		return errors.New("excelize's stream writer has started a temporary file")
	}
	if s.entry == nil {
		var err error
		if s.entry, err = s.zip.begin(s.name); err != nil {
			return err
		}
	}
	n, err := s.entry.write(s.buf.Bytes())
	s.moved += int64(n)
	if err != nil {
		return err
	}
	s.buf.Reset()
	return nil
}
