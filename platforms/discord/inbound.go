package discord

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// apology is what a user reads when answering failed for a reason that is
// not theirs; the reason goes to the log.
const apology = "Sorry, something went wrong."

// onMessage answers a direct message, or a server message that mentions
// the bot, replying to it. It ignores bots (the bot itself among them),
// webhooks, system messages and server messages that do not mention the
// bot. The mention is removed from the text; a bare mention asks for help.
func (a *Adapter) onMessage(h bot.Handler, w *workers, m *discordgo.MessageCreate) {
	me := a.self.Load()
	if m.Message == nil || m.Author == nil || me == nil {
		return
	}
	if m.Author.Bot || m.Author.ID == me.userID || m.WebhookID != "" {
		return
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return
	}
	text, mentioned := stripMention(m.Content, me.userID)
	for _, u := range m.Mentions {
		mentioned = mentioned || (u != nil && u.ID == me.userID)
	}
	if m.GuildID != "" && !mentioned {
		return
	}
	if text == "" {
		text = "help"
	}
	msg := bot.Message{Platform: "discord", Channel: m.ChannelID, User: m.Author.ID, Text: text}
	if m.Member != nil && len(m.Member.Roles) > 0 { // a server message: the author's roles there
		msg.Roles = slices.Clone(m.Member.Roles)
	}
	t := channelTarget{s: a.rest, channel: m.ChannelID, ref: m.SoftReference()}
	w.spawn(func(ctx context.Context) {
		ctx = bot.WithRequestID(ctx, bot.NewRequestID()) // this message's log lines, here and in the bot, share it
		defer a.guard("answer")
		a.answer(ctx, h, msg, t)
	})
}

// stripMention removes every <@id> and <@!id> of the bot from text and
// reports whether there was one.
func stripMention(text, id string) (string, bool) {
	if id == "" {
		return strings.TrimSpace(text), false
	}
	out := strings.NewReplacer("<@"+id+">", " ", "<@!"+id+">", " ").Replace(text)
	return strings.Join(strings.Fields(out), " "), out != text
}

// onInteraction answers /brief. Only application commands are read (the
// SDK's ApplicationCommandData panics on other interaction types, which
// this bot never creates). It defers at once, on a goroutine of its own,
// then edits the deferred response with the answer's first message and
// sends the others as follow-ups. In a DM the user is the interaction's
// User, in a server its Member's.
func (a *Adapter) onInteraction(h bot.Handler, w *workers, ic *discordgo.InteractionCreate) {
	it := ic.Interaction
	if it == nil || it.Type != discordgo.InteractionApplicationCommand {
		return
	}
	received := time.Now()
	text, ok := a.slash.text(it.ApplicationCommandData())
	if !ok {
		text = "help" // a command from an older registration
	}
	user := it.User
	if it.Member != nil && it.Member.User != nil {
		user = it.Member.User
	}
	msg := bot.Message{Platform: "discord", Channel: it.ChannelID, Text: text}
	if user != nil {
		msg.User = user.ID
	}
	if it.Member != nil && len(it.Member.Roles) > 0 {
		msg.Roles = slices.Clone(it.Member.Roles)
	}
	w.spawn(func(ctx context.Context) {
		ctx = bot.WithRequestID(ctx, bot.NewRequestID()) // this message's log lines, here and in the bot, share it
		defer a.guard("answer")
		err := a.call(ctx, func(ctx context.Context) error {
			err := a.rest.InteractionRespond(it, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}, requestOptions(ctx)...)
			return redact(err, it.Token)
		})
		if err != nil {
			bot.RequestLogger(ctx, a.log).Error("discord interaction could not be deferred", "channel_id", it.ChannelID, "err", err)
			return
		}
		bot.RequestLogger(ctx, a.log).Debug("discord interaction deferred", "after", time.Since(received))
		a.answer(ctx, h, msg, interactionTarget{s: a.rest, it: it})
	})
}

// answer runs h on m and sends the rendered replies to t.
func (a *Adapter) answer(ctx context.Context, h bot.Handler, m bot.Message, t target) {
	if _, err := a.deliver(ctx, t, a.replies(ctx, h, m)); err != nil && ctx.Err() == nil {
		bot.RequestLogger(ctx, a.log).Error("discord answer failed", "channel_id", m.Channel, "err", err)
	}
}

// replies runs h on m and renders what it returns. A *bot.Error is shown as
// its Message; any other error, or a panic, is logged and shown as an
// apology.
func (a *Adapter) replies(ctx context.Context, h bot.Handler, m bot.Message) (msgs []Message) {
	defer func() {
		if r := recover(); r != nil {
			bot.RequestLogger(ctx, a.log).Error("discord handler panicked", "channel_id", m.Channel, "panic", r)
			msgs = RenderPlain(bot.Reply{Text: apology})
		}
	}()
	rs, err := h.Handle(ctx, m)
	if err != nil {
		var be *bot.Error
		if errors.As(err, &be) {
			return RenderPlain(bot.Reply{Text: be.Message})
		}
		bot.RequestLogger(ctx, a.log).Error("discord handler failed", "channel_id", m.Channel, "err", err)
		return RenderPlain(bot.Reply{Text: apology})
	}
	for _, r := range rs {
		msgs = append(msgs, Render(r)...)
	}
	if len(msgs) == 0 {
		msgs = RenderPlain(bot.Reply{})
	}
	return msgs
}
