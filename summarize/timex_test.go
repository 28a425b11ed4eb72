package summarize

import (
	"testing"
	"time"
)

// timexPub is the anchor of the timex tables: Wednesday 6 August 2025.
var timexPub = time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)

func TestTagTimes(t *testing.T) {
	tests := []struct {
		sent, phrase, kind string
		value              string // YYYY-MM-DD, "" when unresolved or a duration
		prec               Precision
		min, max           int // durations, in units of prec
	}{
		// absolute dates
		{"The deal expires on Aug. 8, 2025.", "Aug. 8, 2025", kindDate, "2025-08-08", Day, 0, 0},
		{"It was signed on September 21, 2004 in London.", "September 21, 2004", kindDate, "2004-09-21", Day, 0, 0},
		{"The file is dated 2025-08-08.", "2025-08-08", kindDate, "2025-08-08", Day, 0, 0},
		{"The talks will resume on 8 August.", "8 August", kindDate, "2025-08-08", Day, 0, 0},
		{"The talks will resume on August 8.", "August 8", kindDate, "2025-08-08", Day, 0, 0},
		{"The treaty was signed on 8 August 2024.", "8 August 2024", kindDate, "2024-08-08", Day, 0, 0},
		{"A review was held in Brussels on November 28.", "November 28", kindDate, "2024-11-28", Day, 0, 0},
		{"Shipments will resume on November 28.", "November 28", kindDate, "2025-11-28", Day, 0, 0},
		{"Deliveries are not due until October.", "October", kindDate, "2025-10-01", Month, 0, 0},
		{"In March, blueprints were found in the trash.", "March", kindDate, "2025-03-01", Month, 0, 0},
		{"The suit was filed in September 2003.", "September 2003", kindDate, "2003-09-01", Month, 0, 0},
		{"He was barred from working until April 2009.", "April 2009", kindDate, "2009-04-01", Month, 0, 0},
		{"He fought cancer in 2004.", "2004", kindDate, "2004-01-01", Year, 0, 0},
		{"The plan is to end losses by 2008.", "2008", kindDate, "2008-01-01", Year, 0, 0},
		{"Voters would then choose early in 2016.", "early in 2016", kindDate, "2016-01-01", Year, 0, 0},
		{"He took six months off in early 2009.", "early 2009", kindDate, "2009-01-01", Year, 0, 0},
		{"The first meeting is set to take place on May 16.", "May 16", kindDate, "2026-05-16", Day, 0, 0},
		{"Sales fell 29% in 2005.", "2005", kindDate, "2005-01-01", Year, 0, 0},
		// weekdays, by tense
		{"Apple announced Monday that it will give away cases.", "Monday", kindDate, "2025-08-04", Day, 0, 0},
		{"He spoke on Wednesday.", "Wednesday", kindDate, "2025-08-06", Day, 0, 0},
		{"An update released Thursday fixed the bug.", "Thursday", kindDate, "2025-07-31", Day, 0, 0},
		{"The trial is set to begin on Thursday.", "Thursday", kindDate, "2025-08-07", Day, 0, 0},
		{"Parliament must decide by Friday.", "Friday", kindDate, "2025-08-08", Day, 0, 0},
		{"The court will rule on Tuesday.", "Tuesday", kindDate, "2025-08-12", Day, 0, 0},
		{"Monday's email marked the third time.", "Monday's", kindDate, "2025-08-04", Day, 0, 0},
		{"They met last Wednesday.", "last Wednesday", kindRelative, "2025-07-30", Day, 0, 0},
		{"They meet next Wednesday.", "next Wednesday", kindRelative, "2025-08-13", Day, 0, 0},
		// relative to the published date
		{"The court ruled today.", "today", kindRelative, "2025-08-06", Day, 0, 0},
		{"He resigned yesterday.", "yesterday", kindRelative, "2025-08-05", Day, 0, 0},
		{"The vote is tomorrow.", "tomorrow", kindRelative, "2025-08-07", Day, 0, 0},
		{"Prices rose last week.", "last week", kindRelative, "2025-07-28", Week, 0, 0},
		{"The deadline ends this week.", "this week", kindRelative, "2025-08-04", Week, 0, 0},
		{"Talks resume next week.", "next week", kindRelative, "2025-08-11", Week, 0, 0},
		{"Last month, the president gave a speech.", "Last month", kindRelative, "2025-07-01", Month, 0, 0},
		{"The law takes effect next month.", "next month", kindRelative, "2025-09-01", Month, 0, 0},
		{"Losses grew last year.", "last year", kindRelative, "2024-01-01", Year, 0, 0},
		{"This year's theme was water.", "This year's", kindRelative, "2025-01-01", Year, 0, 0},
		{"Last February, the United States sided with Russia.", "Last February", kindRelative, "2025-02-01", Month, 0, 0},
		{"Then, last April, a newspaper wrote about it.", "last April", kindRelative, "2025-04-01", Month, 0, 0},
		{"Last August the plant closed.", "Last August", kindRelative, "2024-08-01", Month, 0, 0},
		{"The plant opened earlier this month.", "earlier this month", kindRelative, "2025-08-01", Month, 0, 0},
		{"Two plants are to be named later this year.", "later this year", kindRelative, "2025-01-01", Year, 0, 0},
		{"By the end of this year, two plants will close.", "the end of this year", kindRelative, "2025-01-01", Year, 0, 0},
		{"Rent is due by the end of the month.", "the end of the month", kindRelative, "2025-08-01", Month, 0, 0},
		{"It happened 3 days ago.", "3 days ago", kindRelative, "2025-08-03", Day, 3, 3},
		{"It was issued two weeks ago.", "two weeks ago", kindRelative, "2025-07-21", Week, 2, 2},
		{"Seventeen years ago, this was impossible.", "Seventeen years ago", kindRelative, "2008-01-01", Year, 17, 17},
		{"The law will take effect in 10 days.", "in 10 days", kindRelative, "2025-08-16", Day, 10, 10},
		{"Iran must reply within 10 days.", "within 10 days", kindRelative, "2025-08-16", Day, 10, 10},
		{"Rebels must leave within 48 hours.", "within 48 hours", kindRelative, "2025-08-08", Day, 2, 2},
		{"That same month, the two leaders spoke.", "That same month", kindRef, "", Month, 0, 0},
		{"The following day, he resigned.", "The following day", kindRef, "", Day, 0, 0},
		// durations
		{"He gave Putin a 50-day deadline.", "50-day", kindDuration, "", Day, 50, 50},
		{"Later, he reduced it to 10 days.", "10 days", kindDuration, "", Day, 10, 10},
		{"They were given ten days to leave.", "ten days", kindDuration, "", Day, 10, 10},
		{"The talks lasted a fortnight.", "a fortnight", kindDuration, "", Week, 2, 2},
		{"He took six months off.", "six months", kindDuration, "", Month, 6, 6},
		{"A deal may come in 10 to 12 days, he said.", "in 10 to 12 days", kindRelative, "2025-08-18", Day, 10, 12},
		{"A truce came after 10 to 12 days of talks.", "10 to 12 days", kindDuration, "", Day, 10, 12},
		{"Closure may come in two to three years.", "in two to three years", kindRelative, "2028-01-01", Year, 2, 3},
		{"Closure came after two to three years.", "two to three years", kindDuration, "", Year, 2, 3},
		{"The truce lasted 10-12 days.", "10-12 days", kindDuration, "", Day, 10, 12},
		{"He worked there for twenty-five years.", "twenty-five years", kindDuration, "", Year, 25, 25},
		{"He visited four times in just two months.", "two months", kindDuration, "", Month, 2, 2},
		{"It ended nearly two decades of conflict.", "two decades", kindDuration, "", Year, 20, 20},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			xs := tagTimes(tt.sent, timexPub)
			var got *timex
			for i := range xs {
				if xs[i].Text == tt.phrase {
					got = &xs[i]
				}
			}
			if got == nil {
				t.Fatalf("tagTimes(%q) = %v, want an expression %q", tt.sent, texts(xs), tt.phrase)
			}
			value := ""
			if got.resolved() {
				value = got.Value.Format("2006-01-02")
			}
			if got.Kind != tt.kind || value != tt.value || got.Precision != tt.prec {
				t.Errorf("tagTimes(%q)[%q] = %s %q %s, want %s %q %s", tt.sent, tt.phrase,
					got.Kind, value, got.Precision, tt.kind, tt.value, tt.prec)
			}
			if tt.max > 0 && (got.Min != tt.min || got.Max != tt.max) {
				t.Errorf("tagTimes(%q)[%q] length = %d..%d, want %d..%d", tt.sent, tt.phrase, got.Min, got.Max, tt.min, tt.max)
			}
			if got.Start < 0 || tt.sent[got.Start:got.End] != got.Text {
				t.Errorf("tagTimes(%q)[%q] span %d:%d does not hold the text", tt.sent, tt.phrase, got.Start, got.End)
			}
		})
	}
}

// TestTagTimesNegatives checks that figures, names and modal verbs are not
// taken for times.
func TestTagTimesNegatives(t *testing.T) {
	for _, sent := range []string{
		"Ford will cut 30,000 jobs and 14 plants.",
		"Steve Jobs, aged 56, has died.",
		"They drove down Route 66 for fun.",
		"The company lost US$1.6 billion.",
		"It is due to arrive at 12:30 EST (16:30 UTC).",
		"The A380 carried 500 people on Flight 574.",
		"This replaces the 1991 agreement.",
		"Putin may visit, and troops march on.",
		"20 to 25 percent of the workforce will go.",
		"Whitey MacDonald, chairperson of Local 1520, spoke.",
		"In the late 1980's Apple added audio.",
		"It seemed a meeting could happen any day.",
		"He met with Putin for hours.",
		"Trump is setting deadlines.",
	} {
		if xs := tagTimes(sent, timexPub); len(xs) != 0 {
			t.Errorf("tagTimes(%q) = %v, want none", sent, texts(xs))
		}
	}
}

// TestTagTimesNoAnchor checks that without a published date relative
// expressions stay unresolved and absolute ones do not.
func TestTagTimesNoAnchor(t *testing.T) {
	tests := []struct {
		sent, phrase, value string
	}{
		{"Last month, he gave a speech.", "Last month", ""},
		{"He resigned yesterday.", "yesterday", ""},
		{"The court will rule on Tuesday.", "Tuesday", ""},
		{"Deliveries are not due until October.", "October", ""},
		{"It happened 3 days ago.", "3 days ago", ""},
		{"The deal expires on Aug. 8, 2025.", "Aug. 8, 2025", "2025-08-08"},
		{"He fought cancer in 2004.", "2004", "2004-01-01"},
	}
	for _, tt := range tests {
		xs := tagTimes(tt.sent, time.Time{})
		found := false
		for _, x := range xs {
			if x.Text != tt.phrase {
				continue
			}
			found = true
			got := ""
			if x.resolved() {
				got = x.Value.Format("2006-01-02")
			}
			if got != tt.value {
				t.Errorf("tagTimes(%q, zero)[%q] = %q, want %q", tt.sent, tt.phrase, got, tt.value)
			}
		}
		if !found {
			t.Errorf("tagTimes(%q, zero) = %v, want %q", tt.sent, texts(xs), tt.phrase)
		}
	}
}

func texts(xs []timex) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Text)
	}
	return out
}
