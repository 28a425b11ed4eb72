package bot

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// fieldHeap is the heap one field of an index holds alone: what a
// collection frees once it is zeroed.
type fieldHeap struct {
	path  string
	bytes int64
}

// indexFieldHeaps zeroes the fields of ix one by one, depth first (the
// fields of a struct field, or of the struct a pointer field points to,
// before the field itself), collecting after each, and returns what each
// freed, in that order. Memory two fields share is counted at the last
// of them zeroed. ix is unusable afterwards.
func indexFieldHeaps(ix *Index) []fieldHeap {
	var out []fieldHeap
	prev := int64(heapAfterGC())
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		t := v.Type()
		for i := range t.NumField() {
			f := reflect.NewAt(t.Field(i).Type, unsafe.Pointer(v.Field(i).UnsafeAddr())).Elem()
			path := prefix + t.Field(i).Name
			switch {
			case f.Kind() == reflect.Struct && f.Type().PkgPath() != "time":
				walk(path+".", f)
			case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.Struct && f.Type().Elem().PkgPath() == t.PkgPath():
				walk(path+".", f.Elem())
			}
			f.SetZero()
			now := int64(heapAfterGC())
			out = append(out, fieldHeap{path: path, bytes: prev - now})
			prev = now
		}
	}
	walk("", reflect.ValueOf(ix).Elem())
	return out
}

// BenchmarkIndexFields reports, in its log, the heap each field of the
// index holds per article (see indexFieldHeaps), largest first, on the
// corpora BenchmarkMemory measures: where BenchmarkMemory's B/article
// goes. Run it with -test.benchtime 1x -test.v.
func BenchmarkIndexFields(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
			}
			ix, err := NewIndex(pc.arts, pc.ans, nil)
			if err != nil {
				b.Fatal(err)
			}
			fields := indexFieldHeaps(ix)
			runtime.KeepAlive(ix)
			slices.SortStableFunc(fields, func(x, y fieldHeap) int { return int(y.bytes - x.bytes) })
			var sb strings.Builder
			total := int64(0)
			for _, f := range fields {
				total += f.bytes
				if f.bytes != 0 {
					fmt.Fprintf(&sb, "%-28s %9.1f B/article\n", f.path, float64(f.bytes)/float64(n))
				}
			}
			fmt.Fprintf(&sb, "%-28s %9.1f B/article\n", "total", float64(total)/float64(n))
			b.Log("\n" + sb.String())
			b.ReportMetric(float64(total)/float64(n), "fields-B/article")
		})
	}
}
