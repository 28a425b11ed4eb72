package corpus

import "testing"

func TestSplitCitation(t *testing.T) {
	tests := []struct {
		source, url         string
		wantOutlet, wantURL string
	}{
		{"Desk Report", "", "Desk Report", ""},
		{"Reuters, London", "", "Reuters, London", ""},
		{"Wikinews, 'A headline', https://en.wikinews.org/wiki/A_headline (derived) ; text from X", "",
			"Wikinews", "https://en.wikinews.org/wiki/A_headline"},
		{"Wikinews, 'A headline', https://en.wikinews.org/wiki/A", "https://example.org/kept", "Wikinews", "https://example.org/kept"},
		{"Wikinews, 'Cuts', https://en.wikinews.org/wiki/Ford_cutting_30,000_jobs_by_2012, 'x'", "",
			"Wikinews", "https://en.wikinews.org/wiki/Ford_cutting_30,000_jobs_by_2012"},
		{"https://example.org/only-a-link", "", "https://example.org/only-a-link", "https://example.org/only-a-link"},
		{"A very long note that is not the name of any outlet at all and goes on, no matter what, see http://x.org", "", "A very long note that is not the name of any outlet at all and goes on, no matter what, see http://x.org", "http://x.org"},
	}
	for _, tt := range tests {
		outlet, url := splitCitation(tt.source, tt.url)
		if outlet != tt.wantOutlet || url != tt.wantURL {
			t.Errorf("splitCitation(%q, %q) = %q, %q; want %q, %q", tt.source, tt.url, outlet, url, tt.wantOutlet, tt.wantURL)
		}
	}
}
