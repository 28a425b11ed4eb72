package corpus

import "strings"

// maxOutletLen bounds what is taken for an outlet's name: a longer source
// value is a citation or a note, not a name.
const maxOutletLen = 60

// splitCitation turns a source value that is a whole citation ("Wikinews,
// 'Headline', https://… ; where the text came from") into the outlet's name
// (the part before the first comma) and, when url is empty, the first URL in
// it. A source that is already a name, or has no URL, is returned as is.
// Answers cite the outlet, so it must read as a name.
func splitCitation(source, url string) (outlet, link string) {
	i := strings.Index(source, "http://")
	if j := strings.Index(source, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return source, url
	}
	if url == "" {
		end := strings.IndexAny(source[i:], " \t")
		if end < 0 {
			end = len(source) - i
		}
		url = strings.TrimRight(source[i:i+end], ".,;:)'\"") // a URL may hold commas, not end in one
	}
	name, _, _ := strings.Cut(source, ",")
	name = strings.Trim(strings.TrimSpace(name), `"'`)
	if name == "" || len(name) > maxOutletLen || strings.Contains(name, "://") {
		return source, url
	}
	return name, url
}
