package discord

import (
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// The application command and its fixed parts.
const (
	// CommandName is the slash command: /brief.
	CommandName = "brief"
	// AskSubcommand takes any text: a question or a whole command line.
	AskSubcommand = "ask"
	// TextOption is the option of AskSubcommand (and of /brief itself when
	// the registry is too big for subcommands).
	TextOption = "text"

	maxOptions            = 25  // options (subcommands) of one command
	maxCommandDescription = 100 // characters of a command or option description
)

// validName is what Discord accepts as a command or option name.
var validName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

// slash is /brief as generated from the bot's command registry, and how an
// invocation maps back to the text that runs a command.
type slash struct {
	cmd   *discordgo.ApplicationCommand
	bySub map[string]bot.Command // subcommand name → command
}

// newSlash generates /brief: one subcommand per registry command (its
// argument, if any, as a string option named after the placeholder,
// required when the command requires it), plus `ask` with a required
// `text` option for anything else. A registry too big for Discord's 25
// options gives /brief a single `text` option instead. Commands whose name
// cannot be a subcommand name are left to `ask`.
func newSlash(cmds []bot.Command) slash {
	s := slash{bySub: map[string]bot.Command{}}
	root := &discordgo.ApplicationCommand{
		Name:        CommandName,
		Type:        discordgo.ChatApplicationCommand,
		Description: "Ask briefbot about the news it has read.",
	}
	textOpt := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: TextOption, Required: true,
		Description: "A question, or a command such as: deadline status Putin",
	}
	var subs []*discordgo.ApplicationCommandOption
	for _, c := range cmds {
		name := subName(c.Name)
		if !validName.MatchString(name) || name == AskSubcommand || s.bySub[name].Name != "" {
			continue
		}
		sub := &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: describe(c.Help, c.Usage),
		}
		if c.Arg != "" {
			sub.Options = []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: optionName(c.Arg),
				Description: describe(argDescription(c.Arg), c.Arg), Required: c.ArgRequired,
			}}
		}
		s.bySub[name] = c
		subs = append(subs, sub)
	}
	if len(subs)+1 > maxOptions {
		root.Options = []*discordgo.ApplicationCommandOption{textOpt}
		s.bySub = nil
	} else {
		root.Options = append(subs, &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: AskSubcommand,
			Description: "Ask a question, or type any command.",
			Options:     []*discordgo.ApplicationCommandOption{textOpt},
		})
	}
	s.cmd = root
	return s
}

// text returns the message text an invocation of /brief stands for, and
// false when it is not a /brief invocation this bot knows.
func (s slash) text(data discordgo.ApplicationCommandInteractionData) (string, bool) {
	if data.Name != CommandName {
		return "", false
	}
	if len(data.Options) == 0 {
		return "", false
	}
	o := data.Options[0]
	if o.Type != discordgo.ApplicationCommandOptionSubCommand {
		return stringValue(o), o.Name == TextOption
	}
	arg := ""
	if len(o.Options) > 0 {
		arg = stringValue(o.Options[0])
	}
	if o.Name == AskSubcommand {
		return arg, true
	}
	c, ok := s.bySub[o.Name]
	if !ok {
		return "", false
	}
	return c.Line(arg), true
}

// stringValue is an option's string value, "" for any other type (the
// SDK's StringValue panics on those).
func stringValue(o *discordgo.ApplicationCommandInteractionDataOption) string {
	v, _ := o.Value.(string)
	return strings.TrimSpace(v)
}

// subName turns a command's words into a subcommand name: "deadline status"
// → "deadline-status".
func subName(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), "-")
}

// optionName turns an argument placeholder into an option name:
// "TOPIC|NAME" → "topic-or-name".
func optionName(arg string) string {
	n := strings.ReplaceAll(strings.ToLower(strings.Join(strings.Fields(arg), "-")), "|", "-or-")
	if !validName.MatchString(n) {
		return TextOption
	}
	return n
}

// argDescription reads a placeholder as words: "TOPIC|NAME" → "Topic or
// name".
func argDescription(arg string) string {
	d := strings.ReplaceAll(strings.ToLower(arg), "|", " or ")
	if d == "" {
		return d
	}
	return strings.ToUpper(d[:1]) + d[1:]
}

// describe returns s cut to Discord's 100 characters for a description,
// or fallback when s is empty.
func describe(s, fallback string) string {
	if s == "" {
		s = fallback
	}
	if r := []rune(s); len(r) > maxCommandDescription {
		s = string(r[:maxCommandDescription-1]) + "…"
	}
	return s
}
