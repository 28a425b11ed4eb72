// Package bot is briefbot's core: the messages platforms deliver, the replies
// they render, the command router, the commands and the briefing index they
// answer from.
//
// bot never imports a platform, the store or the config: cmd/briefbot wires
// concrete values in.
package bot

import (
	"context"
	"fmt"
	"time"
)

// Message is one chat message addressed to the bot, as a platform adapter
// delivers it. Text has the bot mention and any slash-command prefix the
// platform adds already removed.
//
// Groups and Roles are what the admin permissions (Options.AdminGroups,
// Options.AdminRoles) read: an adapter fills them only when it knows
// them, and a message without them is simply not granted by them.
type Message struct {
	Platform string // "console", "slack", "discord"
	Channel  string
	Thread   string
	User     string
	Text     string
	// Groups are the Slack user group IDs ("S0123ABCD") the author is a
	// member of, among those the admin permissions name; nil elsewhere.
	Groups []string
	// Roles are the Discord role IDs the author holds in the server the
	// message came from (its member's roles); nil in a DM and elsewhere.
	Roles []string
}

// Handler answers messages. Handle returns the replies to post (usually
// one), or an error for a failure the user should hear about only as
// "Sorry, something went wrong." (a *Error's Message is shown as is).
type Handler interface {
	Handle(ctx context.Context, m Message) ([]Reply, error)
}

// Platform is a chat platform adapter. Listen delivers messages to h until
// ctx ends (it returns nil then) or the connection fails for good. Post sends
// a reply outside of a conversation (a digest) and returns the platform's
// message ID; a rate limit or server error comes back as a *RetryError.
type Platform interface {
	Listen(ctx context.Context, h Handler) error
	Post(ctx context.Context, r Reply) (id string, err error)
}

// Reply is a platform-neutral answer: a title, sections of items, and the
// articles cited. Each adapter renders it natively (Block Kit, embeds, plain
// text).
type Reply struct {
	Channel  string // where to post; "" means the channel of the message answered
	Thread   string
	Title    string
	Text     string // an optional lead paragraph
	Sections []Section
	Sources  []Source // every article an item cites, in order of first citation
	Footer   string   // an optional closing line ("Page 1 of 3. Say `more` for the next page.")
	// Key is a stable ID of this post (a digest slot's key), "" for an
	// answer. An adapter that can uses it to refuse a duplicate of the post
	// and to find the post again (see PostFinder).
	Key string
}

// Section is a group of items under an optional heading.
type Section struct {
	Heading string
	Items   []Item
}

// Item is one line of an answer. Source indexes Reply.Sources (-1 when the
// item cites nothing, as in help).
type Item struct {
	Text   string
	Source int
}

// Source identifies a cited article so a reader can check it.
type Source struct {
	ArticleID string
	Title     string
	Outlet    string
	URL       string
	Published time.Time // zero when unknown
}

// Error is an error whose Message may be shown to the chat user. Any other
// error is logged and reaches the user as a generic apology.
type Error struct {
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// RetryError is returned by Platform.Post when the platform asked us to wait
// (HTTP 429) or failed transiently (5xx). After is how long to wait, 0 when
// the platform did not say.
type RetryError struct {
	After time.Duration
	Err   error
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("retry after %s: %v", e.After, e.Err)
}

func (e *RetryError) Unwrap() error { return e.Err }
