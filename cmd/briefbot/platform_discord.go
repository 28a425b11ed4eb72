package main

import (
	"errors"
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
)

// newDiscord builds the Discord adapter from the configuration.
func newDiscord(cfg config.Discord, commands []bot.Command, log *slog.Logger) (bot.Platform, error) {
	return nil, errors.New("the discord adapter is not built into this version")
}
