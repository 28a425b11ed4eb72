package metrics_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/metrics"
)

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, err := io.ReadAll(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMetrics(t *testing.T) {
	now := time.Date(2025, 8, 11, 9, 0, 0, 0, time.UTC)
	m := metrics.New(func() time.Time { return now }, "slack", "discord")
	page := scrape(t, m)
	for _, want := range []string{`briefbot_platform_reconnects_total{platform="discord"} 0`, `briefbot_platform_rate_limited_total{platform="slack"} 0`, `briefbot_answer_cache_lookups_total{result="hit"} 0`, "go_goroutines "} {
		if !strings.Contains(page, want) {
			t.Errorf("a fresh registry lacks %q", want)
		}
	}
	m.Received("slack")
	now = now.Add(90 * time.Second)
	m.Answered("slack", "deadline status", bot.OutcomeOK, 30*time.Millisecond)
	m.CacheLookup(true)
	m.SlotDone("discord", bot.SlotOutcomeCaughtUp, 2*time.Hour)
	m.SlotDone("discord", bot.SlotOutcomeSkipped, 0)
	m.Platform("slack").RateLimited()
	m.Platform("discord").Reconnected()
	m.Corpus(12, 1)
	page = scrape(t, m)
	for _, want := range []string{
		`briefbot_commands_total{command="deadline status",outcome="ok",platform="slack"} 1`,
		`briefbot_command_duration_seconds_bucket{command="deadline status",le="0.05"} 1`,
		`briefbot_answer_cache_lookups_total{result="hit"} 1`,
		`briefbot_digest_slots_total{outcome="caught_up",platform="discord"} 1`,
		`briefbot_digest_slots_total{outcome="skipped",platform="discord"} 1`,
		`briefbot_digest_slot_to_post_seconds_count{platform="discord"} 1`,
		`briefbot_platform_rate_limited_total{platform="slack"} 1`,
		`briefbot_platform_reconnects_total{platform="discord"} 1`,
		`briefbot_seconds_since_last_inbound_event 90`,
		`briefbot_corpus_articles 12`,
		`briefbot_corpus_load_errors 1`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}
