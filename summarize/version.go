package summarize

// AnalyzerVersion names the analysis Analyze computes. Analyses kept
// across restarts (the state database's analysis cache) are keyed by it
// together with the article's text, so a cached analysis is used only by
// the analyzer that computed it.
//
// Any change to what Analyze returns for some article (a rule, a word
// list, a field of Analysis or its meaning) must bump it; otherwise a
// restart serves the old analyses of every unchanged article. Bumping it
// without need costs one re-analysis of the corpus, nothing else.
const AnalyzerVersion = "2026-11-25.2"
