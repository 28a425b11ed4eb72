package discord

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultAPIURL is Discord's own REST base, used when Options.APIURL is
// empty.
const DefaultAPIURL = "https://discord.com/api/v10/"

// sdkAPIPrefix is where discordgo v0.29.0 sends every REST request; the
// transport moves that prefix to the configured base.
const sdkAPIPrefix = "/api/v9/"

// rewriter is the http.RoundTripper of every session: it sends discordgo's
// requests for https://discord.com/api/v9/… to base…, leaving any other URL
// alone, and notes each answer's status in the request's attempt (if any).
// Pointing REST at a proxy or a fake also brings the gateway there, since
// discordgo discovers the gateway URL over REST.
type rewriter struct {
	base *url.URL
	next http.RoundTripper
}

// parseBase checks an API base URL: http(s), a host, and a path ending in
// "/" (added when missing).
func parseBase(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("api url %q is not an http(s) URL", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u, nil
}

// RoundTrip implements http.RoundTripper.
func (t *rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == "discord.com" && strings.HasPrefix(req.URL.Path, sdkAPIPrefix) {
		r := req.Clone(req.Context())
		u := *t.base
		rest := strings.TrimPrefix(req.URL.EscapedPath(), sdkAPIPrefix)
		if p, err := url.PathUnescape(rest); err == nil {
			u.Path = t.base.Path + p
			u.RawPath = t.base.EscapedPath() + rest
		}
		u.RawQuery = req.URL.RawQuery
		r.URL, r.Host = &u, u.Host
		req = r
	}
	resp, err := t.next.RoundTrip(req)
	if a, ok := req.Context().Value(attemptKey{}).(*attempt); ok && err == nil {
		a.status = resp.StatusCode
		a.retryAfter = retryAfterHeader(resp.Header)
	}
	return resp, err
}

// attempt records what the server answered to one REST call, for errors
// discordgo reports without a status (a 502 after its own retries, a 429
// whose body is not JSON). It rides in the request's context: the SDK
// passes nothing else through to the transport.
type attempt struct {
	status     int
	retryAfter time.Duration
}

type attemptKey struct{}

func withAttempt(ctx context.Context, a *attempt) context.Context {
	return context.WithValue(ctx, attemptKey{}, a)
}

// retryAfterHeader reads Retry-After or X-RateLimit-Reset-After, in
// seconds (fractions allowed); 0 when absent or unreadable.
func retryAfterHeader(h http.Header) time.Duration {
	for _, k := range []string{"X-RateLimit-Reset-After", "Retry-After"} {
		if v := h.Get(k); v != "" {
			var secs float64
			if _, err := fmt.Sscanf(v, "%g", &secs); err == nil && secs > 0 {
				return time.Duration(secs * float64(time.Second))
			}
		}
	}
	return 0
}
