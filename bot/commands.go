package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Command describes one command, for help and for platforms that register
// commands natively (Discord slash commands, Slack subcommands).
type Command struct {
	Name        string // the words that call it: "deadline status"
	Usage       string // "deadline status [TOPIC|NAME]"
	Help        string // one line saying what it answers
	Arg         string // the argument's placeholder in Usage ("TOPIC|NAME"), "" when it takes none
	ArgRequired bool
}

// Line returns the message text that runs c with arg, e.g. "what did Trump
// say" for what did and "Trump". An empty arg gives the command alone.
func (c Command) Line(arg string) string {
	arg = strings.TrimSpace(arg)
	if arg == "" || c.Arg == "" {
		return c.Name
	}
	if c.Name == "what did" {
		return "what did " + arg + " say"
	}
	if c.Name == "who said what" {
		return "who said what about " + arg
	}
	return c.Name + " " + arg
}

// command is a registry entry: the public description, the word sequences
// that call it, and what it does.
type command struct {
	Command
	forms [][]string // lowercase word sequences that call it; "what did" is parsed apart
	topic bool       // a leading "about", "on"… of the argument is dropped
	run   func(b *Bot, ix *Index, req request, now time.Time) Reply
	// list, when set, is how Handle answers: the same answer as run, as
	// a listing that renders a page at a time (commands_listings.go).
	list func(b *Bot, ix *Index, req request, now time.Time) *answer
	// act, when set, runs instead of run: the answer depends on the
	// conversation or the ledger, so it is never cached.
	act func(ctx context.Context, b *Bot, m Message, req request) (Reply, error)
}

// registry returns the commands in help order.
func registry() []command {
	return []command{
		{Command: Command{Name: "help", Usage: "help [COMMAND]", Arg: "COMMAND",
			Help: "List the commands, or explain one."},
			forms: forms("help", "commands", "what can you do"), run: (*Bot).help},
		{Command: Command{Name: "summary", Usage: "summary [ARTICLE|TOPIC]", Arg: "ARTICLE|TOPIC",
			Help: "The latest stories, each in up to three sentences across its articles; or one article; or the stories on a topic."},
			forms: forms("summary", "summaries", "summarize", "summarise"), topic: true, run: summary},
		{Command: Command{Name: "who said what", Usage: "who said what [about TOPIC]", Arg: "TOPIC",
			Help: "Every speaker and what they said, optionally only about a topic."},
			forms: forms("who said what", "quotes"), topic: true, run: whoSaidWhat, list: whoSaidWhatList},
		{Command: Command{Name: "what did", Usage: "what did NAME say [about TOPIC]", Arg: "NAME", ArgRequired: true,
			Help: "What one person or organisation said, by full name, surname or alias."},
			run: whatDid, list: whatDidList},
		{Command: Command{Name: "deadline status", Usage: "deadline status [TOPIC|NAME]", Arg: "TOPIC|NAME",
			Help: "Each deadline: who set it for whom, its history, when it is due and where it stands today."},
			forms: forms("deadline status", "deadlines status", "deadline", "deadlines", "ultimatum", "ultimatums"),
			topic: true, run: deadlineStatus, list: deadlineStatusList},
		{Command: Command{Name: "timeline", Usage: "timeline [TOPIC]", Arg: "TOPIC",
			Help: "Dated events in order; with a topic, the timeline of the story it names."},
			forms: forms("timeline"), topic: true, run: timeline, list: timelineList},
		{Command: Command{Name: "search", Usage: "search WORDS", Arg: "WORDS", ArgRequired: true,
			Help: "The sentences that best match the words."},
			forms: forms("search", "find"), run: search},
		{Command: Command{Name: "more", Usage: "more",
			Help: "The next page of your last long answer."},
			forms: forms("more", "next", "next page", "continue"), run: noMore},
		{Command: Command{Name: "sources", Usage: "sources",
			Help: "The loaded articles, and the files that could not be loaded."},
			forms: forms("sources", "source", "articles"), act: sourcesNow},
		{Command: Command{Name: "reload", Usage: "reload",
			Help: "Admins: read the corpus folder again (what changed) and poll the feeds now."},
			forms: forms("reload", "refresh"), act: reload},
		{Command: Command{Name: "digest", Usage: "digest [NAME]", Arg: "NAME",
			Help: "Preview this channel's next digest now (nothing is posted)."},
			forms: forms("digest", "digest preview", "preview"), act: digestPreview},
		{Command: Command{Name: "digest status", Usage: "digest status",
			Help: "The last and next run of this channel's digests, with a link to the last one."},
			forms: forms("digest status", "digests"), act: digestStatus},
		{Command: Command{Name: "subscribe", Usage: "subscribe daily HH:MM [TZ]", Arg: "daily HH:MM [TZ]", ArgRequired: true,
			Help: "Admins: a daily digest in this channel at that time (IANA zone, default UTC)."},
			forms: forms("subscribe"), act: subscribe},
		{Command: Command{Name: "unsubscribe", Usage: "unsubscribe",
			Help: "Admins: end this channel's daily digest."},
			forms: forms("unsubscribe"), act: unsubscribe},
		{Command: Command{Name: "schedules", Usage: "schedules",
			Help: "Admins: every scheduled digest on this platform, with its next run."},
			forms: forms("schedules", "schedule"), act: schedules},
	}
}

// noMore answers `more` when no page is waiting (Handle serves the waiting
// ones).
func noMore(_ *Bot, _ *Index, _ request, _ time.Time) Reply {
	return Reply{Title: "Nothing more", Text: "There is no more to show: ask a question or type `help`."}
}

func forms(ss ...string) [][]string {
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Fields(s)
	}
	return out
}

// help lists every command with its usage and a line each, or explains the
// one named in the argument.
func (b *Bot) help(_ *Index, req request, _ time.Time) Reply {
	r := Reply{
		Title: "briefbot commands",
		Text:  "Anything else is taken as a question and answered from the loaded articles.",
	}
	items := b.helpItems(req.arg)
	if len(items) == 0 {
		r.Text = fmt.Sprintf("There is no command %s. %s", quoted(req.arg), r.Text)
		items = b.helpItems("")
	}
	r.Sections = []Section{{Items: items}}
	return r
}

// helpItems describes the commands whose name starts with prefix.
func (b *Bot) helpItems(prefix string) []Item {
	var items []Item
	for _, c := range b.cmds {
		if strings.HasPrefix(c.Name, strings.ToLower(prefix)) {
			items = append(items, Item{Text: fmt.Sprintf("`%s` — %s", c.Usage, c.Help), Source: -1})
		}
	}
	return items
}

// sources lists the loaded articles, newest first, and the load errors
// (sourcesNow adds where they come from).
func sources(_ *Bot, ix *Index, _ request, _ time.Time) Reply {
	c := newCiter(ix)
	r := Reply{Title: "Sources", Text: fmt.Sprintf("%s loaded.", plural(ix.Len(), "article"))}
	var arts []Item
	for _, i := range ix.byDate {
		a := ix.arts[i]
		parts := []string{}
		if a.Source != "" {
			parts = append(parts, a.Source)
		}
		if a.HasDate() {
			parts = append(parts, day(a.Published))
		} else {
			parts = append(parts, "undated")
		}
		line := ix.title(i) + " — " + strings.Join(parts, ", ")
		if a.Path != "" {
			line += " (" + a.Path + ")"
		}
		arts = append(arts, c.item(i, line))
	}
	if len(arts) > 0 {
		r.Sections = append(r.Sections, Section{Heading: "Articles", Items: arts})
	}
	if len(ix.dups) > 0 {
		var dups []Item
		for _, d := range ix.dups {
			dups = append(dups, Item{Text: d.Path + ": same text as " + d.SameAs, Source: -1})
		}
		r.Sections = append(r.Sections, Section{Heading: "Copies counted once", Items: dups})
	}
	if len(ix.problems) > 0 {
		var errs []Item
		for _, p := range ix.problems {
			errs = append(errs, Item{Text: p, Source: -1})
		}
		r.Sections = append(r.Sections, Section{Heading: "Could not load", Items: errs})
	}
	r.Sources = c.srcs
	return r
}
