package main

import (
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/platforms/slack"
)

// newSlack builds the Slack adapter from the configuration: Socket Mode
// when an app-level token is set, else the HTTP Events API on EventsAddr.
// m counts its 429s and reconnects. adminGroups are the Slack user groups
// the admin permissions name: the adapter tells the bot which of them a
// message's author is in.
func newSlack(cfg config.Slack, adminGroups []string, m bot.PlatformMetrics, log *slog.Logger) (bot.Platform, error) {
	a, err := slack.New(slack.Options{
		BotToken:      cfg.BotToken.Reveal(),
		AppToken:      cfg.AppToken.Reveal(),
		SigningSecret: cfg.SigningSecret.Reveal(),
		APIURL:        cfg.APIURL,
		EventsAddr:    cfg.EventsAddr,
		Logger:        log,
		Metrics:       m,
		UserGroups:    adminGroups,
	})
	if err != nil {
		return nil, err // not a typed nil in a non-nil interface
	}
	return a, nil
}
