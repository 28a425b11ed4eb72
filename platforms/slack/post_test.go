package slack_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// newAdapter returns an adapter on f that is not listening (Post only).
func newAdapter(t *testing.T, f *slackfake.Server, edit func(*slack.Options)) (*slack.Adapter, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	opts := testOptions(f, logs)
	if edit != nil {
		edit(&opts)
	}
	a, err := slack.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { assertNoSecrets(t, logs.String()) })
	return a, logs
}

func TestPostWaitsRetryAfterThenPostsOnce(t *testing.T) {
	f := newFake(t, 0)
	a, logs := newAdapter(t, f, nil)
	f.FailPosts(slackfake.Failure{Status: 429, RetryAfter: 1})
	id, err := a.Post(waitCtx(t), bot.Reply{Channel: "C1", Thread: "1700000000.000001", Title: "Digest", Text: "news"})
	if err != nil {
		t.Fatalf("Post() = %v", err)
	}
	posts, rejected := f.Posts(), f.Rejected()
	if len(posts) != 1 || len(rejected) != 1 || posts[0].TS != id {
		t.Fatalf("posts %+v, rejected %+v, id %q: want one post after one 429", posts, rejected, id)
	}
	waited := posts[0].At.Sub(rejected[0].At)
	t.Logf("retried %v after the 429", waited) // measured
	if waited < time.Second {
		t.Errorf("retried %v after a 429 with Retry-After: 1, want at least 1s", waited)
	}
	if posts[0].ThreadTS != "1700000000.000001" {
		t.Errorf("thread_ts = %q", posts[0].ThreadTS)
	}
	if !strings.Contains(logs.String(), "rate limited; retrying") {
		t.Errorf("the 429 was not logged:\n%s", logs)
	}
}

func TestPostGivesUp(t *testing.T) {
	tests := []struct {
		name      string
		fail      slackfake.Failure
		wantRetry bool
		wantAfter time.Duration
	}{
		{"Retry-After beyond the longest wait", slackfake.Failure{Status: 429, RetryAfter: 120}, true, 120 * time.Second},
		{"429 without Retry-After", slackfake.Failure{Status: 429}, true, 0},
		{"server error", slackfake.Failure{Status: 503}, true, 0},
		{"slack says ratelimited", slackfake.Failure{Error: "ratelimited"}, true, 0},
		{"no such channel", slackfake.Failure{Error: "channel_not_found"}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, 0)
			a, _ := newAdapter(t, f, nil)
			f.FailPosts(tt.fail)
			_, err := a.Post(waitCtx(t), bot.Reply{Channel: "C1", Text: "news"})
			re, isRetry := errors.AsType[*bot.RetryError](err)
			if err == nil || isRetry != tt.wantRetry || (isRetry && re.After != tt.wantAfter) {
				t.Fatalf("Post() = %#v, want a RetryError %v (after %v)", err, tt.wantRetry, tt.wantAfter)
			}
			if n := len(f.Rejected()); n != 1 || len(f.Posts()) != 0 {
				t.Errorf("%d calls refused and %d posted, want exactly 1 call and no post", n, len(f.Posts()))
			}
		})
	}
}

// longReply has n sections of one item of size bytes each.
func longReply(channel string, n, size int) bot.Reply {
	r := bot.Reply{Channel: channel, Title: "Long"}
	for i := range n {
		text := fmt.Sprintf("item%02d %s", i, strings.Repeat("word ", size/5))
		r.Sections = append(r.Sections, bot.Section{Heading: fmt.Sprintf("Section %d", i), Items: []bot.Item{{Text: text, Source: -1}}})
	}
	return r
}

func TestPostSendsPartsInOrderAndPaced(t *testing.T) {
	f := newFake(t, 0)
	const interval = 50 * time.Millisecond
	a, _ := newAdapter(t, f, func(o *slack.Options) { o.PostInterval = interval })
	id, err := a.Post(waitCtx(t), longReply("C1", 10, 2900)) // about 29,000 bytes: 3 messages
	if err != nil {
		t.Fatal(err)
	}
	posts := f.Posts()
	if len(posts) != 3 || posts[0].TS != id {
		t.Fatalf("%d posts (first ts %q, id %q), want 3", len(posts), posts[0].TS, id)
	}
	for i, p := range posts {
		if want := fmt.Sprintf("Long (%d/3)", i+1); p.Text != want || p.BlockTexts()[0] != want {
			t.Errorf("part %d is titled %q / %q, want %q", i, p.Text, p.BlockTexts()[0], want)
		}
		if i > 0 {
			gap := p.At.Sub(posts[i-1].At)
			t.Logf("gap before part %d: %v", i+1, gap)
			if gap < interval {
				t.Errorf("part %d came %v after the previous one, want at least %v", i+1, gap, interval)
			}
		}
	}
}

func TestPostAfterAPartWentOutIsNotRetryable(t *testing.T) {
	f := newFake(t, 0)
	a, _ := newAdapter(t, f, nil)
	f.FailPosts(slackfake.Failure{}, slackfake.Failure{Status: 500})
	_, err := a.Post(waitCtx(t), longReply("C1", 10, 2900))
	if _, ok := errors.AsType[*bot.RetryError](err); ok || err == nil || !strings.Contains(err.Error(), "posted 1 of 3 messages") {
		t.Errorf("Post() = %v, want a plain error after 1 of 3 (a retry would post part 1 twice)", err)
	}
}

func TestPostNeedsAChannel(t *testing.T) {
	f := newFake(t, 0)
	a, _ := newAdapter(t, f, nil)
	if _, err := a.Post(t.Context(), bot.Reply{Text: "x"}); err == nil {
		t.Error("Post() without a channel = nil error")
	}
}

func TestNewChecksOptions(t *testing.T) {
	tests := []struct {
		name string
		opts slack.Options
	}{
		{"no bot token", slack.Options{AppToken: "xapp-1"}},
		{"neither app token nor signing secret", slack.Options{BotToken: "xoxb-1"}},
	}
	for _, tt := range tests {
		if _, err := slack.New(tt.opts); err == nil {
			t.Errorf("New(%s) = nil error", tt.name)
		}
	}
	o := slack.Options{BotToken: "xoxb-secret", AppToken: "xapp-secret", SigningSecret: "shh"}
	for _, s := range []string{fmt.Sprint(o), fmt.Sprintf("%+v", o), fmt.Sprintf("%#v", o)} {
		if strings.Contains(s, "secret") || strings.Contains(s, "shh") {
			t.Errorf("Options print their secrets: %s", s)
		}
	}
}
