package summarize

import "testing"

// probesOf returns the keys of m with near misses of each (a letter
// added, a letter dropped, upper case) and a few words in no list.
func probesOf[V any](m map[string]V) []string {
	out := []string{"", "a", "zz", "The", "’ll", "qqqqqqqqqqqqqqqqqqqq"}
	for w := range m {
		out = append(out, w, w+"s", "x"+w, w[:len(w)-1], string(w[0]-32)+w[1:])
	}
	return out
}

// checkTable holds tab to m on every probe: get as the two-value map
// lookup, at as the one-value one, has as m[w] != zero.
func checkTable[V comparable](t *testing.T, name string, tab *lexTable[V], m map[string]V, probes []string) {
	t.Helper()
	var zero V
	if _, ok := m[""]; ok {
		t.Errorf("%s: the map has the empty word, which the table leaves out", name)
	}
	for _, w := range probes {
		want, wantOK := m[w]
		if got, ok := tab.get(w); got != want || ok != wantOK {
			t.Errorf("%s.get(%q) = %v, %v, want %v, %v", name, w, got, ok, want, wantOK)
		}
		if got := tab.at(w); got != want {
			t.Errorf("%s.at(%q) = %v, want %v", name, w, got, want)
		}
		if got := tab.atBytes([]byte(w)); got != want {
			t.Errorf("%s.atBytes(%q) = %v, want %v", name, w, got, want)
		}
		if got := tab.has(w); got != (want != zero) {
			t.Errorf("%s.has(%q) = %v, want %v", name, w, got, want != zero)
		}
	}
}

// TestLexTablesMatchMaps holds every table of lexicon_tables.go, and the
// unions, to the maps they stand for.
func TestLexTablesMatchMaps(t *testing.T) {
	var all []string
	for _, m := range []map[string]bool{lx.places, lx.demonyms, lx.orgSuffix, lx.orgPrefix, lx.orgNames, adverbs,
		auxiliaries, determiners, prepositions, subordinators, timeWords, irregularPast, lx.starters} {
		all = append(all, probesOf(m)...)
	}
	all = append(all, probesOf(lx.cues)...)
	all = append(all, probesOf(lx.roles)...)
	all = append(all, probesOf(lx.firstNames)...)
	all = append(all, probesOf(pronouns)...)
	all = append(all, probesOf(monthNames)...)
	all = append(all, probesOf(unitWords)...)
	all = append(all, probesOf(countWords)...)
	all = append(all, probesOf(weekdayNames)...)
	all = append(all, probesOf(tenseClass)...)

	checkTable(t, "lxCues", lxCues, lx.cues, all)
	checkTable(t, "lxRoles", lxRoles, lx.roles, all)
	checkTable(t, "lxFirstNames", lxFirstNames, lx.firstNames, all)
	checkTable(t, "lxPlaces", lxPlaces, lx.places, all)
	checkTable(t, "lxDemonyms", lxDemonyms, lx.demonyms, all)
	checkTable(t, "lxOrgSuffix", lxOrgSuffix, lx.orgSuffix, all)
	checkTable(t, "lxOrgPrefix", lxOrgPrefix, lx.orgPrefix, all)
	checkTable(t, "lxOrgNames", lxOrgNames, lx.orgNames, all)
	checkTable(t, "pronounTable", pronounTable, pronouns, all)
	checkTable(t, "adverbTable", adverbTable, adverbs, all)
	checkTable(t, "auxiliaryTable", auxiliaryTable, auxiliaries, all)
	checkTable(t, "determinerTable", determinerTable, determiners, all)
	checkTable(t, "prepositionTable", prepositionTable, prepositions, all)
	checkTable(t, "subordinatorTable", subordinatorTable, subordinators, all)
	checkTable(t, "timeWordTable", timeWordTable, timeWords, all)
	checkTable(t, "monthNameTable", monthNameTable, monthNames, all)
	checkTable(t, "monthAbbrTable", monthAbbrTable, monthAbbrs, all)
	checkTable(t, "unitWordTable", unitWordTable, unitWords, all)
	checkTable(t, "countWordTable", countWordTable, countWords, all)
	checkTable(t, "weekdayTable", weekdayTable, weekdayNames, all)
	checkTable(t, "tenseClassTable", tenseClassTable, tenseClass, all)

	for _, w := range all {
		_, pro := pronouns[w]
		if got, want := functionWords.has(w), pro || lx.starters[w] || determiners[w] || prepositions[w] ||
			subordinators[w] || adverbs[w] || auxiliaries[w]; got != want {
			t.Errorf("functionWords.has(%q) = %v, want %v", w, got, want)
		}
		if got, want := placeWords.has(w), lx.places[w] || lx.demonyms[w]; got != want {
			t.Errorf("placeWords.has(%q) = %v, want %v", w, got, want)
		}
		if got, want := verbishWords.has(w), auxiliaries[w] || irregularPast[w]; got != want {
			t.Errorf("verbishWords.has(%q) = %v, want %v", w, got, want)
		}
	}
}
