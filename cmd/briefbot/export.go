package main

import (
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// The JSON export's shape: ../shared/spec/analysis-json.md. Fields may be
// added; none may be renamed or dropped.
type exportDoc struct {
	Articles []exportArticle `json:"articles"`
}

type exportArticle struct {
	File      string           `json:"file"`
	ID        string           `json:"id"`
	Title     string           `json:"title"`
	Source    string           `json:"source,omitempty"`
	URL       string           `json:"url,omitempty"`
	Published string           `json:"published"`
	Sentences []string         `json:"sentences,omitempty"`
	People    []exportPerson   `json:"people"`
	Quotes    []exportQuote    `json:"quotes"`
	Deadlines []exportDeadline `json:"deadlines"`
	Events    []exportEvent    `json:"events"`
	Summary   []string         `json:"summary"`
	Story     string           `json:"story"`
}

type exportPerson struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Description string   `json:"description,omitempty"`
	Org         bool     `json:"org,omitempty"`
}

type exportQuote struct {
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Kind     string `json:"kind"`
	Sentence int    `json:"sentence"`
	Mention  string `json:"mention,omitempty"`
	Cue      string `json:"cue,omitempty"`
	Role     string `json:"role"` // the speaker's role as the article gives it, "" when none
}

type exportDeadline struct {
	SetBy       string          `json:"set_by"`
	Target      string          `json:"target"`
	Demand      string          `json:"demand"`
	Consequence string          `json:"consequence"`
	Due         string          `json:"due"`
	Precision   string          `json:"precision"`
	History     []exportHistory `json:"history"`
	Evidence    string          `json:"evidence"`
	Sentence    int             `json:"sentence"`
}

type exportHistory struct {
	LengthDays     int    `json:"length_days,omitempty"`
	Due            string `json:"due,omitempty"`
	Precision      string `json:"precision,omitempty"`
	SetOn          string `json:"set_on,omitempty"`
	SetOnPrecision string `json:"set_on_precision,omitempty"`
	SetOnApprox    bool   `json:"set_on_approx,omitempty"` // set_on is the published date standing in for an unstated one
	Evidence       string `json:"evidence"`
}

type exportEvent struct {
	When      string `json:"when"`
	Precision string `json:"precision"`
	Phrase    string `json:"phrase"`
	Sentence  int    `json:"sentence"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func exportOf(a corpus.Article, an *summarize.Analysis, story string, withSentences bool) exportArticle {
	x := exportArticle{
		File: a.Path, ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL,
		Published: day(a.Published),
		People:    []exportPerson{}, Quotes: []exportQuote{}, Deadlines: []exportDeadline{},
		Events: []exportEvent{}, Summary: an.SummaryText(), Story: story,
	}
	if withSentences {
		for _, s := range an.Sentences {
			x.Sentences = append(x.Sentences, s.Text)
		}
	}
	for _, p := range an.People {
		aliases := p.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		x.People = append(x.People, exportPerson{Name: p.Name, Aliases: aliases, Description: p.Description, Org: p.Org})
	}
	for _, q := range an.Quotes {
		x.Quotes = append(x.Quotes, exportQuote{Speaker: q.Speaker, Text: q.Text, Kind: q.Kind, Sentence: q.Sentence, Mention: q.Mention, Cue: q.Cue, Role: q.Role})
	}
	for _, d := range an.Deadlines {
		xd := exportDeadline{
			SetBy: d.SetBy, Target: d.Target, Demand: d.Demand, Consequence: d.Consequence,
			Due: day(d.Due), Precision: string(d.Precision), History: []exportHistory{},
			Evidence: d.Evidence, Sentence: d.Sentence,
		}
		for _, r := range d.History {
			xd.History = append(xd.History, exportHistory{LengthDays: r.LengthDays, Due: day(r.Due), Precision: string(r.Precision),
				SetOn: day(r.SetOn), SetOnPrecision: string(r.SetOnPrecision), SetOnApprox: r.Approx, Evidence: r.Evidence})
		}
		x.Deadlines = append(x.Deadlines, xd)
	}
	for _, ev := range an.Events {
		x.Events = append(x.Events, exportEvent{When: day(ev.When), Precision: string(ev.Precision), Phrase: ev.Phrase, Sentence: ev.Sentence})
	}
	return x
}
