package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// TestSlackReadinessAndMetrics runs briefbot against a fake Slack whose
// first connections are refused: /readyz says 503 until Slack connects,
// then 200; a command moves the command counter; a dropped socket counts a
// reconnect; and no output (logs, the endpoint's pages, check-config)
// shows a token.
func TestSlackReadinessAndMetrics(t *testing.T) {
	f := slackfake.New(0)
	defer f.Close()
	f.FailConnectionsOpen(slackfake.Failure{Status: 500}, slackfake.Failure{Status: 500})
	vars := map[string]string{
		"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": f.APIURL(),
		"BRIEFBOT_CORPUS": "testdata/seed", "BRIEFBOT_LOG_LEVEL": "debug", "BRIEFBOT_LOG_FORMAT": "json", "BRIEFBOT_HTTP_ADDR": "127.0.0.1:0",
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errOut lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, nil, env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: fixedNow,
			lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok }})
	}()
	show := func() string { return errOut.String() }
	addrRE := regexp.MustCompile(`"msg":"health endpoint listening","addr":"([^"]+)"`)
	waitFor(t, "the endpoint", func() bool { return addrRE.MatchString(errOut.String()) }, show)
	base := "http://" + addrRE.FindStringSubmatch(errOut.String())[1]
	var pages []string
	// Slack cannot have connected while fewer than three connections.open
	// calls were made: a /readyz answered before then must be 503.
	seen503 := false
	waitFor(t, "a /readyz answer before Slack connected", func() bool {
		code, body := get(t, base+"/readyz")
		pages = append(pages, body)
		if f.Opens() < 3 {
			if code != 503 || !strings.Contains(body, "not connected: slack") {
				t.Fatalf("/readyz before Slack connected = %d %q, want 503", code, body)
			}
			seen503 = true
		}
		return seen503 || f.Opens() >= 3
	}, show)
	if !seen503 {
		t.Error("Slack connected before /readyz could be asked: the refused connections did not hold it back")
	}
	waitFor(t, "/readyz 200", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 }, show)
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("/healthz = %d", code)
	}
	series := `briefbot_commands_total{command="deadline status",outcome="ok",platform="slack"}`
	_, page := get(t, base+"/metrics")
	if v := metricValue(page, series); v != -1 {
		t.Errorf("%s = %v before any command", series, v)
	}
	id, err := f.Send(ctx, slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "deadline status"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WaitAck(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WaitPosts(ctx, 1, slackfake.InChannel("C1")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the command counter", func() bool { _, p := get(t, base+"/metrics"); return metricValue(p, series) == 1 }, show)
	if err := f.Disconnect(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a reconnect counted", func() bool {
		_, p := get(t, base+"/metrics")
		pages = append(pages, p)
		return metricValue(p, `briefbot_platform_reconnects_total{platform="slack"}`) == 1
	}, show)
	for _, s := range []string{`briefbot_corpus_articles 2`, `briefbot_answer_cache_lookups_total{result="miss"} 1`, "briefbot_seconds_since_last_inbound_event "} {
		if !strings.Contains(pages[len(pages)-1], s) {
			t.Errorf("/metrics lacks %q", s)
		}
	}
	cancel()
	if code := <-exit; code != exitOK {
		t.Errorf("exit %d\n%s", code, show())
	}
	_, cfgOut, cfgErr := runCmd(t, "", vars, "check-config")
	all := out.String() + errOut.String() + strings.Join(pages, "") + cfgOut + cfgErr
	for _, secret := range []string{slackfake.BotToken, slackfake.AppToken} {
		if strings.Contains(all, secret) {
			t.Errorf("a token shows in the output, logs, endpoint pages or check-config")
		}
	}
	if !strings.Contains(errOut.String(), `"request_id":"`) {
		t.Errorf("no log line carries a request ID:\n%s", errOut.String())
	}
}
