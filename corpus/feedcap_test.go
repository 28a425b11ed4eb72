package corpus_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// TestFeedCapEveryKind caps each kind of feed at two items: the first two
// load, the rest are named in one error, whatever elements enclose them.
func TestFeedCapEveryKind(t *testing.T) {
	items := func(format string) string {
		var b strings.Builder
		for i := 1; i <= 4; i++ {
			fmt.Fprintf(&b, format, i, i, i)
		}
		return b.String()
	}
	tests := []struct{ name, text string }{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>` +
			items(`<item><title>T%d</title><guid>g%d</guid><description>Body %d.</description><x:item xmlns:x="urn:x">nested</x:item></item>`) +
			`</channel></rss>`},
		{"atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>` +
			items(`<entry><title>T%d</title><id>g%d</id><content>Body %d.</content></entry>`) + `</feed>`},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>F</title></channel>` +
			items(`<item><title>T%d</title><link>https://x.example/%d</link><description>Body %d.</description></item>`) + `</rdf:RDF>`},
		{"cdata", `<rss version="2.0"><channel><title>F</title>` +
			items(`<item><title>T%d</title><guid>g%d</guid><description><![CDATA[<p>Body %d <item> in text.</p>]]></description></item>`) +
			`</channel></rss>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := corpus.ParseWith("f.rss", []byte(tt.text), corpus.Options{MaxFeedItems: 2})
			var titles []string
			for _, a := range arts {
				titles = append(titles, a.Title)
			}
			if got := strings.Join(titles, ","); got != "T1,T2" {
				t.Errorf("titles %q, want T1,T2", got)
			}
			want := "f.rss: skipped 2 of 4 feed items: items 3 to 4 are over the limit of 2 items a feed"
			if err == nil || err.Error() != want {
				t.Errorf("error %v, want %s", err, want)
			}
		})
	}
}
