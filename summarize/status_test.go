package summarize

import (
	"testing"
	"time"
)

func TestStatusAt(t *testing.T) {
	plus10 := time.FixedZone("UTC+10", 10*3600)
	minus7 := time.FixedZone("UTC-7", -7*3600)
	at := func(s string, loc *time.Location) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	week := Deadline{Due: mustDay("2025-08-08"), Precision: Week} // "ends this week" (Friday)
	month := Deadline{Due: mustDay("2025-08-31"), Precision: Month}
	year := Deadline{Due: mustDay("2008-12-31"), Precision: Year}
	day := Deadline{Due: mustDay("2025-09-30"), Precision: Day}
	tests := []struct {
		name string
		d    Deadline
		now  time.Time
		want Status
	}{
		{"no due date", Deadline{Precision: Week}, at("2025-08-06 12:00", time.UTC), Status{State: StateUnknown}},
		{"week, published day", week, at("2025-08-06 09:00", time.UTC), Status{StatePending, 2}},
		{"week, on the Friday", week, at("2025-08-08 23:59", time.UTC), Status{StateDueToday, 0}},
		{"week, the Saturday after", week, at("2025-08-09 00:00", time.UTC), Status{StatePassed, 1}},
		{"week, a month later", week, at("2025-09-08 12:00", time.UTC), Status{StatePassed, 31}},
		{"month, mid-month", month, at("2025-08-15 12:00", time.UTC), Status{StatePending, 16}},
		{"month, last day", month, at("2025-08-31 18:00", time.UTC), Status{StateDueToday, 0}},
		{"month, next day", month, at("2025-09-01 00:01", time.UTC), Status{StatePassed, 1}},
		{"year, long passed", year, at("2009-01-01 08:00", time.UTC), Status{StatePassed, 1}},
		{"day, across a leap day", Deadline{Due: mustDay("2024-03-01"), Precision: Day},
			at("2024-02-28 10:00", time.UTC), Status{StatePending, 2}},
		{"now's own calendar day, east of UTC", week, at("2025-08-08 01:00", plus10), Status{StateDueToday, 0}},
		{"now's own calendar day, west of UTC", week, at("2025-08-07 22:00", minus7), Status{StatePending, 1}},
		{"due in another zone keeps its calendar day", Deadline{Due: at("2025-09-30 00:00", plus10), Precision: Day},
			at("2025-09-29 20:00", time.UTC), Status{StatePending, 1}},
		{"centuries apart", Deadline{Due: mustDay("1700-01-01"), Precision: Year},
			at("2025-01-01 00:00", time.UTC), Status{StatePassed, 118704}},
		{"day, months ahead", day, at("2025-07-17 12:00", time.UTC), Status{StatePending, 75}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.StatusAt(tt.now); got != tt.want {
				t.Errorf("Deadline{Due: %s, %s}.StatusAt(%s) = %+v, want %+v",
					tt.d.Due.Format(time.DateOnly), tt.d.Precision, tt.now.Format(time.RFC3339), got, tt.want)
			}
		})
	}
}
