package corpusgen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Write writes every article under dir as Markdown(i) gives it, creating
// the month folders, and returns how many bytes it wrote. Existing files of
// the same names are replaced; others are left alone. It stops early with
// ctx's error when ctx ends.
func (g *Generator) Write(ctx context.Context, dir string) (int64, error) {
	var total int64
	made := map[string]bool{}
	for i := range g.cfg.N {
		if err := ctx.Err(); err != nil {
			return total, fmt.Errorf("write corpus: %w", err)
		}
		rel, data := g.Markdown(i)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return total, fmt.Errorf("write corpus: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return total, fmt.Errorf("write corpus: %w", err)
		}
		total += int64(len(data))
	}
	return total, nil
}
