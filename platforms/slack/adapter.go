// Package slack is the Slack platform: it connects a bot.Handler to a
// workspace over Socket Mode (or the HTTP Events API), answers @mentions,
// direct messages and the /brief slash command, and renders bot.Reply as
// Block Kit within Slack's limits.
//
// It uses github.com/slack-go/slack, in production and in tests alike: the
// tests point the Web API base URL at a fake on 127.0.0.1 (see slackfake).
package slack

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Defaults for the zero values of Options.
const (
	DefaultAPIURL       = "https://slack.com/api/"
	DefaultEventsAddr   = ":3000"
	DefaultWorkers      = 8
	DefaultPostInterval = time.Second      // Slack allows about one message a second per channel
	DefaultMaxRetryWait = time.Minute      // a longer Retry-After is handed back as a *bot.RetryError
	DefaultAttempts     = 3                // calls of one message while Slack answers 429
	DefaultPingTimeout  = 30 * time.Second // a socket without a server ping for this long is reopened
	DefaultMinBackoff   = time.Second
	DefaultMaxBackoff   = 5 * time.Minute
	DefaultDedupTTL     = time.Hour // Slack retries an unacked event for a few minutes
)

// Options configure an Adapter. BotToken is required, and AppToken (Socket
// Mode) or SigningSecret (HTTP Events API); every other zero value means
// the default above. Options never print their secrets.
type Options struct {
	BotToken      string // xoxb-…: the Web API
	AppToken      string // xapp-…: Socket Mode; when empty, the HTTP Events API
	SigningSecret string // verifies HTTP Events API requests
	APIURL        string // the Web API base, ending in "/"
	EventsAddr    string // where the HTTP Events API endpoint listens

	Logger       *slog.Logger
	HTTPClient   *http.Client  // for the Web API and response_url; a 30 s timeout by default
	Workers      int           // messages answered at once
	PostInterval time.Duration // the least time between two messages in one channel
	MaxRetryWait time.Duration // the longest Retry-After waited for before retrying a post
	Attempts     int           // calls of one message while Slack answers 429
	PingTimeout  time.Duration // reopen a socket without a server ping for this long
	MinBackoff   time.Duration // the supervisor's first restart delay, doubled up to MaxBackoff
	MaxBackoff   time.Duration
	DedupTTL     time.Duration // how long an event ID is remembered
	// UserGroups are the user group IDs the bot's admin permissions name:
	// each message's author is looked up in them (bot.Message.Groups),
	// their members read with usergroups.users.list (scope
	// usergroups:read) at most once per GroupsTTL. None: no lookup.
	UserGroups []string
	GroupsTTL  time.Duration

	Metrics bot.PlatformMetrics // counts 429s and reconnects; nil counts nothing
}

// String describes o with its secrets redacted, so logging Options is safe.
func (o Options) String() string {
	return fmt.Sprintf("slack.Options{BotToken:%s AppToken:%s SigningSecret:%s APIURL:%s EventsAddr:%s}",
		redacted(o.BotToken), redacted(o.AppToken), redacted(o.SigningSecret), o.APIURL, o.EventsAddr)
}

// redacted stands for a secret in printed text: "" when unset.
func redacted(secret string) string {
	if secret == "" {
		return ""
	}
	return "[redacted]"
}

// GoString is String, for %#v.
func (o Options) GoString() string { return o.String() }

// Adapter is the Slack platform. Listen and Post may run concurrently.
type Adapter struct {
	opts         Options
	api          *slackapi.Client
	http         *http.Client
	log          *slog.Logger
	lanes        *lanes
	seen         *seenSet
	attempts     int
	maxRetryWait time.Duration
	secrets      *strings.Replacer
	groups       *groupCache              // the admin user groups' members
	self         atomic.Pointer[identity] // the last auth.test answer; nil before the first
	conn         bot.ConnState            // see Ready
}

var (
	_ bot.Platform   = (*Adapter)(nil)
	_ bot.Linker     = (*Adapter)(nil)
	_ bot.PostFinder = (*Adapter)(nil)
)

// New returns an adapter for opts. It fails when a required setting is
// missing; it does not connect (Listen does).
func New(opts Options) (*Adapter, error) {
	if opts.BotToken == "" {
		return nil, errors.New("new slack adapter: a bot token is required")
	}
	if opts.AppToken == "" && opts.SigningSecret == "" {
		return nil, errors.New("new slack adapter: an app-level token (Socket Mode) or a signing secret (HTTP Events API) is required")
	}
	opts.APIURL = cmp.Or(opts.APIURL, DefaultAPIURL)
	if !strings.HasSuffix(opts.APIURL, "/") {
		opts.APIURL += "/"
	}
	opts.EventsAddr = cmp.Or(opts.EventsAddr, DefaultEventsAddr)
	opts.Logger = cmp.Or(opts.Logger, slog.New(slog.DiscardHandler))
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	opts.Workers = cmp.Or(opts.Workers, DefaultWorkers)
	opts.PostInterval = cmp.Or(opts.PostInterval, DefaultPostInterval)
	opts.MaxRetryWait = cmp.Or(opts.MaxRetryWait, DefaultMaxRetryWait)
	opts.Attempts = cmp.Or(opts.Attempts, DefaultAttempts)
	opts.PingTimeout = cmp.Or(opts.PingTimeout, DefaultPingTimeout)
	opts.MinBackoff = cmp.Or(opts.MinBackoff, DefaultMinBackoff)
	opts.MaxBackoff = max(cmp.Or(opts.MaxBackoff, DefaultMaxBackoff), opts.MinBackoff)
	opts.DedupTTL = cmp.Or(opts.DedupTTL, DefaultDedupTTL)
	opts.GroupsTTL = cmp.Or(opts.GroupsTTL, DefaultGroupsTTL)

	var pairs []string
	for _, s := range []string{opts.BotToken, opts.AppToken, opts.SigningSecret} {
		if s != "" {
			pairs = append(pairs, s, "[redacted]")
		}
	}
	apiOpts := []slackapi.Option{slackapi.OptionAPIURL(opts.APIURL), slackapi.OptionHTTPClient(opts.HTTPClient)}
	if opts.AppToken != "" {
		apiOpts = append(apiOpts, slackapi.OptionAppLevelToken(opts.AppToken))
	}
	api := slackapi.New(opts.BotToken, apiOpts...)
	fetch := func(ctx context.Context, g string) ([]string, error) { return api.GetUserGroupMembersContext(ctx, g) }
	return &Adapter{
		opts:         opts,
		api:          api,
		groups:       newGroupCache(opts.UserGroups, opts.GroupsTTL, time.Now, fetch),
		http:         opts.HTTPClient,
		log:          opts.Logger,
		lanes:        newLanes(opts.PostInterval),
		seen:         newSeenSet(opts.DedupTTL, 10_000, time.Now),
		attempts:     opts.Attempts,
		maxRetryWait: opts.MaxRetryWait,
		secrets:      strings.NewReplacer(pairs...),
	}, nil
}

// Listen connects and answers messages until ctx ends (it returns nil then)
// or Slack refuses the credentials for good (it returns an error saying
// which). Over Socket Mode it reconnects by itself after any other failure;
// over the HTTP Events API it serves Options.EventsAddr (see ServeEvents).
// When ctx ends it accepts no new message, but the answers already being
// worked on are finished and posted (for at most AnswerGrace) before it
// returns.
func (a *Adapter) Listen(ctx context.Context, h bot.Handler) error {
	if a.opts.AppToken != "" {
		return a.listenSocket(ctx, h)
	}
	return a.listenHTTP(ctx, h)
}

// Post sends r to r.Channel (in r.Thread when set) outside of a
// conversation, as a digest, and returns the ts of its first message. A
// long reply goes out as several messages, in order. Post waits its turn in
// the channel's queue and its pacing. A rate limit or server error comes
// back as a *bot.RetryError, but only while nothing was posted: once part
// of a reply is out, a retry would post it twice, so the error is plain.
// With r.Key set, each message carries it in its metadata (see FindPost);
// Slack itself does not refuse a duplicate.
func (a *Adapter) Post(ctx context.Context, r bot.Reply) (string, error) {
	if r.Channel == "" {
		return "", errors.New("post: the reply has no channel")
	}
	msgs := render(r)
	if len(msgs) == 0 {
		return "", errors.New("post: the reply is empty")
	}
	t := a.lanes.reserve(r.Channel)
	defer t.release()
	if err := t.wait(ctx); err != nil {
		return "", fmt.Errorf("post to %s: %w", r.Channel, err)
	}
	id, sent, err := a.deliver(ctx, t, &target{channel: r.Channel, thread: r.Thread, key: r.Key}, msgs)
	if err != nil && sent > 0 {
		if re, ok := errors.AsType[*bot.RetryError](err); ok {
			err = re.Err
		}
		return id, fmt.Errorf("posted %d of %d messages: %w", sent, len(msgs), err)
	}
	return id, err
}

// scrub returns err's text with every configured secret redacted, for logs.
func (a *Adapter) scrub(err error) string {
	if err == nil {
		return ""
	}
	return a.secrets.Replace(err.Error())
}
