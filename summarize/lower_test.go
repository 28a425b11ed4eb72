package summarize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLowerSameWidth(t *testing.T) {
	tests := []struct {
		in   string
		same bool
	}{
		{"", true},
		{"already lower, ascii.", true},
		{"Trump Gave PUTIN 50 Days", true},
		{"“Quoted” Trump’s ‘Train’ — «Über» ÀÉÎ Ωμέγα", true},
		{"İstanbul", false},      // 'İ' (2 bytes) lowers to 'i' (1 byte)
		{"300 \u212a", false},    // Kelvin sign (3 bytes) lowers to 'k'
		{"bad \xff byte", false}, // strings.ToLower widens it to U+FFFD
		{"valid \uFFFD rune", true},
	}
	for _, tt := range tests {
		low, same := lowerSameWidth(tt.in)
		if same != tt.same {
			t.Errorf("lowerSameWidth(%q) same = %v, want %v", tt.in, same, tt.same)
		}
		if !same {
			if low != tt.in {
				t.Errorf("lowerSameWidth(%q) = %q, want the input back when not same", tt.in, low)
			}
			continue
		}
		// Every span on rune boundaries lowers to the same slice.
		for i := 0; i <= len(tt.in); i++ {
			for j := i; j <= len(tt.in); j++ {
				if !utf8.RuneStart(byteAt(tt.in, i)) || !utf8.RuneStart(byteAt(tt.in, j)) {
					continue
				}
				if want := strings.ToLower(tt.in[i:j]); low[i:j] != want {
					t.Fatalf("lowerSameWidth(%q)[%d:%d] = %q, want %q", tt.in, i, j, low[i:j], want)
				}
			}
		}
	}
}

// byteAt returns s[i], or a rune start past the end.
func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 'x'
	}
	return s[i]
}

func TestDayAndMonthNames(t *testing.T) {
	refDay := func(w string) bool {
		switch strings.ToLower(w) {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			return true
		}
		return false
	}
	refMonth := func(w string) bool {
		switch strings.ToLower(w) {
		case "january", "february", "march", "april", "may", "june", "july", "august",
			"september", "october", "november", "december":
			return true
		}
		return false
	}
	for _, w := range []string{"", "Monday", "MONDAY", "monday", "Monday's", "Mon", "Wednesdays",
		"FRİDAY", "Frİday", "May", "MAY", "may", "September", "SEPTEMBER1", "Septembers", "Aug",
		"\xffMay", "Ma\u0301y", "averyveryverylongword"} {
		if got, want := isDayName(w), refDay(w); got != want {
			t.Errorf("isDayName(%q) = %v, want %v", w, got, want)
		}
		if got, want := isMonthName(w), refMonth(w); got != want {
			t.Errorf("isMonthName(%q) = %v, want %v", w, got, want)
		}
	}
}
