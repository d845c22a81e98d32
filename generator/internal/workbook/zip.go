package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// sortedZip is an excelize.ZipWriter that makes the archive reproducible:
// excelize creates entries in map order and archive/zip stamps them with the
// clock, so sortedZip compresses each entry into memory as it is written and,
// on Close, writes all entries sorted by name with one fixed modification time.
// Only compressed bytes are held, so memory stays near the size of the result.
//
// An entry may also be begun before excelize creates it (see begin): the
// stream of a large sheet is compressed while its rows are written, instead
// of waiting whole, uncompressed, in excelize's buffer.
type sortedZip struct {
	w        io.Writer // where Close writes the archive; nil: writeArchive does, later
	modified time.Time
	closed   bool       // Close has completed the entries
	mu       sync.Mutex // guards entries and begun, which begin changes from the goroutines that fill the sheets
	entries  []*zipEntry
	begun    map[string]*zipEntry // entries begun and not yet created
	open     *zipEntry            // the entry being written, if any
	fw       *flate.Writer        // reused for every created entry: a flate.Writer is large
	err      error                // the first error; later calls return it
}

// zipEntry is one compressed archive entry.
type zipEntry struct {
	name string
	data bytes.Buffer // deflated content
	crc  hash.Hash32
	size uint64        // uncompressed size
	fw   *flate.Writer // compresses into data while the entry is being written
}

// write compresses p into the entry.
func (e *zipEntry) write(p []byte) (int, error) {
	n, err := e.fw.Write(p)
	e.crc.Write(p[:n])
	e.size += uint64(n)
	return n, err
}

// newSortedZip returns a writer of a zip archive to w whose entries all carry
// the modification time modified.
func newSortedZip(w io.Writer, modified time.Time) *sortedZip {
	return &sortedZip{w: w, modified: modified}
}

// Create starts a new entry, or continues the begun entry of that name; the
// previous one is complete.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if e := z.begun[name]; e != nil {
		delete(z.begun, name)
		z.open = e
		return entryWriter{z, e}, nil
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	if z.fw == nil {
		fw, err := flate.NewWriter(&e.data, flate.BestSpeed)
		if err != nil {
			z.err = err
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&e.data)
	}
	e.fw = z.fw
	z.open = e
	z.entries = append(z.entries, e)
	return entryWriter{z, e}, nil
}

// begin starts the entry name, to be written with its write method, before
// excelize creates it; Create(name) then continues it, and the archive
// holds the bytes of both in one entry, compressed as if written at once.
// An entry begun and never created is an error on Close. begin may be
// called from several goroutines, each writing only its own entry, while no
// entry is created.
func (z *sortedZip) begin(name string) (*zipEntry, error) {
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&e.data, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.begun == nil {
		z.begun = map[string]*zipEntry{}
	}
	if z.begun[name] != nil {
		return nil, errors.New("workbook: zip: entry " + name + " begun twice")
	}
	z.begun[name] = e
	z.entries = append(z.entries, e)
	return e, nil
}

// AddFS adds the files of fsys, as archive/zip's Writer.AddFS does.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return errors.New("workbook: zip: cannot add non-regular file " + name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
}

// Close completes the entries and, when the writer is set, writes the
// archive to it (see writeArchive).
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	if len(z.begun) > 0 {
		z.err = errors.New("workbook: zip: entries begun and never created: " + strings.Join(slices.Sorted(maps.Keys(z.begun)), ", "))
		return z.err
	}
	z.closed = true
	if z.w == nil {
		return nil
	}
	return z.writeArchive(z.w)
}

// writeArchive writes the archive of the closed entries to w: entries sorted
// by name, each with the fixed time.
func (z *sortedZip) writeArchive(w io.Writer) error {
	if !z.closed {
		return errors.New("workbook: zip: the archive is written before it is closed")
	}
	slices.SortStableFunc(z.entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(w)
	date, clock, extra := zipTime(z.modified)
	for _, e := range z.entries {
		ew, err := zw.CreateRaw(&zip.FileHeader{
			Name:               e.name,
			Method:             zip.Deflate,
			Modified:           z.modified,
			ModifiedDate:       date,
			ModifiedTime:       clock,
			Extra:              extra,
			CRC32:              e.crc.Sum32(),
			CompressedSize64:   uint64(e.data.Len()),
			UncompressedSize64: e.size,
		})
		if err != nil {
			return err
		}
		if _, err := ew.Write(e.data.Bytes()); err != nil {
			return err
		}
	}
	z.entries = nil
	return zw.Close()
}

// zipTime returns t as an MS-DOS date and time, and as the extended timestamp
// extra field that archive/zip's CreateHeader writes; CreateRaw writes neither.
// t must lie between 1980 and 2106.
func zipTime(t time.Time) (date, clock uint16, extra []byte) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	u := uint32(t.Unix())
	extra = []byte{
		0x55, 0x54, // extended timestamp
		5, 0, // size
		1, // flags: modification time
		byte(u), byte(u >> 8), byte(u >> 16), byte(u >> 24),
	}
	return date, clock, extra
}

// finish completes the open entry.
func (z *sortedZip) finish() error {
	if z.err != nil {
		return z.err
	}
	if e := z.open; e != nil {
		z.open = nil
		if err := e.fw.Close(); err != nil {
			z.err = err
		}
		e.fw = nil // a begun entry's writer is its own, and freed
	}
	return z.err
}

// entryWriter writes the content of one entry.
type entryWriter struct {
	z *sortedZip
	e *zipEntry
}

func (w entryWriter) Write(p []byte) (int, error) {
	if w.z.err != nil {
		return 0, w.z.err
	}
	if w.z.open != w.e {
		return 0, errors.New("workbook: zip: write to an entry after the next was created")
	}
	n, err := w.e.write(p)
	if err != nil {
		w.z.err = err
	}
	return n, err
}
