package workbook

import (
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"
)

// BenchmarkWorkbook writes the workbook of a generated register of N
// activities to memory. Target (issue 11): 10,000 activities in at most
// 1.0 s with a peak heap of at most 100 MB.
//
// Besides time and allocations it reports the processor time per write
// (cpu-s/op, user and system, which holds better than the wall clock on a
// machine shared with other work) and the heap while the workbook is
// written (see heapSampler), over all iterations:
//   - peak-heap-MB: the most heap memory held by objects, live or dead and not
//     yet swept, at any sample; what the heap occupies, garbage included,
//     so it depends on GOGC (at the default 100 the heap may grow to about
//     twice what was live after the last collection);
//   - peak-live-MB: the most live heap seen at the end of a collection, the
//     memory that could not have been freed; a lower bound of the peak;
//   - base-heap-MB: the live heap before the first write, after a forced
//     collection: the generated register and the test binary's own data,
//     which the two peaks include.
//
// Figures in MB of 10^6 bytes.
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		reg := synthRegister(n)
		b.Run("activities="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			runtime.GC()
			heap := startHeapSampler()
			cpu, n := cpuSeconds(), 0
			for b.Loop() {
				n++
				var w countingWriter
				if err := Encode(&w, reg, Options{Lang: "en"}); err != nil {
					b.Fatal(err)
				}
				size = int(w)
			}
			peak := heap.stop()
			b.ReportMetric((cpuSeconds()-cpu)/float64(n), "cpu-s/op")
			b.ReportMetric(float64(size), "bytes/workbook")
			b.ReportMetric(float64(peak.objects)/1e6, "peak-heap-MB")
			b.ReportMetric(float64(peak.live)/1e6, "peak-live-MB")
			b.ReportMetric(float64(peak.base)/1e6, "base-heap-MB")
		})
	}
}

// heapSampler reads the runtime's heap metrics every millisecond on a
// goroutine of its own and keeps the highest values. A millisecond is short
// against a write of the workbook (tens of milliseconds at 100 activities,
// most of a second at 10,000) but a spike shorter than that can be missed:
// the peak is a lower bound, close to the true one.
type heapSampler struct {
	done chan struct{}
	wg   sync.WaitGroup
	peak heapPeak
}

// heapPeak holds the highest samples, in bytes.
type heapPeak struct {
	objects uint64 // /memory/classes/heap/objects:bytes: live and unswept dead objects
	live    uint64 // /gc/heap/live:bytes: live heap marked by the last collection
	base    uint64 // /gc/heap/live:bytes when sampling started
}

func startHeapSampler() *heapSampler {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	h := &heapSampler{done: make(chan struct{})}
	h.peak.base = s[1].Value.Uint64()
	h.wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			h.peak.objects = max(h.peak.objects, s[0].Value.Uint64())
			h.peak.live = max(h.peak.live, s[1].Value.Uint64())
			select {
			case <-h.done:
				return
			case <-t.C:
			}
		}
	})
	return h
}

// stop ends the sampling and returns the peaks.
func (h *heapSampler) stop() heapPeak {
	close(h.done)
	h.wg.Wait()
	return h.peak
}

// countingWriter counts the bytes written to it and drops them.
type countingWriter int64

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
