package summarize

// The word lists read at every token, as lexTables: each answers as the
// map it is built from (m[w], or v, ok := m[w]) for a fraction of a map
// lookup's cost. The maps stay the lists' definitions; nothing writes
// either after the package is loaded.
var (
	lxCues       = newLexTable(lx.cues)
	lxRoles      = newLexTable(lx.roles)
	lxFirstNames = newLexTable(lx.firstNames)
	lxPlaces     = newLexTable(lx.places)
	lxDemonyms   = newLexTable(lx.demonyms)
	lxOrgSuffix  = newLexTable(lx.orgSuffix)
	lxOrgPrefix  = newLexTable(lx.orgPrefix)
	lxOrgNames   = newLexTable(lx.orgNames)

	pronounTable      = newLexTable(pronouns)
	adverbTable       = newLexTable(adverbs)
	auxiliaryTable    = newLexTable(auxiliaries)
	determinerTable   = newLexTable(determiners)
	prepositionTable  = newLexTable(prepositions)
	subordinatorTable = newLexTable(subordinators)
	timeWordTable     = newLexTable(timeWords)

	monthNameTable  = newLexTable(monthNames)
	monthAbbrTable  = newLexTable(monthAbbrs)
	unitWordTable   = newLexTable(unitWords)
	countWordTable  = newLexTable(countWords)
	weekdayTable    = newLexTable(weekdayNames)
	tenseClassTable = newLexTable(tenseClass)
)
