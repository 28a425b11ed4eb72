package bot

// articleKeys finds an article by the lookup form (normName) of its ID or
// path without keeping the keys: by their hash (hashNorm), confirmed
// against the article. A key whose hash an earlier, different key has is
// kept in more, by name. A key names the first article (in corpus order,
// the ID before the path) that has it.
type articleKeys struct {
	byHash map[uint64]int32
	more   map[string]int32 // keys whose hash an earlier key has
}

// add files article i under key, unless a key is "" or already filed.
// keyOf gives an article's two keys.
func (k *articleKeys) add(key string, i int, keyOf func(art int32) [2]string) {
	if key == "" {
		return
	}
	h := hashNorm(key)
	j, ok := k.byHash[h]
	switch {
	case !ok:
		if k.byHash == nil {
			k.byHash = map[uint64]int32{}
		}
		k.byHash[h] = int32(i)
	case has(keyOf(j), key) || hasKey(k.more, key):
		// filed already
	default:
		if k.more == nil {
			k.more = map[string]int32{}
		}
		k.more[key] = int32(i)
	}
}

// find returns the article filed under key.
func (k *articleKeys) find(key string, keyOf func(art int32) [2]string) (int, bool) {
	if j, ok := k.byHash[hashNorm(key)]; ok && key != "" && has(keyOf(j), key) {
		return int(j), true
	}
	j, ok := k.more[key]
	return int(j), ok
}

func has(keys [2]string, key string) bool { return keys[0] == key || keys[1] == key }

// idKeys returns the lookup keys of article a: its normalised ID and path.
func (ix *Index) idKeys(a int32) [2]string {
	return [2]string{normName(ix.arts[a].ID), normName(ix.arts[a].Path)}
}

// byID returns the article whose normalised ID or path is key (the
// first such).
func (ix *Index) byID(key string) (int, bool) {
	return ix.ids.find(key, ix.idKeys)
}
