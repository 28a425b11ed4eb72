package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/briefbot/briefbot/platforms/discord/discordtest"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// hostileArticle quotes every kind of ping and markup, and carries a
// terminal escape sequence: answering from it must ping no one, break no
// formatting and reach no terminal raw.
const hostileArticle = "---\n" +
	"title: \"<!channel> @everyone: the <@U123> and <@&456> **outage** report\"\n" +
	"source: \"<!here> Wire [click](http://evil.example)\"\n" +
	"url: \"https://example.org/outage?x=<!here>\"\n" +
	"published: 2025-08-10\n" +
	"---\n" +
	"The company's administrator, Jane Doe, posted a warning in the staff chat on Sunday.\n\n" +
	"\"@everyone <!channel> the servers are down until Friday, ask <@U123> or <@&456> or <#C123>,\" Doe said.\n\n" +
	"\"> quote this ``` and [click](http://evil.example) \x1b[31mnow\x1b[0m, @here,\" Doe wrote.\n\n" +
	"Doe said the outage began when a storage array failed on Saturday night, and it must be fixed by Friday.\n"

// questions are asked on every platform; the last ones echo hostile user
// text back in their answers.
var questions = []string{"who said what", "what did Doe say", "summary", "sources", "deadline status", "search servers", "search <!channel> @everyone <@&456>", "what did @here say"}

// TestHostileArticleAndInputPingNoOne runs briefbot on Slack and Discord
// at once with a corpus holding hostileArticle, asks each question on both,
// and checks every message the fakes received; then it asks the same in the
// console (briefbot ask) and checks the terminal output.
func TestHostileArticleAndInputPingNoOne(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "outage.md"), []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	f := slackfake.New(0)
	defer f.Close()
	const token = "mentions-e2e-token"
	d := discordtest.New(t, discordtest.Options{Token: token})
	vars := map[string]string{
		"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": f.APIURL(),
		"DISCORD_BOT_TOKEN": token, "DISCORD_GUILD_ID": discordtest.GuildID, "DISCORD_API_URL": d.URL(),
		"BRIEFBOT_CORPUS": dir, "BRIEFBOT_LOG_FORMAT": "json", "BRIEFBOT_HTTP_ADDR": "127.0.0.1:0",
	}
	_, errOut, stop := startRun(t, vars)
	show := func() string { return errOut.String() }
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute) // a hang guard
	defer cancel()
	if _, err := d.Wait(ctx, discordtest.REST("PUT", "applications/800/guilds/1/commands")); err != nil {
		t.Fatalf("%v\n%s", err, show())
	}
	for i, q := range questions {
		// As Slack delivers typed text: &, < and > as entities.
		slackText := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(q)
		// A channel each: no question waits for another's pacing.
		ch := fmt.Sprint(20 + i)
		id, err := f.Send(ctx, slackfake.Mention(fmt.Sprint("Ev", i), "C"+ch, "U1", fmt.Sprintf("1700000000.%06d", i), slackText))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WaitAck(ctx, id); err != nil {
			t.Fatal(err)
		}
		if _, err := f.WaitPosts(ctx, 1, slackfake.InChannel("C"+ch)); err != nil {
			t.Fatalf("%s: %v\n%s", q, err, show())
		}
		if err := d.SendMessage(discordtest.Msg{ID: fmt.Sprint(7000 + i), ChannelID: ch, AuthorID: "42", Content: q}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Wait(ctx, discordtest.REST("POST", "channels/"+ch+"/messages")); err != nil {
			t.Fatalf("%s: %v\n%s", q, err, show())
		}
	}
	if res := stop(); res.code != exitOK {
		t.Errorf("exit %d\n%s", res.code, res.stderr)
	}
	var slackAll, discordAll strings.Builder
	for _, p := range f.Posts() {
		checkSlackPost(t, p)
		slackAll.WriteString(p.AllText())
	}
	for _, e := range d.Events() {
		if e.Kind == discordtest.KindREST && e.Method == "POST" && strings.HasSuffix(e.Path, "/messages") {
			checkDiscordMessage(t, e)
			m, _ := e.Message()
			discordAll.WriteString(m.Text())
		}
	}
	// The answers did quote the article, pings and all, made inert: the
	// checks above looked at hostile text.
	for name, text := range map[string]string{"slack": slackAll.String(), "discord": discordAll.String()} {
		if !strings.Contains(text, "servers are down") {
			t.Errorf("%s: the answers do not quote the article:\n%s", name, text)
		}
	}
	if !strings.Contains(slackAll.String(), "&lt;!channel&gt;") {
		t.Errorf("slack: no answer shows the article's <!channel> (escaped):\n%s", slackAll.String())
	}
	if !strings.Contains(discordAll.String(), "@\u200beveryone") {
		t.Errorf("discord: no answer shows the article's @everyone (broken by a zero-width space):\n%s", discordAll.String())
	}
	for _, q := range questions {
		code, out, errOut := runCmd(t, "", nil, "ask", "--corpus", dir, q)
		if code != exitOK && code != exitFailure {
			t.Errorf("ask %q: exit %d\n%s", q, code, errOut)
		}
		if i := strings.IndexFunc(out+errOut, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }); i >= 0 {
			t.Errorf("ask %q: a control character reaches the terminal: %q", q, (out + errOut)[max(0, i-20):min(len(out+errOut), i+20)])
		}
		if strings.Contains(out, "[31m") {
			t.Errorf("ask %q: an escape sequence's parameters reach the terminal:\n%s", q, out)
		}
	}
}

// slackLink is the only link the Slack adapter makes: <http(s)://…|label>.
var slackLink = regexp.MustCompile(`<https?://[^<>| ]+\|[^<>]*>`)

// checkSlackPost checks one Slack post as the fake received it.
func checkSlackPost(t *testing.T, p slackfake.Post) {
	t.Helper()
	if p.Parse != "none" || p.LinkNames != "false" {
		t.Errorf("post in %s: parse=%q link_names=%q, want none and false", p.Channel, p.Parse, p.LinkNames)
	}
	for _, txt := range append([]string{p.Text}, p.BlockTexts()...) {
		if rest := slackLink.ReplaceAllString(txt, ""); strings.ContainsAny(rest, "<>") {
			t.Errorf("post in %s: a live < or > (a mention or link) in %q", p.Channel, txt)
		}
		if strings.Contains(txt, "```") || strings.ContainsRune(txt, '\x1b') {
			t.Errorf("post in %s: a code fence or escape character in %q", p.Channel, txt)
		}
	}
}

// discordMasked is an unescaped "](": a masked link's middle.
var discordMasked = regexp.MustCompile(`(^|[^\\])\]\(`)

// checkDiscordMessage checks one Discord message as the fake received it.
func checkDiscordMessage(t *testing.T, e discordtest.Event) {
	t.Helper()
	m, err := e.Message()
	if err != nil || e.Status != 200 {
		t.Fatalf("%v: %v", e, err)
	}
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
		t.Errorf("%v: allowed_mentions = %+v, want {parse: []}", e, m.AllowedMentions)
	}
	text := m.Text()
	lower := strings.ToLower(text)
	for _, bad := range []string{"@everyone", "@here", "<@", "<#", "``", "\x1b"} {
		if strings.Contains(lower, bad) {
			t.Errorf("%v: %q in %q", e, bad, text)
		}
	}
	for _, em := range m.Embeds {
		for _, txt := range []string{em.Title, em.Description} {
			if discordMasked.MatchString(txt) {
				t.Errorf("%v: a masked link in %q", e, txt)
			}
		}
	}
	if discordMasked.MatchString(m.Content) {
		t.Errorf("%v: a masked link in %q", e, m.Content)
	}
}
