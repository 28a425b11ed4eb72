// Package example holds the example corpus embedded in the binary, so a new
// user's first command shows every feature on real news: the article the
// project started from and a handful of Wikinews articles (CC BY 2.5, each
// with its source line; see the README for the credits).
package example

import (
	"embed"
	"io/fs"
)

//go:embed corpus/*.md
var files embed.FS

// Corpus returns the example articles as a file system whose root holds
// the article files.
func Corpus() fs.FS {
	sub, err := fs.Sub(files, "corpus")
	if err != nil {
		panic(err) // the embedded directory is fixed at build time
	}
	return sub
}
