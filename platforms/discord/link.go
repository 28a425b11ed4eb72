package discord

import (
	"sync"

	"github.com/bwmarrin/discordgo"
)

// dmGuild stands for the guild of a direct-message channel in a message
// link.
const dmGuild = "@me"

// guilds remembers which guild each channel the gateway told of is in
// (dmGuild for a direct message), for links. The gateway tells of every
// channel of a guild when it becomes available (GUILD_CREATE), and of
// channels created later; messages and interactions name theirs too.
type guilds struct {
	mu sync.RWMutex
	m  map[string]string // channel ID → guild ID or dmGuild
}

// learn records that channel is in guild ("" for a direct message).
func (g *guilds) learn(channel, guild string) {
	if channel == "" {
		return
	}
	if guild == "" {
		guild = dmGuild
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil {
		g.m = map[string]string{}
	}
	g.m[channel] = guild
}

// of returns channel's guild, if known.
func (g *guilds) of(channel string) (string, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	guild, ok := g.m[channel]
	return guild, ok
}

// learnGuild records the channels and active threads of a guild that
// became available.
func (g *guilds) learnGuild(gc *discordgo.GuildCreate) {
	if gc == nil || gc.Guild == nil {
		return
	}
	for _, c := range gc.Channels {
		if c != nil {
			g.learn(c.ID, gc.ID)
		}
	}
	for _, c := range gc.Threads {
		if c != nil {
			g.learn(c.ID, gc.ID)
		}
	}
}

// learnChannel records a channel created or updated: in its guild, or a
// direct message.
func (g *guilds) learnChannel(c *discordgo.Channel) {
	if c == nil {
		return
	}
	if c.GuildID != "" || c.Type == discordgo.ChannelTypeDM || c.Type == discordgo.ChannelTypeGroupDM {
		g.learn(c.ID, c.GuildID)
	}
}

// Link implements bot.Linker: https://discord.com/channels/GUILD/CHANNEL/MESSAGE,
// with "@me" as the guild of a direct message. The guild is the one the
// gateway told the channel is in, else the configured GuildID; without
// either Link returns "" (the message ID is shown instead).
func (a *Adapter) Link(channel, messageID string) string {
	guild, ok := a.guilds.of(channel)
	if !ok {
		guild = a.opts.GuildID
	}
	if guild == "" || !snowflake(channel) || !snowflake(messageID) || guild != dmGuild && !snowflake(guild) {
		return ""
	}
	return "https://discord.com/channels/" + guild + "/" + channel + "/" + messageID
}

// snowflake reports whether id looks like a Discord ID: decimal digits.
func snowflake(id string) bool {
	if id == "" || len(id) > 20 {
		return false
	}
	for _, c := range id {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
