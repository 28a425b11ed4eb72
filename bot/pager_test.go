package bot

import (
	"fmt"
	"reflect"
	"testing"
)

func TestPaginate(t *testing.T) {
	srcs := []Source{{Title: "A"}, {Title: "B"}, {Title: "C"}}
	r := Reply{Title: "Who said what", Text: "7 statements.", Footer: "end", Sections: []Section{
		{Heading: "X", Items: []Item{{Text: "x1", Source: 0}, {Text: "x2", Source: 1}, {Text: "x3", Source: 0}}},
		{Heading: "Y", Items: []Item{{Text: "y1", Source: 2}, {Text: "y2", Source: -1}, {Text: "y3", Source: 2}, {Text: "y4", Source: 9}}},
	}, Sources: srcs}

	if got := paginate(r, 7); len(got) != 1 || !reflect.DeepEqual(got[0], r) {
		t.Fatalf("paginate of an answer that fits = %+v, want it whole", got)
	}
	pages := paginate(r, 3)
	if len(pages) != 3 {
		t.Fatalf("paginate(7 items, 3) = %d pages, want 3", len(pages))
	}
	var texts []string
	for i, p := range pages {
		if want := fmt.Sprintf("Who said what (page %d of 3)", i+1); p.Title != want {
			t.Errorf("page %d title = %q, want %q", i+1, p.Title, want)
		}
		for _, s := range p.Sections {
			for _, it := range s.Items {
				texts = append(texts, s.Heading+":"+it.Text)
				if it.Source >= len(p.Sources) {
					t.Errorf("page %d item %q cites source %d of %d", i+1, it.Text, it.Source, len(p.Sources))
				}
			}
		}
	}
	want := []string{"X:x1", "X:x2", "X:x3", "Y:y1", "Y:y2", "Y:y3", "Y (continued):y4"}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("items over the pages = %q, want %q (nothing cut, order kept)", texts, want)
	}
	if pages[0].Text != "7 statements." || pages[1].Text != "" {
		t.Errorf("lead text on pages = %q, %q; want it on the first only", pages[0].Text, pages[1].Text)
	}
	if pages[0].Footer != "Page 1 of 3. Say `more` for the next page." || pages[2].Footer != "end" {
		t.Errorf("footers = %q … %q", pages[0].Footer, pages[2].Footer)
	}
	if got := []string{pages[1].Sources[0].Title}; len(pages[1].Sources) != 1 || got[0] != "C" {
		t.Errorf("page 2 sources = %+v, want only C", pages[1].Sources)
	}
	if it := pages[2].Sections[0].Items[0]; it.Source != -1 {
		t.Errorf("an item citing a missing source kept Source %d, want -1", it.Source)
	}
}
