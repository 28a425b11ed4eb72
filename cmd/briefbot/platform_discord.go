package main

import (
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/platforms/discord"
)

// newDiscord builds the Discord adapter from the configuration: the token,
// the guild /brief is registered in (globally when none), the REST base
// (the gateway is discovered through it) and whether to ask for the
// message-content intent. /brief is generated from commands.
// m counts its 429s and reconnects.
func newDiscord(cfg config.Discord, commands []bot.Command, m bot.PlatformMetrics, log *slog.Logger) (bot.Platform, error) {
	a, err := discord.New(discord.Options{
		Token:          cfg.BotToken.Reveal(),
		GuildID:        cfg.GuildID,
		APIURL:         cfg.APIURL,
		MessageContent: cfg.MessageContent,
		Commands:       commands,
		Logger:         log,
		Metrics:        m,
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}
