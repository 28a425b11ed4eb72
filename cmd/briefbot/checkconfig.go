package main

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/config"
)

// runCheckConfig checks the configuration as a run would read it: the
// file (FILE, else --config, else BRIEFBOT_CONFIG), the environment and the
// flags, every value and every path. With no problem it prints the
// effective configuration, secrets redacted, and exits 0; otherwise it
// prints one line per problem on stderr, each naming its setting, and
// exits 2.
func runCheckConfig(args []string, e env) int {
	fs := newFlagSet("check-config", e.stderr)
	fl := configFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	switch len(pos) {
	case 0:
	case 1:
		fl.File = pos[0]
	default:
		fmt.Fprintf(e.stderr, "briefbot: check-config takes one FILE, got %q\n", strings.Join(pos, " "))
		return exitUsage
	}
	cfg, err := config.Load(*fl, e.lookup)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(e.stderr, line)
		}
		return exitUsage
	}
	if err := cfg.WriteYAML(e.stdout); err != nil {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	return exitOK
}
