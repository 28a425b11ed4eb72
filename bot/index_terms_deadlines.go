package bot

// indexDeadlineTerms files every deadline (ix.deadlines, in their final
// order, merged but not finished: see mergeDeadlines) under the terms of its parts: who set it for whom, its demand,
// consequence and evidence, the title and summary of every article
// reporting it, and the evidence and sentence of every state. The index
// is the one termIndex.add gives the parts joined with spaces, but no
// text is joined and each distinct one is read once: the parts repeat
// across deadlines (an article's summary in each of its deadlines, a
// sentence in each state citing it).
func (ix *Index) indexDeadlineTerms() {
	var b termBuilder
	var arena []int32              // the terms of each text read, in turn
	texts := map[string][2]int32{} // text → its terms, arena[at[0]:at[1]]
	read := func(s string) [2]int32 {
		start := len(arena)
		arena = b.appendTerms(arena, s)
		return [2]int32{int32(start), int32(len(arena))}
	}
	text := func(s string) []int32 {
		at, ok := texts[s]
		if !ok {
			at = read(s)
			texts[s] = at
		}
		return arena[at[0]:at[1]]
	}
	// An article's title and summary sentences, read at its first
	// deadline; {0, -1} until then.
	arts := make([][2]int32, len(ix.arts))
	for a := range arts {
		arts[a] = [2]int32{0, -1}
	}
	for k, dr := range ix.deadlines {
		id := int32(k)
		for _, s := range [...]string{dr.setBy, dr.target, dr.demand, dr.consequence, dr.evidence} {
			b.file(id, text(s))
		}
		for _, a := range dr.arts {
			if arts[a][1] < 0 {
				start := len(arena)
				arena = b.appendTerms(arena, ix.arts[a].Title)
				for _, s := range ix.summary(a) {
					arena = b.appendTerms(arena, s)
				}
				arts[a] = [2]int32{int32(start), int32(len(arena))}
			}
			b.file(id, arena[arts[a][0]:arts[a][1]])
		}
		for _, rv := range dr.revs { // before finish: the evidence and sentence are the revisions'
			b.file(id, text(rv.r.Evidence))
			b.file(id, text(ix.sentence(rv.art, rv.r.Sentence)))
		}
	}
	ix.deadlineTerms = packTerms(b.finish())
}

// contentTerms returns the terms of a deadline's text that say which
// deadline it is (those not in genericDeadlineTerms), in order, repeats
// included. The texts repeat across reports, so each distinct one is read
// once while the index is built (ix.reportTerms; indexDeadlines drops
// it). The slice is shared: not to be modified.
func (ix *Index) contentTerms(s string) []string {
	if ts, ok := ix.reportTerms[s]; ok {
		return ts
	}
	var ts []string
	var sc wordScanner
	var buf [64]byte
	sc.reset(s)
	for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
		if e := lookupWord(w); !e.stop && !genericDeadlineTerms[e.stem] {
			ts = append(ts, e.stem)
		}
	}
	if ix.reportTerms == nil {
		ix.reportTerms = map[string][]string{}
	}
	ix.reportTerms[s] = ts
	return ts
}
