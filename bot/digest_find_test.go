package bot_test

import (
	"errors"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

func TestFoundParts(t *testing.T) {
	tests := []struct {
		parts     map[int]string
		total     int
		wantID    string
		wantFound bool
		partial   bool
	}{
		{nil, 1, "", false, false},
		{map[int]string{1: "m1"}, 1, "m1", true, false},
		{map[int]string{2: "m2", 1: "m1", 3: "m3"}, 3, "m1", true, false},
		{map[int]string{3: "m3", 2: "m2"}, 3, "m2", false, true},
	}
	for _, tt := range tests {
		id, found, err := bot.FoundParts(tt.parts, tt.total)
		if id != tt.wantID || found != tt.wantFound || errors.Is(err, bot.ErrPartialPost) != tt.partial {
			t.Errorf("FoundParts(%v, %d) = %q, %v, %v; want %q, %v, partial %v", tt.parts, tt.total, id, found, err, tt.wantID, tt.wantFound, tt.partial)
		}
	}
}
