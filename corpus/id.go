package corpus

import (
	"crypto/sha256"
	"encoding/hex"
)

// idLen is the number of hex characters kept from the hash: 48 bits, so a
// collision needs millions of articles in one corpus.
const idLen = 12

// articleID returns the stable ID of an article: the first 12 hex characters
// of the SHA-256 of its Path, or of Path + "#" + key for a feed item, where
// key is the item's GUID, else its link, else its title.
//
// The ID depends only on where the article lives, never on its content, the
// clock or the file's mtime, so editing a file or reloading the corpus keeps
// the ID, while moving or renaming the file changes it.
func articleID(path, key string) string {
	s := path
	if key != "" {
		s += "#" + key
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:idLen]
}
