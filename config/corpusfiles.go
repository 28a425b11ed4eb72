package config

import (
	"fmt"
	"strconv"
	"strings"
)

// The corpus_files section says how corpus files are read:
//
//	corpus_files:
//	  max_file_size: 10MiB   # BRIEFBOT_MAX_FILE_SIZE
//	  follow_symlinks: false # BRIEFBOT_FOLLOW_SYMLINKS
//
// A file over max_file_size, and a symbolic link that leads outside the
// corpus folder (unless follow_symlinks), is skipped with one line naming
// it and the reason.

// DefaultMaxFileSize is the default max_file_size: 10 MiB, the corpus
// package's own default (corpus.MaxFileSize).
const DefaultMaxFileSize = 10 << 20

// MaxMaxFileSize bounds max_file_size: a file is read whole into memory.
const MaxMaxFileSize = 1 << 30

// sizeUnits are the suffixes a size may carry, longest first so "MiB" is
// not read as "B".
var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30},
	{"B", 1},
}

// ParseSize reads a size in bytes: a whole number, optionally followed by
// a unit: B; KiB, MiB, GiB (and K, M, G) of 1024; KB, MB, GB of 1000.
// "10MiB", "10M" and "10485760" are the same size.
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	num, mult := s, int64(1)
	for _, u := range sizeUnits {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size such as 10MiB or 500000", s)
	}
	return n * mult, nil
}

// FormatSize writes n bytes as ParseSize reads it: in the largest binary
// unit that divides it.
func FormatSize(n int64) string {
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n > 0 && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

// readCorpusFiles sets c's corpus_files settings from raw, reporting each
// bad value through bad.
func readCorpusFiles(c *Config, raw map[string]string, bad func(key, format string, args ...any)) {
	if v, ok := raw["corpus_files.max_file_size"]; ok {
		n, err := ParseSize(v)
		switch {
		case err != nil:
			bad("corpus_files.max_file_size", "%v", err)
		case n < 1 || n > MaxMaxFileSize:
			bad("corpus_files.max_file_size", "%q must be from 1 byte to %s", v, FormatSize(MaxMaxFileSize))
		default:
			c.MaxFileSize = n
		}
	}
	if v, ok := raw["corpus_files.follow_symlinks"]; ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			bad("corpus_files.follow_symlinks", "%q is not true or false", v)
		}
		c.FollowSymlinks = b
	}
}
