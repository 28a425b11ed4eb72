package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// frontMatter is the metadata a Markdown or text file may carry in a YAML
// block between two "---" lines at the very top of the file. Keys other than
// these (license, author, …) are ignored.
type frontMatter struct {
	Title     string
	Source    string
	URL       string
	Published time.Time // zero when absent
	Tags      []string
}

// frontMatterError is a problem in a front-matter block; it matches
// ErrFrontMatter so callers can tell it from other load failures.
type frontMatterError string

func (e frontMatterError) Error() string        { return string(e) }
func (e frontMatterError) Is(target error) bool { return target == ErrFrontMatter }

func frontMatterErrorf(line int, format string, args ...any) *LoadError {
	return &LoadError{Line: line, Err: frontMatterError(fmt.Sprintf(format, args...))}
}

// yamlLineRe pulls the line number out of a yaml.v3 syntax error.
var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are the yaml.v3 parser (not scanner) errors. yaml.v3
// reports their line 0-based, and omits it for the first line, while it
// reports scanner errors 1-based.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":    true,
	"did not find expected ',' or '}'":    true,
	"did not find expected '-' indicator": true,
	"did not find expected key":           true,
	"did not find expected node content":  true,
}

// yamlErrorLine returns the 1-based YAML line of a yaml.v3 syntax error
// (1 when unknown) and its message without the "yaml: line N: " prefix.
func yamlErrorLine(err error) (int, string) {
	m := yamlLineRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 1, strings.TrimPrefix(err.Error(), "yaml: ")
	}
	n, err := strconv.Atoi(m[1])
	if err != nil { // only on overflow: the regexp matched digits
		return 1, m[2]
	}
	if yamlParserProblems[m[2]] {
		n++
	}
	return n, m[2]
}

// splitFrontMatter separates a leading front-matter block from the body of
// text (already normalised to "\n" line endings). It returns ok=false and
// text unchanged when the first line is not "---". A block that is opened but
// never closed by a "---" (or "...") line, or that is not valid YAML, is a
// *LoadError whose Line is the file line of the problem.
func splitFrontMatter(text string) (fm frontMatter, body string, ok bool, err *LoadError) {
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		return frontMatter{}, text, false, nil
	}
	var yamlLines []string
	for off := 0; off <= len(rest); {
		l, next := rest[off:], len(rest)+1
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		if l = strings.TrimRight(l, " \t"); l == "---" || l == "..." {
			if next > len(rest) {
				next = len(rest)
			}
			fm, ok := fastFrontMatter(yamlLines)
			if !ok {
				var err *LoadError
				fm, err = decodeFrontMatter(strings.Join(yamlLines, "\n"))
				return fm, rest[next:], true, err
			}
			return fm, rest[next:], true, nil
		}
		yamlLines = append(yamlLines, l)
		off = next
	}
	return frontMatter{}, "", true, frontMatterErrorf(1, "front matter opened on line 1 is never closed")
}

// decodeFrontMatter decodes the YAML between the "---" lines. YAML line n is
// file line n+1, since the block starts on the file's second line.
func decodeFrontMatter(src string) (frontMatter, *LoadError) {
	const offset = 1
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return fm, frontMatterErrorf(line+offset, "bad front matter: %s", msg)
	}
	if len(doc.Content) == 0 {
		return fm, nil // "---" directly followed by "---"
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fm, frontMatterErrorf(m.Line+offset, "front matter is not a list of key: value lines")
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := strings.ToLower(k.Value)
		if key == "date" {
			key = "published" // Jekyll and Hugo spell it "date"
		}
		line := v.Line + offset
		if first, dup := seen[key]; dup {
			return fm, frontMatterErrorf(k.Line+offset, "front matter key %q repeats line %d", k.Value, first)
		}
		seen[key] = k.Line + offset
		switch key {
		case "title", "source", "url", "published":
			if v.Kind != yaml.ScalarNode {
				return fm, frontMatterErrorf(line, "front matter %s must be a single value", k.Value)
			}
		}
		val := strings.TrimSpace(v.Value)
		switch key {
		case "title":
			fm.Title = collapseSpace(val)
		case "source":
			fm.Source = collapseSpace(val)
		case "url":
			fm.URL = val
		case "published":
			if val == "" || v.Tag == "!!null" {
				continue
			}
			t, ok := parseDate(val)
			if !ok {
				return fm, frontMatterErrorf(line, "bad published date %q: want YYYY-MM-DD, RFC 3339, \"2006-01-02 15:04\" or \"January 2, 2006\"", val)
			}
			fm.Published = t
		case "tags":
			tags, ok := decodeTags(v)
			if !ok {
				return fm, frontMatterErrorf(line, "front matter tags must be a list or a comma-separated line")
			}
			fm.Tags = tags
		}
	}
	fm.Source, fm.URL = splitCitation(fm.Source, fm.URL)
	return fm, nil
}

// decodeTags accepts a YAML list of words or one comma-separated string.
func decodeTags(v *yaml.Node) ([]string, bool) {
	var raw []string
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, true
		}
		raw = strings.Split(v.Value, ",")
	case yaml.SequenceNode:
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, false
			}
			raw = append(raw, c.Value)
		}
	default:
		return nil, false
	}
	var tags []string
	for _, t := range raw {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags, true
}

// dateLayouts are the date forms accepted in front matter and HTML metadata,
// tried in order.
var dateLayouts = []string{
	time.DateOnly,         // 2006-01-02
	time.RFC3339,          // 2006-01-02T15:04:05Z07:00, fractions allowed
	"2006-01-02T15:04:05", // RFC 3339 without a zone
	"2006-01-02 15:04",
	time.DateTime, // 2006-01-02 15:04:05
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	time.RFC1123Z,
	time.RFC1123,
}

// maxDateLen bounds the dates parseDate reads: the longest layout, with
// nine digits of fractional seconds and a long zone, is under 50 bytes.
// Header lines are tried as dates (isDateLine), and most are paragraphs.
const maxDateLen = 64

// parseDate parses s in one of dateLayouts and returns UTC midnight of the
// calendar day as written: "2025-08-06T23:30:00-05:00" is 6 August, not the
// 7th it would be in UTC, because the day the outlet printed is the one a
// reader quotes.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > maxDateLen || !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false // no date, and time.Parse's errors cost an allocation each
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return midnightUTC(t), true
		}
	}
	return time.Time{}, false
}

// midnightUTC returns UTC midnight of t's calendar day in t's own location.
func midnightUTC(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
