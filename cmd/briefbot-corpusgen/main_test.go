package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string // in stderr
		wantOut  string // in stdout
	}{
		{"writes the corpus", []string{"-n", "5", "-seed", "2", "-out", filepath.Join(dir, "c")}, 0, "", "wrote 5 articles"},
		{"help", []string{"-h"}, 0, "usage: briefbot-corpusgen", ""},
		{"no out", []string{"-n", "5"}, 2, "-out is required", ""},
		{"bad start", []string{"-out", dir, "-start", "yesterday"}, 2, "-start", ""},
		{"bad days", []string{"-out", dir, "-days", "0"}, 2, "at least 1", ""},
		{"stray argument", []string{"-out", dir, "extra"}, 2, "unexpected argument", ""},
		{"unknown flag", []string{"-x"}, 2, "flag provided but not defined", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(context.Background(), tt.args, &out, &errb); code != tt.wantCode {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.wantCode, errb.String())
			}
			if !strings.Contains(errb.String(), tt.wantErr) || !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout %q, stderr %q; want %q and %q in them", out.String(), errb.String(), tt.wantOut, tt.wantErr)
			}
		})
	}
	var files []string
	filepath.WalkDir(filepath.Join(dir, "c"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 5 {
		t.Errorf("%d files written, want 5", len(files))
	}
}
