package config_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/config"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"10485760", 10 << 20, true},
		{"10MiB", 10 << 20, true},
		{"10M", 10 << 20, true},
		{"10 MB", 10_000_000, true},
		{"512KiB", 512 << 10, true},
		{"1GiB", 1 << 30, true},
		{"100B", 100, true},
		{"ten MB", 0, false},
		{"-1", 0, false},
		{"1.5MB", 0, false},
		{"99999999999GiB", 0, false},
	}
	for _, tt := range tests {
		got, err := config.ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok {
			if back, err := config.ParseSize(config.FormatSize(got)); err != nil || back != got {
				t.Errorf("ParseSize(FormatSize(%d)) = %d, %v", got, back, err)
			}
		}
	}
}

// TestCorpusFiles reads the corpus_files settings from the defaults, the
// file and the environment, each over the one before, and rejects bad
// values naming where they came from.
func TestCorpusFiles(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "briefbot.yaml")
	if err := os.WriteFile(file, []byte("corpus_files:\n  max_file_size: 2MiB\n  follow_symlinks: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("corpus_files:\n  max_file_size: 0\n  follow_symlinks: maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		file    string
		vars    map[string]string
		size    int64
		follow  bool
		wantErr []string
	}{
		{"defaults", "", nil, config.DefaultMaxFileSize, false, nil},
		{"file", file, nil, 2 << 20, true, nil},
		{"environment over file", file, map[string]string{"BRIEFBOT_MAX_FILE_SIZE": "512KiB", "BRIEFBOT_FOLLOW_SYMLINKS": "false"}, 512 << 10, false, nil},
		{"bad file values", bad, nil, config.DefaultMaxFileSize, false, []string{
			bad + `: corpus_files.max_file_size: "0" must be from 1 byte to 1GiB`,
			bad + `: corpus_files.follow_symlinks: "maybe" is not true or false`,
		}},
		{"bad environment", "", map[string]string{"BRIEFBOT_MAX_FILE_SIZE": "huge"}, config.DefaultMaxFileSize, false, []string{
			`BRIEFBOT_MAX_FILE_SIZE: "huge" is not a size such as 10MiB or 500000`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"BRIEFBOT_STATE": t.TempDir()}
			for k, v := range tt.vars {
				vars[k] = v
			}
			c, err := config.Load(config.Flags{File: tt.file}, env(vars))
			if tt.wantErr == nil && err != nil {
				t.Fatalf("Load: %v", err)
			}
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("Load succeeded, want %q", tt.wantErr)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if c.MaxFileSize != tt.size || c.FollowSymlinks != tt.follow {
				t.Errorf("MaxFileSize %d, FollowSymlinks %v; want %d, %v", c.MaxFileSize, c.FollowSymlinks, tt.size, tt.follow)
			}
			var out bytes.Buffer
			if err := c.WriteYAML(&out); err != nil {
				t.Fatal(err)
			}
			if want := "max_file_size: " + config.FormatSize(tt.size); !strings.Contains(out.String(), want) {
				t.Errorf("effective configuration lacks %q:\n%s", want, out.String())
			}
		})
	}
}
