package ancodec

import (
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// TestDecoderSlabs decodes every test analysis with one Decoder, as one
// lookup does: appending to any slice of one analysis leaves the others
// as they were.
func TestDecoderSlabs(t *testing.T) {
	all := testArticles(t)
	var dec Decoder
	got := make([]*summarize.Analysis, len(all))
	for i, x := range all {
		var err error
		if got[i], err = dec.Decode(x.row, x.a); err != nil {
			t.Fatalf("%s: %v", x.a.Path, err)
		}
	}
	spoil(got)
	for i, x := range all {
		if !reflect.DeepEqual(got[i], x.an) {
			t.Fatalf("%s: appending to other analyses changed this one", x.a.Path)
		}
	}
}

// TestDecodeExact checks that Decode allocates each kind of record once,
// of exactly its size: its section scans count exactly the nested
// records that decoding then cuts (nothing of a reservation is left), it
// makes one allocation a kind and one for the analysis (for analyses
// without literals or zones, which add their own), and appending to a
// slice of the analysis never writes into another.
func TestDecodeExact(t *testing.T) {
	cases := testArticles(t)
	a, _, ans := handMade()
	for i := range ans {
		cases = append(cases, analysed{a: a, an: &ans[i], row: Append(nil, &ans[i], a.Body)})
	}
	measured := 0
	for _, x := range cases {
		p, err := payload(x.row)
		if err != nil {
			t.Fatal(err)
		}
		d := newReader(p, x.a.Body)
		d.sl.exact = true
		var an summarize.Analysis
		d.analysis(&an, x.a)
		if d.err != nil {
			t.Fatal(d.err)
		}
		if left := []int{len(d.sl.ints.free), len(d.sl.strs.free), len(d.sl.revisions.free)}; left[0]+left[1]+left[2] != 0 {
			t.Fatalf("%s: %v ints, strings and revisions reserved and left over", x.a.Path, left)
		}
		if len(d.lits) == 0 && !hasZone(x.an) {
			want := kinds(x.an)
			if got := testing.AllocsPerRun(1, func() { _, _ = Decode(x.row, x.a) }); got != float64(want) {
				t.Errorf("%s: Decode made %v allocations, want %d", x.a.Path, got, want)
			}
			measured++
		}
		got, err := Decode(x.row, x.a)
		if err != nil {
			t.Fatal(err)
		}
		spoil([]*summarize.Analysis{got})
		if !reflect.DeepEqual(got, x.an) {
			t.Fatalf("%s: appending to its slices changed the analysis", x.a.Path)
		}
	}
	if measured < len(cases)/2 {
		t.Errorf("allocations measured on %d analyses of %d", measured, len(cases))
	}
}

// kinds is the number of allocations Decode makes for an (without
// literals or zones): the analysis, and each kind of record it holds.
func kinds(an *summarize.Analysis) int {
	n := 1
	ints, strs, revs := 0, 0, 0
	for _, p := range an.People {
		ints, strs = ints+len(p.Sentences), strs+len(p.Aliases)
	}
	for _, d := range an.Deadlines {
		revs += len(d.History)
	}
	for _, k := range []int{len(an.Sentences), len(an.People), len(an.Quotes), len(an.Deadlines), len(an.Events), len(an.Summary), ints, strs, revs} {
		if k > 0 {
			n++
		}
	}
	return n
}

// hasZone reports whether an holds a time in a zone other than UTC
// (decoded as a new fixed zone).
func hasZone(an *summarize.Analysis) bool {
	other := func(t time.Time) bool { return !t.IsZero() && t.Location() != time.UTC }
	for _, d := range an.Deadlines {
		if other(d.Due) {
			return true
		}
		for _, r := range d.History {
			if other(r.Due) || other(r.SetOn) {
				return true
			}
		}
	}
	for _, e := range an.Events {
		if other(e.When) {
			return true
		}
	}
	return false
}

// spoil appends to every slice of the analyses an analysis holds more
// than one of.
func spoil(ans []*summarize.Analysis) {
	for _, an := range ans {
		_ = append(an.Sentences, summarize.Sentence{Text: "spoiled"})
		_ = append(an.People, summarize.Person{Name: "spoiled"})
		_ = append(an.Quotes, summarize.Quote{Text: "spoiled"})
		_ = append(an.Events, summarize.Event{Text: "spoiled"})
		_ = append(an.Summary, -1)
		for k := range an.People {
			_ = append(an.People[k].Sentences, -1)
			_ = append(an.People[k].Aliases, "spoiled")
		}
		_ = append(an.Deadlines, summarize.Deadline{SetBy: "spoiled"})
		for k := range an.Deadlines {
			_ = append(an.Deadlines[k].History, summarize.Revision{Evidence: "spoiled"})
		}
	}
}

func TestSlabTake(t *testing.T) {
	var s slab[int]
	if e := s.take(0, false); e == nil || len(e) != 0 {
		t.Errorf("take(0) = %#v, want empty and not nil", e)
	}
	a, b := s.take(3, false), s.take(2, false)
	if cap(a) != 3 || cap(b) != 2 {
		t.Errorf("caps %d, %d: want 3, 2", cap(a), cap(b))
	}
	a = append(a, 7)
	if b[0] != 0 {
		t.Error("appending to one slice wrote into the next")
	}
	if big := s.take(slabBytes, false); len(big) != slabBytes {
		t.Errorf("take(large) = %d ints", len(big))
	}
	s.reserve(5)
	if c, d := s.take(4, true), s.take(1, true); cap(c) != 4 || cap(d) != 1 || len(s.free) != 0 {
		t.Errorf("after reserve(5), take 4 and 1: caps %d, %d, %d left", cap(c), cap(d), len(s.free))
	}
	if e := s.take(3, true); cap(e) != 3 || len(s.free) != 0 {
		t.Errorf("exact take(3) beyond the reserve: cap %d, %d left", cap(e), len(s.free))
	}
}
