// Command briefbot briefs a team on the news: it answers questions about a
// corpus of articles in a terminal (and, once configured, in Slack and
// Discord).
//
//	briefbot [--corpus DIR]                        run the bot
//	briefbot ask [--corpus DIR] QUESTION...        print one answer
//	briefbot analyze --json [--sentences] PATH...  export the analysis as JSON
//	briefbot digest [--corpus DIR] [--since D]     preview a digest
//	briefbot check-config [FILE]                   validate the configuration
//	briefbot version                               print the version
//
// main is the only place that knows every concrete type: it reads the
// configuration, loads the corpus and wires the platforms to the bot.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran but something failed (unreadable files, a failed platform)
	exitUsage   = 2 // bad command line or configuration
)

const usage = `briefbot briefs a team on the news from a corpus of articles.

Usage:
  briefbot [--config FILE] [--corpus DIR] [--http-addr ADDR] [--log-level L] [--log-format text|json]
                                                   run the bot (the console unless Slack or Discord is configured)
  briefbot ask [--corpus DIR] QUESTION...          print one answer and exit
  briefbot analyze --json [--sentences] PATH...    print the analysis of articles as JSON
  briefbot digest [--corpus DIR] [--since 24h|DATE] [--topic T]   preview a digest of what was published since
  briefbot check-config [FILE]                     check the configuration and print it, secrets redacted
  briefbot version                                 print the version and the VCS revision
  briefbot help                                    show this help

Without --corpus or BRIEFBOT_CORPUS the example corpus built into the binary is used.

Environment (each overrides the configuration file; flags override both):
  BRIEFBOT_CONFIG     YAML configuration file (or --config FILE): see deploy/briefbot.example.yaml
  BRIEFBOT_CORPUS     folder (or file) of articles
  BRIEFBOT_CACHE_TTL  how long answers are cached while the corpus is unchanged (default 10m)
  BRIEFBOT_LOG_LEVEL  debug, info, warn or error (default info)
  BRIEFBOT_LOG_FORMAT text or json (default text)
  BRIEFBOT_HTTP_ADDR  /healthz, /readyz and /metrics: host:port or off
                      (default 127.0.0.1:9090 with Slack or Discord; off in the console)
  BRIEFBOT_STATE      folder of the digest ledger (default $XDG_STATE_HOME/briefbot or ~/.local/state/briefbot)
  SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, BRIEFBOT_SLACK_EVENTS_ADDR
                      Slack (Socket Mode with the app token, else the HTTP Events API)
  DISCORD_BOT_TOKEN, DISCORD_GUILD_ID, DISCORD_API_URL, BRIEFBOT_DISCORD_MESSAGE_CONTENT
                      Discord
  With no Slack or Discord token set, briefbot runs in the terminal.
`

// env is the process environment as the commands see it, so tests can
// substitute every part.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lookup         func(string) (string, bool)
	stdinIsTTY     bool
	stderrIsTTY    bool             // a progress bar may be drawn on stderr
	now            func() time.Time // the clock answers are given at
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		lookup: os.LookupEnv, stdinIsTTY: isTerminal(os.Stdin), stderrIsTTY: isTerminal(os.Stderr), now: time.Now,
	})
	stop()
	os.Exit(code)
}

// run dispatches a command line and returns the exit status.
func run(ctx context.Context, args []string, e env) int {
	cmd := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "", "run":
		return runBot(ctx, args, e)
	case "ask":
		return runAsk(ctx, args, e)
	case "analyze":
		return runAnalyze(ctx, args, e)
	case "digest":
		return runDigest(ctx, args, e)
	case "check-config":
		return runCheckConfig(args, e)
	case "version":
		return runVersion(args, e)
	case "help":
		fmt.Fprint(e.stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(e.stderr, "briefbot: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
