package snapshot

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"
	"unsafe"
)

type pair struct{ a, b int32 }

type inner struct {
	name  string
	pairs []pair
	when  time.Time
}

type terms map[string][]int32

type sample struct {
	N       int
	f       float64
	ok      bool
	s       string
	empty   []int
	none    []int
	nums    []uint64
	words   []string
	byName  map[string]int
	byKey   map[uint64]int32
	post    terms
	wide    map[string][]int
	nested  map[string]map[int32]int32
	strs    map[string]string
	p1, p2  *inner // the same pointer
	nilp    *inner
	inners  []inner
	shared  []inner // the same slice as inners
	arr     [3]uint8
	times   []time.Time
	ext     *ext // a record outside the snapshot
	extName string
	fn      func() // nil: allowed
}

type ext struct{ x int }

// extRefs resolves pointers to externals[i] as Ref{1, i, 0} and the
// string "outside" as Ref{2, 0, 0}.
type extRefs struct {
	externals []ext
	outside   string
}

func (r *extRefs) PointerRef(t reflect.Type, p unsafe.Pointer) (Ref, bool) {
	if t != reflect.TypeFor[*ext]() {
		return Ref{}, false
	}
	for i := range r.externals {
		if unsafe.Pointer(&r.externals[i]) == p {
			return Ref{Kind: 1, A: uint32(i)}, true
		}
	}
	return Ref{}, false
}

func (r *extRefs) StringRef(s string) (Ref, bool) {
	return Ref{Kind: 2}, unsafe.StringData(s) == unsafe.StringData(r.outside) && len(s) == len(r.outside)
}

func (r *extRefs) Pointer(t reflect.Type, ref Ref) (unsafe.Pointer, error) {
	if ref.Kind != 1 || t != reflect.TypeFor[*ext]() || int(ref.A) >= len(r.externals) {
		return nil, fmt.Errorf("bad ref %v", ref)
	}
	return unsafe.Pointer(&r.externals[ref.A]), nil
}

func (r *extRefs) String(ref Ref) (string, error) {
	if ref.Kind != 2 {
		return "", fmt.Errorf("bad ref %v", ref)
	}
	return r.outside, nil
}

func newSample(r *extRefs) *sample {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		paris = time.FixedZone("CET", 3600)
	}
	in := &inner{name: "inner", pairs: []pair{{1, 2}, {3, 4}}, when: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}
	inners := []inner{{name: "a"}, {name: "b", pairs: []pair{}}}
	return &sample{
		N: -7, f: 3.5, ok: true, s: "hello",
		empty: []int{}, nums: []uint64{1, 1 << 60},
		words:  []string{"x", "", "hello", "x"},
		byName: map[string]int{"a": 1, "b": 2},
		byKey:  map[uint64]int32{9: 1, 1 << 40: -2},
		post:   terms{"war": {1, 5, 9}, "peace": nil, "": {}},
		wide:   map[string][]int{"x": {1 << 40}},
		nested: map[string]map[int32]int32{"t": {1: 2}, "u": nil},
		strs:   map[string]string{"k": "v", "e": ""},
		p1:     in, p2: in,
		inners: inners, shared: inners,
		arr: [3]uint8{1, 2, 3},
		times: []time.Time{
			{}, time.Date(2025, 7, 1, 12, 30, 0, 5, time.UTC), time.Date(2025, 7, 1, 0, 0, 0, 0, time.Local),
			time.Date(2025, 7, 1, 0, 0, 0, 0, time.FixedZone("", -5*3600)), time.Date(2025, 7, 1, 0, 0, 0, 0, time.FixedZone("XST", 1800)),
			time.Date(2025, 1, 1, 9, 0, 0, 0, paris),
		},
		ext:     &r.externals[1],
		extName: r.outside,
	}
}

func TestRoundTrip(t *testing.T) {
	r := &extRefs{externals: make([]ext, 3), outside: "outside"}
	want := newSample(r)
	data, err := Encode(want, r)
	if err != nil {
		t.Fatal(err)
	}
	got := &sample{}
	if err := Decode(data, got, r); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
	if got.p1 != got.p2 {
		t.Error("a shared pointer decoded as two")
	}
	if &got.inners[0] != &got.shared[0] {
		t.Error("a shared slice decoded as two")
	}
	if got.ext != &r.externals[1] {
		t.Error("an external pointer decoded as a copy")
	}
	if unsafe.StringData(got.extName) != unsafe.StringData(r.outside) {
		t.Error("an external string decoded as a copy")
	}
	for i, tm := range got.times {
		if tm != want.times[i] && !(tm.Equal(want.times[i]) && tm.Location().String() == want.times[i].Location().String()) {
			t.Errorf("time %d: got %v, want %v", i, tm, want.times[i])
		}
	}
}

func TestRefusesFuncs(t *testing.T) {
	v := &sample{fn: func() {}}
	if _, err := Encode(v, nil); err == nil {
		t.Fatal("encoded a func")
	}
}

func TestCorrupt(t *testing.T) {
	r := &extRefs{externals: make([]ext, 3), outside: "outside"}
	data, err := Encode(newSample(r), r)
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"truncated": data[:len(data)/2],
		"flipped":   flip(data, len(data)/2),
		"magic":     flip(data, 0),
	} {
		if err := Decode(bad, &sample{}, r); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", name, err)
		}
	}
	type other struct{ N int }
	if err := Decode(data, &other{}, r); !errors.Is(err, ErrCorrupt) {
		t.Errorf("another type: got %v, want ErrCorrupt", err)
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x5a
	return c
}

// FuzzDecode feeds Decode damaged snapshots with a valid checksum, so
// the body's checks are what is tested: it must return, never panic.
func FuzzDecode(f *testing.F) {
	r := &extRefs{externals: make([]ext, 3), outside: "outside"}
	data, err := Encode(newSample(r), r)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data[len(magic)+32:len(data)-4], 0, byte(0))
	f.Fuzz(func(t *testing.T, body []byte, at int, x byte) {
		if len(body) > 0 {
			body = append([]byte(nil), body...)
			body[uint(at)%uint(len(body))] ^= x
		}
		_ = Decode(resign(data[:len(magic)+32], body), &sample{}, r)
	})
}
