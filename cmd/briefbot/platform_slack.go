package main

import (
	"errors"
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
)

// newSlack builds the Slack adapter from the configuration.
func newSlack(cfg config.Slack, log *slog.Logger) (bot.Platform, error) {
	return nil, errors.New("the slack adapter is not built into this version")
}
