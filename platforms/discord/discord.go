// Package discord is the Discord platform: a bot on the gateway
// (github.com/bwmarrin/discordgo) that answers the /brief slash command,
// @mentions and direct messages, and renders replies as embeds.
//
// The adapter supervises its own gateway connection: it resumes after a
// drop, backs off with jitter between failures, checks the daily identify
// budget before each new session, and stops with a clear error on a close
// code that retrying cannot fix (4004 authentication failed, 4010–4014).
// Every message it sends parses no mentions, and text from articles and
// users is escaped as well (see Escape).
package discord

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

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// Options configure an Adapter. Token is required; the zero value of every
// other field is a usable default.
type Options struct {
	Token          string        // the bot token from the Developer Portal, without "Bot "
	GuildID        string        // register /brief in this guild (at once); "" registers it globally (up to an hour)
	APIURL         string        // the REST base, DefaultAPIURL when ""; the gateway URL is discovered through it
	MessageContent bool          // ask for the privileged message-content intent
	Commands       []bot.Command // the registry /brief is generated from
	Logger         *slog.Logger  // discards when nil

	MinBackoff  time.Duration // first wait after a failed connection: 1s
	MaxBackoff  time.Duration // longest wait between connection attempts: 2m
	StableAfter time.Duration // a connection up this long resets the backoff: 1m
	Attempts    int           // tries per REST call on 429 or 5xx: 5
	MaxWait     time.Duration // longest wait before another try; longer gives a *bot.RetryError: 1m

	PostBurst    int           // messages a channel may take at once: DefaultPostBurst
	PostInterval time.Duration // then one message per PostInterval: DefaultPostInterval

	Metrics bot.PlatformMetrics // counts 429s and reconnects; nil counts nothing
}

// Adapter is the Discord platform. Post may be called at any time and
// concurrently; Listen runs once at a time.
type Adapter struct {
	opts      Options
	log       *slog.Logger
	client    *http.Client       // every session's REST client: the rewriting transport
	rest      *discordgo.Session // REST calls; never opened
	slash     slash
	listening atomic.Bool
	self      atomic.Pointer[identity] // set by READY
	guilds    guilds                   // each known channel's guild, for Link
	conn      bot.ConnState            // see Ready
	lanes     *lanes                   // one paced queue per channel for everything the bot sends
}

// identity is who the bot is, as READY says.
type identity struct{ userID, appID string }

var (
	_ bot.Platform   = (*Adapter)(nil)
	_ bot.Linker     = (*Adapter)(nil)
	_ bot.PostFinder = (*Adapter)(nil)
)

// New returns an adapter for opts. It makes no request: a wrong token is
// reported by Listen (or Post).
func New(opts Options) (*Adapter, error) {
	opts.Token = strings.TrimSpace(strings.TrimPrefix(opts.Token, "Bot "))
	if opts.Token == "" || strings.ContainsAny(opts.Token, " \t\r\n") {
		return nil, errors.New("the bot token is empty or malformed")
	}
	base, err := parseBase(cmp.Or(opts.APIURL, DefaultAPIURL))
	if err != nil {
		return nil, err
	}
	opts.MinBackoff = cmp.Or(opts.MinBackoff, time.Second)
	opts.MaxBackoff = max(cmp.Or(opts.MaxBackoff, 2*time.Minute), opts.MinBackoff)
	opts.StableAfter = cmp.Or(opts.StableAfter, time.Minute)
	opts.Attempts = cmp.Or(opts.Attempts, 5)
	opts.MaxWait = cmp.Or(opts.MaxWait, time.Minute)
	opts.PostBurst = cmp.Or(opts.PostBurst, DefaultPostBurst)
	opts.PostInterval = cmp.Or(opts.PostInterval, DefaultPostInterval)
	a := &Adapter{
		opts:   opts,
		log:    cmp.Or(opts.Logger, slog.New(slog.DiscardHandler)),
		client: &http.Client{Timeout: 20 * time.Second, Transport: &rewriter{base: base, next: http.DefaultTransport}},
		slash:  newSlash(opts.Commands),
		lanes:  newLanes(opts.PostBurst, opts.PostInterval),
	}
	a.rest = a.session(a.client)
	return a, nil
}

// session returns a discordgo session that talks through client, with the
// SDK's own retries and logging off: the adapter retries (bounded by ctx)
// and logs through slog, and the SDK's log lines would bypass it.
func (a *Adapter) session(client *http.Client) *discordgo.Session {
	s, err := discordgo.New("Bot " + a.opts.Token)
	if err != nil {
		panic("discordgo.New: " + err.Error()) // unreachable: New has no failing path in v0.29.0
	}
	s.Client = client
	s.ShouldRetryOnRateLimit = false
	s.MaxRestRetries = 0
	s.ShouldReconnectOnError = false // the adapter supervises reconnection
	s.StateEnabled = false
	s.SyncEvents = true // handlers run on the read loop and hand work to goroutines Listen owns
	s.LogLevel = -1     // below discordgo.LogError: silent
	s.Identify.Intents = a.intents()
	return s
}

// intents are the gateway intents asked for: guilds, guild messages and
// direct messages, and message content only when configured (privileged:
// without it Discord still sends the text of mentions and DMs).
func (a *Adapter) intents() discordgo.Intent {
	i := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if a.opts.MessageContent {
		i |= discordgo.IntentsMessageContent
	}
	return i
}

// Post sends r to r.Thread (a thread is a channel on Discord), else
// r.Channel, and returns the ID of its first message. A rate limit or
// server error that outlasts the adapter's retries comes back as a
// *bot.RetryError (errors.As). When a reply takes several messages, those
// before a failure have been posted. Post waits its turn in the channel's
// queue (see deliver).
//
// With r.Key set, each message carries a nonce made from the key and its
// part, with enforce_nonce: for a few minutes Discord answers a repeat of
// it with the message it already created instead of posting it again. Each
// message also shows a marker line naming the key's hash and its part,
// which FindPost looks for later.
func (a *Adapter) Post(ctx context.Context, r bot.Reply) (string, error) {
	ch := cmp.Or(r.Thread, r.Channel)
	if ch == "" {
		return "", errors.New("post: the reply names no channel")
	}
	msgs := Render(r)
	if r.Key != "" {
		msgs = mark(msgs, r.Key)
	}
	id, err := a.deliver(ctx, channelTarget{s: a.rest, channel: ch}, msgs)
	if err != nil {
		return id, fmt.Errorf("post to channel %s: %w", ch, err)
	}
	return id, nil
}
