package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitFor calls cond until it holds; the limit only guards against a hang.
func waitFor(t *testing.T, what string, cond func() bool, show func() string) {
	t.Helper()
	for limit := time.Now().Add(20 * time.Second); !cond(); {
		if time.Now().After(limit) {
			t.Fatalf("waited in vain for %s\n%s", what, show())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// get returns the status and body of url.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// metricValue returns the value of the sample line that starts with
// series in a /metrics page, -1 when absent.
func metricValue(page, series string) float64 {
	for _, line := range strings.Split(page, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err == nil {
				return v
			}
		}
	}
	return -1
}

// TestConsoleLiveCorpusAndEndpoint runs the console on a corpus folder and
// a feed served on 127.0.0.1, with the endpoint on: /healthz, /readyz and
// /metrics answer, an article written into the folder becomes answerable,
// `sources` says where articles come from and `reload` polls the feed
// again with its validators.
func TestConsoleLiveCorpusAndEndpoint(t *testing.T) {
	var (
		mu      sync.Mutex
		headers []http.Header
	)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		headers = append(headers, r.Header.Clone())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"1"`)
		w.Header().Set("Last-Modified", "Wed, 06 Aug 2025 09:00:00 GMT")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Harbour News</title><item><guid>g1</guid><title>Lighthouse keepers vote</title>
<description>`+strings.Repeat("Lighthouse keepers voted on Monday to accept new shifts, their union said. ", 20)+`</description></item></channel></rss>`)
	}))
	defer feed.Close()
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/seed/putin-trump-deadline.md")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(news, "seed.md"), string(seed))
	cfg := filepath.Join(dir, "briefbot.yaml")
	writeFile(t, cfg, "feeds:\n  - url: "+feed.URL+"/rss\n    interval: 1h\n")
	vars := map[string]string{"BRIEFBOT_CORPUS": news, "BRIEFBOT_CONFIG": cfg, "BRIEFBOT_HTTP_ADDR": "127.0.0.1:0", "BRIEFBOT_LOG_LEVEL": "info"}
	stdin, in := io.Pipe()
	var out, errOut lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(context.Background(), nil, env{stdin: stdin, stdout: &out, stderr: &errOut, now: fixedNow,
			lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok }})
	}()
	show := func() string { return "stdout:\n" + out.String() + "\nstderr:\n" + errOut.String() }
	addrRE := regexp.MustCompile(`health endpoint listening" addr=(\S+)`)
	waitFor(t, "the endpoint", func() bool { return addrRE.MatchString(errOut.String()) }, show)
	base := "http://" + addrRE.FindStringSubmatch(errOut.String())[1]
	if code, body := get(t, base+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	if code, body := get(t, base+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d %q, want 200 (the corpus is loaded; the console needs no connection)", code, body)
	}
	say := func(line, want string) {
		t.Helper()
		before := strings.Count(out.String(), want)
		if _, err := io.WriteString(in, line+"\n"); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "the answer to "+line, func() bool { return strings.Count(out.String(), want) > before }, show)
	}
	_, page := get(t, base+"/metrics")
	sourcesSeries := `briefbot_commands_total{command="sources",outcome="ok",platform="console"}`
	if v := metricValue(page, sourcesSeries); v != -1 {
		t.Errorf("%s = %v before any command", sourcesSeries, v)
	}
	say("sources", "feed "+feed.URL+"/rss — 1 article")
	_, page = get(t, base+"/metrics")
	if v := metricValue(page, sourcesSeries); v != 1 {
		t.Errorf("%s = %v after one sources, want 1", sourcesSeries, v)
	}
	articles := metricValue(page, "briefbot_corpus_articles")

	// An article written into the folder: wait for the reload (the event),
	// then ask about it.
	written := time.Now()
	writeFile(t, filepath.Join(news, "ferry.md"), "---\ntitle: Ferry crews strike\npublished: 2025-08-12\n---\nFerry crews walked out on Tuesday over pay, the union said.\n")
	waitFor(t, "the new article to load", func() bool {
		_, page := get(t, base+"/metrics")
		return metricValue(page, "briefbot_corpus_articles") == articles+1
	}, show)
	loaded := time.Since(written)
	say("search ferry crews", "Ferry crews strike")
	t.Logf("an article written into the folder was loaded %v later and answerable %v later", loaded, time.Since(written)) // measured, not asserted

	say("reload", "1 feed polled, 0 changed")
	mu.Lock()
	if len(headers) != 2 || headers[1].Get("If-None-Match") != `"1"` || headers[1].Get("If-Modified-Since") != "Wed, 06 Aug 2025 09:00:00 GMT" {
		t.Errorf("feed requests = %v; want a second one with If-None-Match and If-Modified-Since", headers)
	}
	mu.Unlock()
	in.Close()
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("exit %d\n%s", code, show())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("run did not end with its input")
	}
}
