package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

// outage is an article that quotes a mass ping: answering from it must
// ping no one.
const outage = `---
title: "Chat outage: an admin pinged the whole company"
source: Test Wire
published: 2025-08-10
---
The company's systems administrator, Jane Doe, posted a warning in the staff chat on Sunday.
"@everyone the servers are down until Friday," Doe wrote, adding that <@&123> and @here should stay calm.
Doe said the outage began when a storage array failed on Saturday night.
`

// discordLog is stderr for a run whose platforms log from goroutines.
type discordLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *discordLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *discordLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestDiscordEndToEnd runs the briefbot binary's run path (configuration
// from the environment, corpus, bot, Discord adapter) against a fake
// Discord on 127.0.0.1 and checks what issue 7 asks of it.
func TestDiscordEndToEnd(t *testing.T) {
	const token = "e2e-SECRET-bot-token"
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join("testdata", "seed", "putin-trump-deadline.md"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"seed.md": string(seed), "outage.md": outage} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := discordtest.New(t, discordtest.Options{Token: token})
	vars := map[string]string{
		"DISCORD_BOT_TOKEN": token, "DISCORD_GUILD_ID": discordtest.GuildID, "DISCORD_API_URL": srv.URL(),
		"BRIEFBOT_CORPUS": dir, "BRIEFBOT_LOG_LEVEL": "debug",
	}
	stderr := &discordLog{}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, nil, env{
			stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: stderr,
			lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok },
			now:    fixedNow,
		})
	}()
	waitCtx, stopWaiting := context.WithTimeout(t.Context(), 30*time.Second) // a hang guard only
	defer stopWaiting()
	wait := func(m discordtest.Match) discordtest.Event {
		t.Helper()
		e, err := srv.Wait(waitCtx, m)
		if err != nil {
			t.Fatalf("%v\nstderr:\n%s", err, stderr.String())
		}
		return e
	}
	answer := func(e discordtest.Event) discordtest.Sent {
		t.Helper()
		m, err := e.Message()
		if err != nil || e.Status != 200 {
			t.Fatalf("%v: %v", e, err)
		}
		if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
			t.Errorf("%v: allowed_mentions = %+v, want {parse: []}", e, m.AllowedMentions)
		}
		return m
	}
	dm := func(id, text string) discordtest.Sent {
		t.Helper()
		if err := srv.SendMessage(discordtest.Msg{ID: id, ChannelID: "20", AuthorID: "42", Content: text}); err != nil {
			t.Fatal(err)
		}
		return answer(wait(discordtest.REST("POST", "channels/20/messages")))
	}

	// It registers /brief in the guild.
	if reg := wait(discordtest.REST("PUT", "applications/800/guilds/1/commands")); reg.Status != 200 || !strings.Contains(string(reg.Body), `"name":"brief"`) {
		t.Fatalf("registration = %v %s", reg, reg.Body)
	}

	// /brief: deferred at once, then the deferred response is edited.
	if err := srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42",
		Data: discordtest.Slash("deadline-status", "topic-or-name", "")}); err != nil {
		t.Fatal(err)
	}
	dispatched := wait(discordtest.Is(discordtest.KindDispatch)).At
	deferral := wait(discordtest.REST("POST", "interactions/3000/itok/callback"))
	if d := deferral.At.Sub(dispatched); deferral.Status != 204 || d >= 3*time.Second {
		t.Fatalf("deferral %v, %v after the dispatch; want 204 within Discord's 3s", deferral, d)
	} else {
		t.Logf("measured: /brief deferred %v after the dispatch", d)
	}
	if got := answer(wait(discordtest.REST("PATCH", "webhooks/800/itok/messages/@original"))).Text(); !strings.Contains(got, "Vladimir Putin") {
		t.Errorf("/brief deadline-status answered:\n%s", got)
	}

	// A mention, answered as a reply.
	if err := srv.SendMessage(discordtest.Msg{ID: "2001", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900> who said what", Mentions: []string{"900"}}); err != nil {
		t.Fatal(err)
	}
	if got := answer(wait(discordtest.REST("POST", "channels/10/messages"))); got.Reference == nil || got.Reference.MessageID != "2001" || !strings.Contains(got.Text(), "Khrushcheva") {
		t.Errorf("mention answered %+v", got)
	}

	// A DM.
	if got := dm("2002", "timeline").Text(); !strings.Contains(got, "Timeline") {
		t.Errorf("DM answered:\n%s", got)
	}

	// Op 7: the bot resumes the session and answers again.
	if err := srv.Reconnect(); err != nil {
		t.Fatal(err)
	}
	if res := wait(discordtest.Is(discordtest.KindResume)); res.Session != "sess1" {
		t.Errorf("RESUME for session %q, want sess1", res.Session)
	}
	wait(discordtest.Is(discordtest.KindResumed))
	if got := dm("2003", "sources").Text(); !strings.Contains(got, "Chat outage") {
		t.Errorf("DM after resuming answered:\n%s", got)
	}

	// A 429 delays one post, which then arrives (exactly once: counted
	// after the run, when every answer has ended).
	srv.Fail(discordtest.Fault{Method: "POST", Path: "channels/20/messages", Status: 429, RetryAfter: 50 * time.Millisecond})
	if err := srv.SendMessage(discordtest.Msg{ID: "2004", ChannelID: "20", AuthorID: "42", Content: "what did Doe say"}); err != nil {
		t.Fatal(err)
	}
	limited := wait(discordtest.REST("POST", "channels/20/messages"))
	delivered := wait(discordtest.REST("POST", "channels/20/messages"))
	if limited.Status != 429 || delivered.Status != 200 {
		t.Fatalf("got %v then %v, want 429 then 200", limited, delivered)
	}
	t.Logf("measured: the rate-limited post arrived %v after the 429 (retry_after 50ms)", delivered.At.Sub(limited.At))

	// An article quoting "@everyone" pings no one.
	if err := srv.SendMessage(discordtest.Msg{ID: "2005", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900> search everyone", Mentions: []string{"900"}}); err != nil {
		t.Fatal(err)
	}
	got := answer(wait(discordtest.REST("POST", "channels/10/messages"))).Text()
	if !strings.Contains(got, "@\u200beveryone the servers are down") || strings.Contains(got, "@everyone") ||
		strings.Contains(got, "@here") || strings.Contains(got, "<@&") {
		t.Errorf("the quote is missing or could ping:\n%q", got)
	}

	cancel()
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("exit = %d after the context ended, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-waitCtx.Done():
		t.Fatal("run did not return after its context ended")
	}
	// Every earlier DM was answered before the 429: the posts to the DM
	// channel after it are the rate-limited answer's.
	after, n := false, 0
	for _, e := range srv.Events() {
		after = after || (e.Kind == discordtest.KindREST && e.Status == 429)
		if after && e.Kind == discordtest.KindREST && e.Path == "channels/20/messages" && e.Status == 200 {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the rate-limited answer arrived %d times, want exactly 1", n)
	}
	if n := srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 1 {
		t.Errorf("identified %d times, want 1 (resumed after op 7)", n)
	}
	if strings.Contains(stderr.String(), token) {
		t.Errorf("the token reached the log:\n%s", stderr.String())
	}
}
