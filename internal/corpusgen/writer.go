package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// writer writes one article of a story: it remembers whom it has
// introduced, so a person's first mention carries the full name and title
// and later ones the surname alone.
type writer struct {
	r     *rand.Rand
	st    *story
	th    theme
	seen  map[string]bool
	now   time.Time // the publication day
	words int
}

// name returns how the article refers to p now: "Minister Anna Kovacs" the
// first time, "Kovacs" after.
func (w *writer) name(p person) string {
	if w.seen[p.last] {
		return p.last
	}
	w.seen[p.last] = true
	return p.full()
}

func (w *writer) person() person { return w.st.people[w.r.IntN(len(w.st.people))] }

func (w *writer) headline() string {
	h := pick(w.r, w.th.headline)
	p := w.st.people[0]
	d := w.st.words[w.r.IntN(len(w.st.words))]
	switch w.r.IntN(5) {
	case 0:
		return fmt.Sprintf("%s in %s: %s warns over %s", h, w.st.place, p.last, d)
	case 1:
		return fmt.Sprintf("%s: %s under pressure as %s %s stalls", w.st.place, upper(w.st.org), w.st.extra, w.st.noun)
	case 2:
		return fmt.Sprintf("%s sets terms on %s", p.last, d)
	case 3:
		return fmt.Sprintf("%s %s: what the %s means", w.st.extra, w.st.noun, d)
	default:
		return fmt.Sprintf("%s and %s clash over %s", p.last, w.st.people[len(w.st.people)-1].last, d)
	}
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// day writes a date the ways news copy does: a weekday, "12 March", "March
// 12, 2024" or "12 March 2024".
func (w *writer) day(t time.Time) string {
	switch w.r.IntN(4) {
	case 0:
		if d := t.Sub(w.now); d >= 0 && d < 7*24*time.Hour {
			return t.Weekday().String()
		}
		return t.Format("2 January 2006")
	case 1:
		return t.Format("2 January")
	case 2:
		return t.Format("January 2, 2006")
	default:
		return t.Format("2 January 2006")
	}
}

// body writes paragraphs until about target words.
func (w *writer) body(target int) []string {
	lead := w.person()
	d := pick(w.r, w.st.words)
	var first string
	switch w.r.IntN(3) {
	case 0:
		first = fmt.Sprintf("%s — %s of %s said on %s that the %s over the %s would not end quickly.",
			w.st.place, w.name(lead), lead.org, w.now.Weekday(), w.st.noun, d)
	case 1:
		first = fmt.Sprintf("The %s in %s took a new turn on %s when %s questioned the %s.",
			w.st.noun, w.st.place, w.now.Weekday(), w.name(lead), d)
	default:
		first = fmt.Sprintf("%s, speaking for %s, defended the %s as the %s entered another week.",
			w.name(lead), lead.org, d, w.st.noun)
	}
	paras := []string{w.add(first)}
	for w.words < target {
		var sents []string
		for range 2 + w.r.IntN(3) {
			sents = append(sents, w.add(w.sentence()))
		}
		paras = append(paras, strings.Join(sents, " "))
	}
	return paras
}

// add counts s's words and returns it.
func (w *writer) add(s string) string {
	w.words += strings.Count(s, " ") + 1
	return s
}

func (w *writer) sentence() string {
	switch k := w.r.IntN(10); {
	case k < 4:
		return w.quote()
	case k < 5:
		return w.deadline()
	case k < 7:
		return w.event()
	default:
		return fmt.Sprintf(pick(w.r, filler), w.subject())
	}
}

// subject is what a sentence is about: mostly one of the story's own
// subjects, else a noun of its kind of story.
func (w *writer) subject() string {
	if w.r.IntN(3) > 0 {
		return pick(w.r, w.st.words)
	}
	return pick(w.r, w.th.nouns)
}

// quote writes a statement in one of the conventions newsrooms use.
func (w *writer) quote() string {
	p := w.person()
	s := fmt.Sprintf(pick(w.r, statements), w.subject())
	switch w.r.IntN(7) {
	case 0:
		return fmt.Sprintf("\"%s,\" %s said.", s, w.name(p))
	case 1:
		return fmt.Sprintf("%s said: \"%s.\"", w.name(p), s)
	case 2:
		n := w.name(p)
		if n == p.last {
			return fmt.Sprintf("\"%s,\" said %s, %s.", s, n, p.desc)
		}
		return fmt.Sprintf("\"%s,\" said %s.", s, n)
	case 3:
		return fmt.Sprintf("According to %s, %s.", w.name(p), lower(s))
	case 4:
		return fmt.Sprintf("%s told reporters that %s.", w.name(p), lower(s))
	case 5:
		return fmt.Sprintf("“%s,” %s said in a statement.", s, w.name(p))
	default:
		return fmt.Sprintf("\"%s,\" %s told the %s on %s.", s, w.name(p), pick(w.r, []string{"council", "committee", "press", "assembly"}), w.day(w.now))
	}
}

func lower(s string) string {
	if strings.HasPrefix(s, "We ") || strings.HasPrefix(s, "Our ") || strings.HasPrefix(s, "The ") ||
		strings.HasPrefix(s, "There ") || strings.HasPrefix(s, "Nobody ") || strings.HasPrefix(s, "People ") {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// deadline writes a deadline set by one of the story's people.
func (w *writer) deadline() string {
	p := w.person()
	demand := pick(w.r, w.th.demand)
	n := []int{3, 5, 7, 10, 14, 30}[w.r.IntN(6)]
	due := w.now.AddDate(0, 0, n)
	switch w.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s gave %s %d days to %s.", w.name(p), w.st.org, n, demand)
	case 1:
		return fmt.Sprintf("%s has until %s to %s, %s said.", upper(w.st.org), w.day(due), demand, w.name(p))
	case 2:
		return fmt.Sprintf("%s set a deadline of %s for %s to %s.", w.name(p), w.day(due), w.st.org, demand)
	default:
		return fmt.Sprintf("The deadline for %s to %s was extended to %s, %s said.", w.st.org, demand, w.day(due.AddDate(0, 0, 7)), w.name(p))
	}
}

// event writes a dated event of the story.
func (w *writer) event() string {
	e := pick(w.r, w.th.events)
	t := w.now.AddDate(0, 0, -w.r.IntN(20))
	switch w.r.IntN(3) {
	case 0:
		return fmt.Sprintf("On %s, %s in %s.", w.day(t), e, w.st.place)
	case 1:
		return fmt.Sprintf("%s on %s, %s said.", upper(e), w.day(t), w.name(w.person()))
	default:
		return fmt.Sprintf("In %s, %s, and the %s has continued since.", t.Format("January 2006"), e, w.st.noun)
	}
}
