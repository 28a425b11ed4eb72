// Package metrics holds briefbot's Prometheus metrics
// (github.com/prometheus/client_golang) and serves them. It implements the
// small observer interfaces package bot declares (CommandObserver,
// CacheObserver, SlotObserver, PlatformMetrics); cmd/briefbot wires them.
//
// No label ever holds message text, a user, a channel or a secret: labels
// are platforms, command names from the fixed registry, and outcomes.
package metrics

import (
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/briefbot/briefbot/bot"
)

// Metrics is briefbot's registry of metrics. It is safe for concurrent
// use.
type Metrics struct {
	reg         *prometheus.Registry
	now         func() time.Time
	started     time.Time
	lastInbound atomic.Int64 // unix nanoseconds; 0 before the first

	commands    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	cache       *prometheus.CounterVec
	slots       *prometheus.CounterVec
	slotDelay   *prometheus.HistogramVec
	rateLimited *prometheus.CounterVec
	reconnects  *prometheus.CounterVec
	articles    prometheus.Gauge
	loadErrors  prometheus.Gauge
}

var (
	_ bot.CommandObserver = (*Metrics)(nil)
	_ bot.CacheObserver   = (*Metrics)(nil)
	_ bot.SlotObserver    = (*Metrics)(nil)
)

// New returns the metrics, with the Go runtime's and the process's. now is
// the clock of "seconds since the last inbound event" (time.Now when nil).
// The platforms named start every per-platform series at 0.
func New(now func() time.Time, platforms ...string) *Metrics {
	if now == nil {
		now = time.Now
	}
	m := &Metrics{reg: prometheus.NewRegistry(), now: now, started: now()}
	f := factory{m.reg}
	m.commands = f.counter("briefbot_commands_total", "Messages handled, by platform, command and outcome.", "platform", "command", "outcome")
	m.latency = f.histogram("briefbot_command_duration_seconds", "How long answering a message took, by command.",
		[]float64{.001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}, "command")
	m.cache = f.counter("briefbot_answer_cache_lookups_total", "Answer cache lookups, by result (hit or miss).", "result")
	m.slots = f.counter("briefbot_digest_slots_total", "Digest slots this process ran, by platform and outcome (posted, caught_up, skipped, late, failed).", "platform", "outcome")
	m.slotDelay = f.histogram("briefbot_digest_slot_to_post_seconds", "Seconds from a digest slot's time to its post, by platform.",
		[]float64{.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600}, "platform")
	m.rateLimited = f.counter("briefbot_platform_rate_limited_total", "HTTP 429 answers from a chat platform.", "platform")
	m.reconnects = f.counter("briefbot_platform_reconnects_total", "Connections to a chat platform made again after a drop.", "platform")
	m.articles = f.gauge("briefbot_corpus_articles", "Articles in the corpus last loaded, copies included.")
	m.loadErrors = f.gauge("briefbot_corpus_load_errors", "Files and feed items of the corpus that could not be loaded.")
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "briefbot_seconds_since_last_inbound_event",
		Help: "Seconds since a message last arrived from any platform (since start before the first).",
	}, m.sinceInbound))
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, p := range platforms {
		m.rateLimited.WithLabelValues(p)
		m.reconnects.WithLabelValues(p)
	}
	m.cache.WithLabelValues("hit")
	m.cache.WithLabelValues("miss")
	return m
}

// Handler serves the metrics in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Received records a message arriving (bot.CommandObserver).
func (m *Metrics) Received(string) { m.lastInbound.Store(m.now().UnixNano()) }

// Answered records a message handled (bot.CommandObserver).
func (m *Metrics) Answered(platform, command, outcome string, took time.Duration) {
	m.commands.WithLabelValues(platform, command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(took.Seconds())
}

// CacheLookup records an answer cache lookup (bot.CacheObserver).
func (m *Metrics) CacheLookup(hit bool) {
	if hit {
		m.cache.WithLabelValues("hit").Inc()
		return
	}
	m.cache.WithLabelValues("miss").Inc()
}

// SlotDone records what became of a digest slot (bot.SlotObserver).
func (m *Metrics) SlotDone(platform, outcome string, delay time.Duration) {
	m.slots.WithLabelValues(platform, outcome).Inc()
	if outcome == bot.SlotOutcomePosted || outcome == bot.SlotOutcomeCaughtUp {
		m.slotDelay.WithLabelValues(platform).Observe(delay.Seconds())
	}
}

// Corpus records the corpus last loaded: its articles and load errors.
func (m *Metrics) Corpus(articles, loadErrors int) {
	m.articles.Set(float64(articles))
	m.loadErrors.Set(float64(loadErrors))
}

// Platform returns the counters of one platform, for its adapter's
// Options.
func (m *Metrics) Platform(name string) bot.PlatformMetrics { return platform{m, name} }

// platform is Metrics seen by one adapter.
type platform struct {
	m    *Metrics
	name string
}

func (p platform) RateLimited() { p.m.rateLimited.WithLabelValues(p.name).Inc() }
func (p platform) Reconnected() { p.m.reconnects.WithLabelValues(p.name).Inc() }

// sinceInbound is the value of briefbot_seconds_since_last_inbound_event.
func (m *Metrics) sinceInbound() float64 {
	last := m.started
	if ns := m.lastInbound.Load(); ns != 0 {
		last = time.Unix(0, ns)
	}
	return m.now().Sub(last).Seconds()
}

// factory registers metrics on one registry.
type factory struct{ reg *prometheus.Registry }

func (f factory) counter(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	f.reg.MustRegister(c)
	return c
}

func (f factory) histogram(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets}, labels)
	f.reg.MustRegister(h)
	return h
}

func (f factory) gauge(name, help string) prometheus.Gauge {
	g := prometheus.NewGauge(prometheus.GaugeOpts{Name: name, Help: help})
	f.reg.MustRegister(g)
	return g
}
