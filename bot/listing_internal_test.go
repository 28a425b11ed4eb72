package bot

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// replySource serves the sections of a whole reply as a listSource, items
// citing by article.
type replySource struct{ r Reply }

func (s replySource) sections() int          { return len(s.r.Sections) }
func (s replySource) heading(sec int) string { return s.r.Sections[sec].Heading }
func (s replySource) count(sec int) int      { return len(s.r.Sections[sec].Items) }
func (s replySource) items(sec, from, to int) []Item {
	return append([]Item(nil), s.r.Sections[sec].Items[from:to]...)
}

// TestListingPagesAsPaginate checks a listing's pages, rendered in turn as
// `more` does, against paginate of the same answer built whole, for
// section sizes that end pages inside, at the end of and across sections,
// with and without headings.
func TestListingPagesAsPaginate(t *testing.T) {
	var arts []corpus.Article
	var ans []*summarize.Analysis
	for i := range 9 {
		arts = append(arts, corpus.Article{ID: fmt.Sprint("a", i), Title: fmt.Sprint("Article ", i), Published: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC)})
		ans = append(ans, &summarize.Analysis{})
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		sizes []int
		head  bool // sections have headings
	}{
		{"one short", []int{3}, true},
		{"exactly one page", []int{pageItems}, true},
		{"one long untitled", []int{3*pageItems + 4}, false},
		{"boundary at a section end", []int{pageItems - 5, 5, 7}, true},
		{"section across two pages", []int{pageItems - 1, pageItems + 2, 1}, true},
		{"many small", []int{2, 3, 1, 4, 5, 6, 7, 8, 9, 10, 11, 1}, true},
		{"untitled sections", []int{20, 20, 20}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCiter(ix)
			whole := Reply{Title: "T", Text: "lead", Footer: "end"}
			byArt := Reply{}
			k := 0
			for s, n := range tt.sizes {
				sec, raw := Section{}, Section{}
				if tt.head {
					sec.Heading = fmt.Sprint("S", s)
					raw.Heading = sec.Heading
				}
				for range n {
					art, text := k*7%len(arts), fmt.Sprint("item ", k)
					if k%5 == 4 {
						sec.Items = append(sec.Items, Item{Text: text, Source: -1})
						raw.Items = append(raw.Items, Item{Text: text, Source: -1})
					} else {
						sec.Items = append(sec.Items, c.item(art, text))
						raw.Items = append(raw.Items, Item{Text: text, Source: art})
					}
					k++
				}
				whole.Sections = append(whole.Sections, sec)
				byArt.Sections = append(byArt.Sections, raw)
			}
			whole.Sources = c.srcs
			want := paginate(whole, pageItems)
			l := &listing{ix: ix, head: Reply{Title: "T", Text: "lead", Footer: "end"}, src: replySource{byArt}, total: k}
			if l.pages() != len(want) {
				t.Fatalf("pages() = %d, want %d", l.pages(), len(want))
			}
			at := listPos{}
			for p := range want {
				got, next := l.page(p, at)
				if !reflect.DeepEqual(got, want[p]) {
					t.Errorf("page %d:\ngot  %+v\nwant %+v", p+1, got, want[p])
				}
				if skip := l.skip(at); skip != next {
					t.Errorf("page %d: skip = %v, page ends at %v", p+1, skip, next)
				}
				at = next
			}
			if at.sec != len(tt.sizes) {
				t.Errorf("after the last page at = %v, want section %d", at, len(tt.sizes))
			}
		})
	}
}
