package corpus

import (
	"net/url"
	"slices"
	"strings"
)

// trackingParams are query parameters that say how a reader arrived, not
// which page they read.
var trackingParams = []string{"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid", "ocid"}

// CanonicalURL returns the form of an article's URL under which two links
// to one page are equal: scheme, "www." and default ports dropped, host
// lowercased, fragment, tracking parameters (utm_*, fbclid…) and a
// trailing slash removed, the other parameters sorted. It returns "" for
// anything but an absolute http(s) URL.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") || slices.Contains(trackingParams, strings.ToLower(k)) {
			q.Del(k)
		}
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	out := host + path
	if enc := q.Encode(); enc != "" { // Encode sorts by key
		out += "?" + enc
	}
	return out
}
