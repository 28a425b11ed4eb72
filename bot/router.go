package bot

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	gocache "github.com/patrickmn/go-cache"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// MaxInputBytes is the longest message Handle reads; a longer one gets a
// *Error.
const MaxInputBytes = 4000

// DefaultCacheTTL is how long an answer is reused when Options.CacheTTL is 0.
const DefaultCacheTTL = 10 * time.Minute

// maxCacheEntries bounds the answer cache, which go-cache does not: past it
// expired answers are dropped, then all of them.
const maxCacheEntries = 1000

// Options configure a Bot. The zero value is usable.
type Options struct {
	Now      func() time.Time // the clock; time.Now when nil
	Logger   *slog.Logger     // discards when nil
	CacheTTL time.Duration    // how long an answer is reused: DefaultCacheTTL when 0, never when negative
	// Admins are "platform:user" entries who may run the admin commands
	// (reload, subscribe, unsubscribe, schedules, audit). Nobody else may,
	// unless AdminGroups, AdminRoles or AdminChannels say so; the console
	// always may.
	Admins        []string
	AdminGroups   []string // Slack user group IDs whose members are admins (Message.Groups)
	AdminRoles    []string // Discord role IDs whose holders are admins (Message.Roles)
	AdminChannels []string // "platform:channel" entries where everyone is an admin
	// Limits is the flood control; the zero value is none (see
	// DefaultLimits).
	Limits Limits
	Cache  CacheObserver // counts cache lookups; nil counts nothing
	// Progress, when set, is told how many of the articles SetCorpus
	// analyses are done, from several goroutines at once.
	Progress func(done, total int)
	// Analyses, when set, keeps analyses across restarts: SetCorpus reads
	// an unchanged article's analysis from it and writes the new ones.
	Analyses AnalysisCache
	// Snapshots, when set, keeps the index across restarts: the first
	// SetCorpus reads the index of an unchanged corpus from it instead of
	// building it, and every index built is written to it in the
	// background (see Bot.CloseSnapshots). With SnapshotsReadOnly the bot
	// reads a snapshot but never writes one (a one-shot command).
	Snapshots         IndexSnapshots
	SnapshotsReadOnly bool
}

// Bot answers chat messages from a briefing index. It is safe for concurrent
// use: Handle may run on many goroutines while SetCorpus swaps the index.
type Bot struct {
	now      func() time.Time
	log      *slog.Logger
	ttl      time.Duration
	cache    *gocache.Cache
	pages    *cursors // the rest of long answers, per conversation
	analyze  analyzeFunc
	cmds     []command
	perms    permissions
	flood    *flood
	cacheOb  CacheObserver
	progress func(done, total int)
	analyses AnalysisCache              // nil: none
	snaps    IndexSnapshots             // nil: none
	snapW    *snapshotWriter            // nil: snapshots are not written
	live     atomic.Pointer[liveCorpus] // the live corpus, nil when fixed (SetLibrary)
	audit    atomic.Pointer[auditBox]   // the audit log, nil when off (SetAuditLog)

	mu    sync.Mutex // serialises swaps
	state atomic.Pointer[state]
	sched atomic.Pointer[Scheduler] // the digests' scheduler, nil when digests are off
}

// state is what a swap replaces at once: the index and its generation,
// which keys the cache so an answer computed from an old index is never
// served after a swap.
type state struct {
	ix  *Index
	gen uint64
}

var _ Handler = (*Bot)(nil)

// New returns a bot with an empty corpus; give it one with SetCorpus.
func New(opts Options) *Bot {
	b := &Bot{
		now:     opts.Now,
		log:     cmp.Or(opts.Logger, slog.New(slog.DiscardHandler)),
		ttl:     cmp.Or(opts.CacheTTL, DefaultCacheTTL),
		analyze: summarize.Analyze,
	}
	if b.now == nil {
		b.now = time.Now
	}
	// No janitor goroutine (cleanup interval 0): Handle bounds the cache.
	b.cache = gocache.New(b.ttl, 0)
	b.pages = newCursors()
	b.cmds = append(registry(), auditCommand())
	b.perms, b.flood = newPermissions(opts), newFlood(opts.Limits)
	b.cacheOb, b.progress = opts.Cache, opts.Progress
	b.analyses = opts.Analyses
	if b.snaps = opts.Snapshots; b.snaps != nil && !opts.SnapshotsReadOnly {
		b.snapW = newSnapshotWriter(b.snaps, b.log)
	}
	empty, err := NewIndex(nil, nil, nil)
	if err != nil {
		panic(err) // unreachable: empty slices always pair up
	}
	b.state.Store(&state{ix: empty})
	return b
}

// SetCorpus analyses arts in parallel, indexes them with the errors met
// loading them, swaps the new index in and drops every cached answer. An
// article unchanged since the current index keeps its analysis. An
// article whose text or URL another one already carries is indexed once
// (see corpus.Dedupe) and listed by the sources command. On error (ctx
// ended) the bot keeps answering from the index it had.
//
// With Options.Snapshots, the first corpus set (the bot holds none yet)
// is indexed from the snapshot of the same corpus when there is one, read
// while the analyses load; any failure builds the index instead, logged
// once. Every index built is then written as the snapshot in the
// background (see CloseSnapshots).
func (b *Bot) SetCorpus(ctx context.Context, arts []corpus.Article, loadErrs []error) error {
	arts, dups := corpus.Dedupe(arts)
	cur := b.state.Load().ix
	var (
		snap *snapshotFetch
		keys []AnalysisKey // KeyOf(arts[i]), hashed once for the snapshot and the cache
	)
	if b.snaps != nil && cur.Len() == 0 && len(arts) > 0 {
		keys = analysisKeys(arts)
		snap = fetchSnapshot(ctx, b.snaps, arts, keys) // read and decoded while the analyses load
	}
	enc, todo := reuseAnalyses(cur, arts)
	fresh := make([]corpus.Article, len(todo))
	var freshKeys []AnalysisKey
	if keys != nil {
		freshKeys = make([]AnalysisKey, len(todo))
	}
	for k, i := range todo {
		fresh[k] = arts[i]
		if keys != nil {
			freshKeys[k] = keys[i]
		}
	}
	doneEnc, doneAns, problems, err := b.analyzeFresh(ctx, fresh, freshKeys)
	if err != nil {
		if snap != nil {
			<-snap.done
		}
		return fmt.Errorf("set corpus: %w", err)
	}
	ans := make([]*summarize.Analysis, len(arts)) // those analysed now; the others are decoded only to build the index
	analysed := 0
	for k, i := range todo {
		enc[i], ans[i] = doneEnc[k], doneAns[k]
		if doneAns[k] != nil {
			analysed++
		}
	}
	for _, p := range problems {
		b.log.Warn("article analysis failed", "err", p)
	}
	errs := append(slices.Clone(loadErrs), problems...)
	var ix *Index
	if snap != nil {
		ix = b.restoreFetched(snap, arts, enc, errs)
	}
	built := ix == nil
	if built {
		decodeMissing(arts, enc, ans, b.analyze)
		if ix, err = buildIndex(arts, ans, enc, b.analyze, errs, cur); err != nil {
			return fmt.Errorf("set corpus: %w", err)
		}
	}
	ix.dups = dups
	if built && b.snapW != nil {
		b.snapW.offer(ix) // after the last write to ix: the writer reads it
	}
	b.SetIndex(ix)
	b.log.Info("corpus indexed", "articles", len(arts), "kept", len(arts)-len(todo), "cached", len(todo)-analysed, "analysed", analysed,
		"duplicates", len(dups), "load_errors", len(loadErrs), "analysis_errors", len(problems))
	return nil
}

// SetIndex swaps in an index built with NewIndex and drops every cached
// answer.
func (b *Bot) SetIndex(ix *Index) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.state.Store(&state{ix: ix, gen: b.state.Load().gen + 1})
	b.cache.Flush()
}

// Commands returns the command registry: every command with its usage and
// one line of help, in help order.
func (b *Bot) Commands() []Command {
	out := make([]Command, len(b.cmds))
	for i, c := range b.cmds {
		out[i] = c.Command
	}
	return out
}

// Handle answers one message with one reply. Input that is no command is
// answered as a question, so no message goes unanswered. A long answer is
// never cut: Handle sends its first page, and `more` from the same user in
// the same conversation sends the next. A message longer
// than MaxInputBytes or not valid UTF-8 gets a *Error; so does nothing
// else. A message over the flood limits (Options.Limits), or an expensive
// query while the author's previous one runs, gets a reply saying when to
// try again. Admin commands are refused to all but admins (see
// Options.Admins) and recorded in the audit log. Other errors (ctx ended,
// a failing command) are for the operator.
func (b *Bot) Handle(ctx context.Context, m Message) (replies []Reply, err error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("handle: %w", err)
	}
	if busy, ok := b.flood.admit(m); !ok {
		b.logFor(ctx, m).Debug("message over the flood limits", "reply", busy.Text)
		return []Reply{*busy}, nil
	}
	if !utf8.ValidString(m.Text) {
		return nil, &Error{Message: "I could not read that message: it is not valid UTF-8 text."}
	}
	if len(m.Text) > MaxInputBytes {
		return nil, &Error{Message: fmt.Sprintf("That message is too long (%d bytes). Please keep it under %d bytes.", len(m.Text), MaxInputBytes)}
	}
	defer func() {
		if r := recover(); r != nil {
			// No message text: it is the user's, and logs are the operator's.
			b.logFor(ctx, m).Error("command panicked", "command", b.CommandName(m.Text), "panic", r)
			replies, err = nil, fmt.Errorf("handle %s: panic: %v", b.CommandName(m.Text), r)
		}
	}()
	req := parse(m.Text, b.cmds)
	if req.cmd != nil && req.cmd.Name == "more" && req.arg == "" {
		if page, ok := b.pages.take(conversation(m)); ok {
			return cloneReplies([]Reply{page}), nil
		}
	}
	if req.cmd != nil && req.cmd.act != nil {
		return b.act(ctx, m, req) // per channel, never cached (digest_commands.go)
	}
	st, now := b.state.Load(), b.now()
	// The day is part of the key: deadline status counts days from it.
	key := fmt.Sprintf("%d\x00%s\x00%s", st.gen, now.Format(time.DateOnly), req.key())
	if b.ttl > 0 {
		v, ok := b.cache.Get(key)
		if b.cacheOb != nil {
			b.cacheOb.CacheLookup(ok)
		}
		if ok {
			b.logFor(ctx, m).Debug("answered from cache", "command", req.name())
			return b.sendFirst(m, v.(*answer)), nil
		}
	}
	if expensiveCommands[req.name()] {
		done, busy := b.flood.startQuery(m)
		if busy != nil {
			return []Reply{*busy}, nil
		}
		defer done()
	}
	pages := b.answerOf(st.ix, req, now) // a listing renders only its first page now
	if b.ttl > 0 {
		b.cache.SetDefault(key, pages)
		if b.cache.ItemCount() > maxCacheEntries {
			b.cache.DeleteExpired()
			if b.cache.ItemCount() > maxCacheEntries {
				b.cache.Flush()
			}
		}
	}
	b.logFor(ctx, m).Debug("answered", "command", req.name(), "pages", pages.count())
	return b.sendFirst(m, pages), nil
}

// firstPage returns an answer's first page and keeps the others for the
// conversation's `more`; an answer of one page forgets what was waiting.
func (b *Bot) firstPage(m Message, pages []Reply) []Reply {
	return b.sendFirst(m, &answer{pages: pages})
}

// answer runs the request's command, or answers a question.
func (b *Bot) answer(ix *Index, req request, now time.Time) Reply {
	if req.cmd == nil {
		return b.question(ix, req)
	}
	return req.cmd.run(b, ix, req, now)
}

// cloneReplies copies replies deeply enough that a caller changing one
// (setting Channel, trimming Items) cannot change a cached answer.
func cloneReplies(rs []Reply) []Reply {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Sections = slices.Clone(out[i].Sections)
		for j := range out[i].Sections {
			out[i].Sections[j].Items = slices.Clone(out[i].Sections[j].Items)
		}
		out[i].Sources = slices.Clone(out[i].Sources)
	}
	return out
}
