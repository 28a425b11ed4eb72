package bot

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// storyIndex indexes summarize's story set: a wire story, its reprint and
// its follow-up; a ruling and its consequence; a storm and its aftermath;
// three distractors.
func storyIndex(t *testing.T) *Index {
	t.Helper()
	arts, errs := corpus.Load(t.Context(), "../summarize/testdata/stories")
	for _, err := range errs {
		t.Fatal(err)
	}
	ans := make([]*summarize.Analysis, len(arts))
	for i := range arts {
		ans[i] = summarize.Analyze(arts[i])
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func (ix *Index) byPath(t *testing.T, paths ...string) []int {
	t.Helper()
	var out []int
	for _, p := range paths {
		i, ok := ix.byID(normName(p))
		if !ok {
			t.Fatalf("no article %s", p)
		}
		out = append(out, i)
	}
	return out
}

// TestDigestByStory checks that a digest groups its new articles by the
// corpus's stories: one section per story, the reprint under its wire
// story, each statement once, every new article cited.
func TestDigestByStory(t *testing.T) {
	ix := storyIndex(t)
	arts := ix.byPath(t, "port-strike-ends.md", "storm-jonas.md", "port-strike-coastal-post.md", "port-strike-harbor-wire.md", "teachers-strike.md")
	slices.SortStableFunc(arts, ix.newerFirst)
	at := time.Date(2024, 11, 5, 8, 0, 0, 0, time.UTC)
	r := ix.digestReply(digestView{title: "Digest", since: at.AddDate(0, -3, 0), at: at, loc: time.UTC}, arts)
	if want := "5 new articles in 3 stories since"; !strings.HasPrefix(r.Text, want) {
		t.Errorf("Text = %q, want it to start %q", r.Text, want)
	}
	var headings []string
	for _, s := range r.Sections {
		headings = append(headings, s.Heading)
	}
	want := []string{
		"Storm Jonas floods southern towns (National News Service, 4 Nov 2024)",
		"Portavel strike ends as port guarantees dockers' jobs (3 articles: Harbor Wire, Coastal Post, National News Service; 13–27 Sep 2024)",
		"Teachers in Valmont strike over pay (Valmont Daily, 20 Sep 2024)",
	}
	if !slices.Equal(headings, want) {
		t.Fatalf("headings =\n%s\nwant\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
	port := r.Sections[1]
	cited := map[int]bool{}
	mendes := 0
	for _, it := range port.Items {
		cited[it.Source] = true
		if strings.Contains(it.Text, "We are not against machines") {
			mendes++
		}
	}
	if len(cited) != 3 {
		t.Errorf("the port story cites %d articles, want all 3: %+v", len(cited), port.Items)
	}
	if mendes > 1 {
		t.Errorf("the reprinted quote appears %d times: %+v", mendes, port.Items)
	}
	if !slices.ContainsFunc(port.Items, func(it Item) bool { return strings.HasPrefix(it.Text, "Also reported: Coastal Post") }) {
		t.Errorf("the reprint is not listed as also reported: %+v", port.Items)
	}
}

func TestDateRange(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct{ a, b, want string }{
		{"2025-07-14", "2025-07-14", "14 Jul 2025"},
		{"2025-07-14", "2025-07-29", "14–29 Jul 2025"},
		{"2025-07-30", "2025-08-08", "30 Jul–8 Aug 2025"},
		{"2024-12-30", "2025-01-02", "30 Dec 2024–2 Jan 2025"},
	}
	for _, tt := range tests {
		if got := dateRange(d(tt.a), d(tt.b)); got != tt.want {
			t.Errorf("dateRange(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
