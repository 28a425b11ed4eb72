package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/platforms/discord/discordtest"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// The secrets of the scan: the fakes' Slack tokens (they accept no
// others), a signing secret and a Discord token of our own.
const (
	secretSigning = "sigSECRET0a1b2c3d4e5f6a7b8c9d0e1f"
	secretDiscord = "dscSECRET.MTAwMDAw.9f8e7d6c5b4a"
	wrongSlackBot = "xoxb-wrongSECRET-5e6f7a8b9c"
	wrongDiscord  = "dscWRONGSECRET.OTk5.1a2b3c4d5e"
)

// leaks returns, for each secret, a description of where text shows it or
// a piece of it: the whole, the secret without its "xoxb-"/"xapp-" prefix,
// and every 10-character window of it (a token cut or wrapped by an error
// message is still a leak).
func leaks(text string, secrets ...string) []string {
	var found []string
	for _, s := range secrets {
		pieces := []string{s, strings.TrimPrefix(strings.TrimPrefix(s, "xoxb-"), "xapp-")}
		for i := 0; i+10 <= len(s); i++ {
			pieces = append(pieces, s[i:i+10])
		}
		for _, p := range pieces {
			if i := strings.Index(text, p); i >= 0 {
				found = append(found, "…"+text[max(0, i-60):min(len(text), i+len(p)+20)]+"… shows "+p)
				break
			}
		}
	}
	return found
}

// runResult is what one in-process run of briefbot wrote.
type runResult struct {
	code           int
	stdout, stderr string
}

// startRun runs briefbot with vars until the returned stop is called (or
// run returns by itself), and returns its outputs then.
func startRun(t *testing.T, vars map[string]string, args ...string) (out, errOut *lockedBuffer, stop func() runResult) {
	t.Helper()
	out, errOut = &lockedBuffer{}, &lockedBuffer{}
	ctx, cancel := context.WithCancel(t.Context())
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, args, env{stdin: strings.NewReader(""), stdout: out, stderr: errOut, now: fixedNow,
			lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok }})
	}()
	var res *runResult
	stop = func() runResult {
		if res == nil {
			cancel()
			select {
			case code := <-exit:
				res = &runResult{code, out.String(), errOut.String()}
			case <-time.After(30 * time.Second): // a hang guard
				t.Fatalf("run did not return\n%s", errOut.String())
			}
		}
		return *res
	}
	t.Cleanup(func() { stop() })
	return out, errOut, stop
}

// TestSecretsNeverShow runs briefbot with Slack and Discord credentials
// set through the environment and through *_file keys of a configuration
// file, at debug level, and exercises what prints: startup, answers and
// error replies on both platforms, the health endpoint's pages,
// check-config, and refused credentials on each platform. No output, log
// line or page may show a secret or a piece of one.
func TestSecretsNeverShow(t *testing.T) {
	secrets := []string{slackfake.BotToken, slackfake.AppToken, secretSigning, secretDiscord, wrongSlackBot, wrongDiscord}
	dir := t.TempDir()
	for name, v := range map[string]string{"slack-bot": slackfake.BotToken, "slack-app": slackfake.AppToken, "slack-signing": secretSigning, "discord": secretDiscord} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(v+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cfgFile := filepath.Join(dir, "briefbot.yaml")
	if err := os.WriteFile(cfgFile, []byte("slack:\n  bot_token_file: slack-bot\n  app_token_file: slack-app\n  signing_secret_file: slack-signing\ndiscord:\n  bot_token_file: discord\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := func(f *slackfake.Server, d *discordtest.Server) map[string]string {
		return map[string]string{
			"SLACK_API_URL": f.APIURL(), "DISCORD_API_URL": d.URL(), "DISCORD_GUILD_ID": discordtest.GuildID,
			"BRIEFBOT_CORPUS": "testdata/seed", "BRIEFBOT_LOG_LEVEL": "debug", "BRIEFBOT_LOG_FORMAT": "json",
			"BRIEFBOT_HTTP_ADDR": "127.0.0.1:0",
		}
	}
	withEnv := func(vars map[string]string) map[string]string {
		vars["SLACK_BOT_TOKEN"], vars["SLACK_APP_TOKEN"], vars["SLACK_SIGNING_SECRET"] = slackfake.BotToken, slackfake.AppToken, secretSigning
		vars["DISCORD_BOT_TOKEN"] = secretDiscord
		return vars
	}
	withFile := func(vars map[string]string) map[string]string {
		vars["BRIEFBOT_CONFIG"] = cfgFile
		return vars
	}
	for _, how := range []struct {
		name string
		vars func(map[string]string) map[string]string
	}{{"environment", withEnv}, {"files", withFile}} {
		t.Run(how.name, func(t *testing.T) {
			f := slackfake.New(0)
			defer f.Close()
			d := discordtest.New(t, discordtest.Options{Token: secretDiscord})
			vars := how.vars(base(f, d))
			_, errOut, stop := startRun(t, vars)
			show := func() string { return errOut.String() }
			addrRE := regexp.MustCompile(`"msg":"health endpoint listening","addr":"([^"]+)"`)
			waitFor(t, "the endpoint", func() bool { return addrRE.MatchString(errOut.String()) }, show)
			endpoint := "http://" + addrRE.FindStringSubmatch(errOut.String())[1]
			waitFor(t, "both platforms ready", func() bool { code, _ := get(t, endpoint+"/readyz"); return code == 200 }, show)
			// Answers and error replies on both platforms.
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			for i, text := range []string{"deadline status", "xyzzy plugh", "reload", strings.Repeat("word ", 2000)} {
				id, err := f.Send(ctx, slackfake.Mention("Ev"+string(rune('a'+i)), "C1", "U1", "1700000000.00000"+string(rune('1'+i)), text))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.WaitAck(ctx, id); err != nil {
					t.Fatal(err)
				}
				if _, err := f.WaitPosts(ctx, i+1, slackfake.InChannel("C1")); err != nil {
					t.Fatalf("%v\n%s", err, show())
				}
				if err := d.SendMessage(discordtest.Msg{ID: "7" + string(rune('0'+i)), ChannelID: "20", AuthorID: "42", Content: text}); err != nil {
					t.Fatal(err)
				}
				for d.Count(discordtest.REST("POST", "channels/20/messages")) < i+1 {
					if _, err := d.Wait(ctx, discordtest.REST("POST", "channels/20/messages")); err != nil {
						t.Fatalf("%v\n%s", err, show())
					}
				}
			}
			var pages []string
			for _, p := range []string{"/healthz", "/readyz", "/metrics"} {
				_, body := get(t, endpoint+p)
				pages = append(pages, body)
			}
			res := stop()
			if res.code != exitOK {
				t.Errorf("exit %d after the context ended\n%s", res.code, res.stderr)
			}
			_, cfgOut, cfgErr := runCmd(t, "", vars, "check-config")
			if !strings.Contains(cfgOut, "[redacted]") {
				t.Errorf("check-config shows no redacted secret:\n%s%s", cfgOut, cfgErr)
			}
			var posts strings.Builder
			for _, p := range f.Posts() {
				posts.WriteString(p.AllText())
			}
			for _, e := range d.Events() {
				posts.Write(e.Body)
			}
			text := res.stdout + res.stderr + strings.Join(pages, "") + cfgOut + cfgErr + posts.String()
			if !strings.Contains(res.stderr, "briefbot running") {
				t.Errorf("the run logged no start: the scan looked at too little\n%s", res.stderr)
			}
			if l := leaks(text, secrets...); len(l) > 0 {
				t.Errorf("secrets show:\n%s", strings.Join(l, "\n"))
			}
		})
	}
	// Refused credentials: each platform's failure is reported, without the
	// credential.
	t.Run("slack invalid_auth", func(t *testing.T) {
		f := slackfake.New(0)
		defer f.Close()
		d := discordtest.New(t, discordtest.Options{Token: secretDiscord})
		vars := withEnv(base(f, d))
		vars["SLACK_BOT_TOKEN"] = wrongSlackBot
		delete(vars, "DISCORD_BOT_TOKEN")
		res := runUntilExit(t, vars)
		if res.code != exitFailure || !strings.Contains(res.stderr, "invalid_auth") {
			t.Errorf("exit %d, want %d with invalid_auth reported:\n%s", res.code, exitFailure, res.stderr)
		}
		if l := leaks(res.stdout+res.stderr, secrets...); len(l) > 0 {
			t.Errorf("secrets show:\n%s", strings.Join(l, "\n"))
		}
	})
	t.Run("discord unauthorized", func(t *testing.T) {
		f := slackfake.New(0)
		defer f.Close()
		d := discordtest.New(t, discordtest.Options{Token: secretDiscord})
		vars := base(f, d)
		vars["DISCORD_BOT_TOKEN"] = wrongDiscord
		res := runUntilExit(t, vars)
		if res.code != exitFailure || !strings.Contains(res.stderr, "authentication failed") {
			t.Errorf("exit %d, want %d with the refused token reported:\n%s", res.code, exitFailure, res.stderr)
		}
		if l := leaks(res.stdout+res.stderr, secrets...); len(l) > 0 {
			t.Errorf("secrets show:\n%s", strings.Join(l, "\n"))
		}
	})
	t.Run("slack events api", func(t *testing.T) {
		f := slackfake.New(0)
		defer f.Close()
		d := discordtest.New(t, discordtest.Options{Token: secretDiscord})
		vars := withEnv(base(f, d))
		delete(vars, "SLACK_APP_TOKEN")
		delete(vars, "DISCORD_BOT_TOKEN")
		vars["BRIEFBOT_SLACK_EVENTS_ADDR"] = "127.0.0.1:0"
		_, errOut, stop := startRun(t, vars)
		show := func() string { return errOut.String() }
		addrRE := regexp.MustCompile(`"msg":"slack events api listening",[^}]*"addr":"([^"]+)"`)
		waitFor(t, "the events endpoint", func() bool { return addrRE.MatchString(errOut.String()) }, show)
		endpoint := "http://" + addrRE.FindStringSubmatch(errOut.String())[1] + "/slack/events"
		body := `{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"EvH1","event_time":1700000000,` +
			`"event":{"type":"app_mention","user":"U1","text":"<@UBOT> deadline status","ts":"1700000000.000001","channel":"C9","event_ts":"1700000000.000001"}}`
		for _, secret := range []string{"not-the-secret", secretSigning} { // refused (and logged), then answered
			if code := postSigned(t, endpoint, body, secret); (code == 200) != (secret == secretSigning) {
				t.Errorf("a request signed with the %s answered %d", map[bool]string{true: "signing secret", false: "wrong secret"}[secret == secretSigning], code)
			}
		}
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
		defer cancel()
		if _, err := f.WaitPosts(ctx, 1, slackfake.InChannel("C9")); err != nil {
			t.Fatalf("%v\n%s", err, show())
		}
		res := stop()
		if !strings.Contains(res.stderr, "slack request refused") {
			t.Errorf("the refused request was not logged:\n%s", res.stderr)
		}
		if l := leaks(res.stdout+res.stderr, secrets...); len(l) > 0 {
			t.Errorf("secrets show:\n%s", strings.Join(l, "\n"))
		}
	})
}

// postSigned posts body to endpoint as Slack would, signed with secret
// now, and returns the status.
func postSigned(t *testing.T, endpoint, body, secret string) int {
	t.Helper()
	stamp := fmt.Sprint(time.Now().Unix())
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, endpoint, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}

// runUntilExit runs briefbot with vars until it returns by itself (a hang
// guard of 30 s).
func runUntilExit(t *testing.T, vars map[string]string) runResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	var out, errOut lockedBuffer
	code := run(ctx, nil, env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: fixedNow,
		lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok }})
	if ctx.Err() != nil {
		t.Fatalf("run did not return by itself\n%s", errOut.String())
	}
	return runResult{code, out.String(), errOut.String()}
}
