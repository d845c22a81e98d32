package workbook

import (
	"strconv"
	"testing"
)

// BenchmarkWorkbook writes the workbook of a generated register of N
// activities to memory. Target (issue 5): 10,000 activities in at most 1.0 s
// and 100 MB.
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		reg := synthRegister(n)
		b.Run("activities="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var w countingWriter
				if err := Encode(&w, reg, Options{Lang: "en"}); err != nil {
					b.Fatal(err)
				}
				size = int(w)
			}
			b.ReportMetric(float64(size), "bytes/workbook")
		})
	}
}

// countingWriter counts the bytes written to it and drops them.
type countingWriter int64

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
