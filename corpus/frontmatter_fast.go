package corpus

import (
	"strings"
	"unicode/utf8"
)

// Front-matter keys the fast path reads, as bits of a set.
const (
	fastTitle = 1 << iota
	fastSource
	fastURL
	fastPublished
)

// fastKeys maps the keys fastFrontMatter accepts to their bit; "date" is
// "published", as in decodeFrontMatter.
var fastKeys = map[string]int{
	"title": fastTitle, "source": fastSource, "url": fastURL,
	"published": fastPublished, "date": fastPublished,
}

// fastFrontMatter decodes the common front matter without a YAML parser:
// lines of "key: value" with a known lowercase key (title, source, url,
// published or date) each at most once, and a value that is a plain
// scalar or a quoted one without escapes. It reports ok=false for
// anything else (a comment, a blank or indented line, a list, tags, an
// unknown key, a null, a bad date…), and then decodeFrontMatter must
// decide: whenever ok is true, the result is the one decodeFrontMatter
// gives for the same lines.
func fastFrontMatter(lines []string) (fm frontMatter, ok bool) {
	if len(lines) == 0 {
		return frontMatter{}, false
	}
	seen := 0
	for _, l := range lines {
		key, raw, found := strings.Cut(l, ": ")
		bit := fastKeys[key]
		if !found || bit == 0 || seen&bit != 0 {
			return frontMatter{}, false
		}
		seen |= bit
		v, ok := fastScalar(strings.TrimLeft(raw, " "))
		if !ok {
			return frontMatter{}, false
		}
		v = strings.TrimSpace(v)
		switch bit {
		case fastTitle:
			fm.Title = collapseSpace(v)
		case fastSource:
			fm.Source = collapseSpace(v)
		case fastURL:
			fm.URL = v
		case fastPublished:
			if v == "" {
				continue
			}
			t, ok := parseDate(v)
			if !ok {
				return frontMatter{}, false // the YAML path words the error
			}
			fm.Published = t
		}
	}
	fm.Source, fm.URL = splitCitation(fm.Source, fm.URL)
	return fm, true
}

// fastScalar returns the value of the YAML scalar raw (one line, with no
// surrounding blanks) when it is one whose value is plain to see: a
// double-quoted string without '"' or '\' inside, a single-quoted one
// without a single quote inside, or a plain scalar that starts with no indicator,
// holds no ": " or " #", does not end in ':' and is not a null. It
// reports ok=false for any other form, and for any character YAML does
// not allow or takes for a line break.
func fastScalar(raw string) (string, bool) {
	if raw == "" || !yamlPrintable(raw) {
		return "", false
	}
	switch q := raw[0]; q {
	case '"', '\'':
		if len(raw) < 2 || raw[len(raw)-1] != q {
			return "", false
		}
		inner := raw[1 : len(raw)-1]
		if strings.IndexByte(inner, q) >= 0 || (q == '"' && strings.IndexByte(inner, '\\') >= 0) {
			return "", false
		}
		return inner, true
	}
	if strings.IndexByte("-?:,[]{}#&*!|>%@`", raw[0]) >= 0 ||
		strings.Contains(raw, ": ") || strings.Contains(raw, " #") || raw[len(raw)-1] == ':' {
		return "", false
	}
	switch raw {
	case "~", "null", "Null", "NULL":
		return "", false
	}
	return raw, true
}

// yamlPrintable reports whether s holds only characters that YAML allows
// in a one-line scalar and yaml.v3 reads as themselves: printable ASCII
// and printable non-ASCII other than the byte-order mark and the line and
// paragraph separators. Tabs and other control characters are refused.
func yamlPrintable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0xa0, // C1 controls and NEL
			r == 0x2028, r == 0x2029, r == 0xfeff,
			r >= 0xd800 && r < 0xe000,
			r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}
