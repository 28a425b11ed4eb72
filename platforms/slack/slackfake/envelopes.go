package slackfake

// Envelope is one Socket Mode request as Slack writes it on the websocket.
type Envelope struct {
	ID                     string `json:"envelope_id"`
	Type                   string `json:"type"`
	Payload                any    `json:"payload"`
	AcceptsResponsePayload bool   `json:"accepts_response_payload"`
	RetryAttempt           int    `json:"retry_attempt,omitempty"`
	RetryReason            string `json:"retry_reason,omitempty"`
}

// Event is the inner event of an events_api envelope, with the fields
// briefbot reads.
type Event struct {
	Type        string `json:"type"`
	Subtype     string `json:"subtype,omitempty"`
	User        string `json:"user,omitempty"`
	BotID       string `json:"bot_id,omitempty"`
	Text        string `json:"text"`
	TS          string `json:"ts"`
	ThreadTS    string `json:"thread_ts,omitempty"`
	Channel     string `json:"channel"`
	ChannelType string `json:"channel_type,omitempty"`
	EventTS     string `json:"event_ts"`
}

// EventsAPI wraps ev in an events_api envelope with event ID eventID.
func EventsAPI(eventID string, ev Event) Envelope {
	if ev.EventTS == "" {
		ev.EventTS = ev.TS
	}
	return Envelope{Type: "events_api", Payload: map[string]any{
		"type": "event_callback", "team_id": TeamID, "api_app_id": "A1",
		"event_id": eventID, "event_time": 1700000000, "event": ev,
	}}
}

// Mention is an app_mention of the bot by user in channel: "<@UBOT> text".
func Mention(eventID, channel, user, ts, text string) Envelope {
	return EventsAPI(eventID, Event{Type: "app_mention", User: user, Text: "<@" + BotUserID + "> " + text, TS: ts, Channel: channel})
}

// DM is a direct message from user to the bot in IM channel channel.
func DM(eventID, channel, user, ts, text string) Envelope {
	return EventsAPI(eventID, Event{Type: "message", ChannelType: "im", User: user, Text: text, TS: ts, Channel: channel})
}

// Redelivery is env as Slack sends it again when its ack came late: a new
// envelope with the same payload (and event ID) and retry_attempt 1.
func Redelivery(env Envelope) Envelope {
	env.ID = ""
	env.RetryAttempt, env.RetryReason = 1, "timeout"
	return env
}

// Slash is the slash command /brief text, typed by user in channel, with
// a response_url on the fake (see Server.ResponseURL).
func (s *Server) Slash(channel, user, text, triggerID string) Envelope {
	return Envelope{Type: "slash_commands", AcceptsResponsePayload: true, Payload: map[string]any{
		"token": "unused", "team_id": TeamID, "team_domain": "fake", "channel_id": channel, "channel_name": "general",
		"user_id": user, "user_name": "alice", "command": "/brief", "text": text,
		"api_app_id": "A1", "response_url": s.ResponseURL(channel), "trigger_id": triggerID,
	}}
}
