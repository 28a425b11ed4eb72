package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Sent is the part of a message body (create, edit, follow-up) tests look
// at.
type Sent struct {
	Content         string          `json:"content"`
	Embeds          []Embed         `json:"embeds"`
	AllowedMentions *AllowedMention `json:"allowed_mentions"`
	Reference       *struct {
		MessageID string `json:"message_id"`
		ChannelID string `json:"channel_id"`
	} `json:"message_reference"`
}

// Embed is an embed as sent.
type Embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
}

// AllowedMention is allowed_mentions as sent. Parse is nil when the JSON
// had no "parse" (null), empty when it was [].
type AllowedMention struct {
	Parse       []string `json:"parse"`
	Users       []string `json:"users"`
	Roles       []string `json:"roles"`
	RepliedUser bool     `json:"replied_user"`
}

// Message decodes a REST event's body as a message.
func (e Event) Message() (Sent, error) {
	var m Sent
	err := json.Unmarshal(e.Body, &m)
	return m, err
}

// Text is everything a message shows, joined: content, then each embed's
// title, description, fields and footer.
func (m Sent) Text() string {
	s := m.Content
	for _, e := range m.Embeds {
		s += "\n" + e.Title + "\n" + e.Description
		for _, f := range e.Fields {
			s += "\n" + f.Name + "\n" + f.Value
		}
		if e.Footer != nil {
			s += "\n" + e.Footer.Text
		}
	}
	return s
}

// checkMessage applies Discord's message limits, counting characters.
func checkMessage(body []byte) error {
	var m Sent
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	n := utf8.RuneCountInString
	if n(m.Content) > 2000 {
		return fmt.Errorf("content: %d characters, over 2000", n(m.Content))
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		return errors.New("cannot send an empty message")
	}
	if len(m.Embeds) > 10 {
		return fmt.Errorf("%d embeds, over 10", len(m.Embeds))
	}
	total := 0
	for i, e := range m.Embeds {
		size := n(e.Title) + n(e.Description)
		switch {
		case n(e.Title) > 256:
			return fmt.Errorf("embed %d title over 256", i)
		case n(e.Description) > 4096:
			return fmt.Errorf("embed %d description over 4096", i)
		case len(e.Fields) > 25:
			return fmt.Errorf("embed %d: %d fields, over 25", i, len(e.Fields))
		}
		for j, f := range e.Fields {
			if f.Name == "" || f.Value == "" || n(f.Name) > 256 || n(f.Value) > 1024 {
				return fmt.Errorf("embed %d field %d: name %d, value %d characters", i, j, n(f.Name), n(f.Value))
			}
			size += n(f.Name) + n(f.Value)
		}
		if e.Footer != nil {
			if n(e.Footer.Text) > 2048 {
				return fmt.Errorf("embed %d footer over 2048", i)
			}
			size += n(e.Footer.Text)
		}
		if size == 0 {
			return fmt.Errorf("embed %d is empty", i)
		}
		total += size
	}
	if total > 6000 {
		return fmt.Errorf("embeds total %d characters, over 6000", total)
	}
	return nil
}

// Msg is a MESSAGE_CREATE to dispatch. GuildID "" makes it a DM.
type Msg struct {
	ID, ChannelID, GuildID string
	AuthorID               string
	Bot                    bool   // the author is a bot
	Content                string // "" as Discord sends without the message-content intent
	Mentions               []string
	Type                   int      // 0, a default message, unless set
	Roles                  []string // the author's role IDs in the guild (GuildID set)
}

// SendMessage dispatches MESSAGE_CREATE for m.
func (s *Server) SendMessage(m Msg) error {
	mentions := []any{}
	for _, id := range m.Mentions {
		mentions = append(mentions, map[string]any{"id": id, "username": "u" + id})
	}
	d := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "content": m.Content, "type": m.Type,
		"timestamp": time.Now().UTC().Format(time.RFC3339),
		"author":    map[string]any{"id": m.AuthorID, "username": "user" + m.AuthorID, "bot": m.Bot},
		"mentions":  mentions,
	}
	if m.GuildID != "" {
		d["guild_id"] = m.GuildID
		d["member"] = map[string]any{"roles": append([]string{}, m.Roles...)}
	}
	return s.Dispatch("MESSAGE_CREATE", d)
}

// Interaction is an INTERACTION_CREATE to dispatch. GuildID "" makes it a
// DM (User set, no Member). Type is 2 (application command) unless set.
type Interaction struct {
	ID, Token, ChannelID, GuildID, UserID string
	Type                                  int
	Data                                  any      // the data object; see Slash
	Roles                                 []string // the member's role IDs (GuildID set)
}

// Slash is the data of /brief sub, with option name=value when name is
// not "".
func Slash(sub, name, value string) map[string]any {
	o := map[string]any{"type": 1, "name": sub}
	if name != "" {
		o["options"] = []any{map[string]any{"type": 3, "name": name, "value": value}}
	}
	return map[string]any{"id": "77", "name": "brief", "type": 1, "options": []any{o}}
}

// SendInteraction dispatches INTERACTION_CREATE for in; its token can be
// answered (deferred, then edited and followed up) for InteractionDeadline.
func (s *Server) SendInteraction(in Interaction) error {
	if in.Type == 0 {
		in.Type = 2
	}
	user := map[string]any{"id": in.UserID, "username": "user" + in.UserID}
	d := map[string]any{
		"id": in.ID, "application_id": AppID, "type": in.Type, "token": in.Token, "version": 1,
		"channel_id": in.ChannelID, "data": in.Data, "app_permissions": "2248473465835073",
	}
	if in.GuildID != "" {
		d["guild_id"] = in.GuildID
		d["member"] = map[string]any{"user": user, "roles": append([]string{}, in.Roles...)}
	} else {
		d["user"] = user
	}
	s.mu.Lock()
	s.inters[in.Token] = &interaction{id: in.ID, dispatched: time.Now()}
	s.mu.Unlock()
	return s.Dispatch("INTERACTION_CREATE", d)
}
