package bot

// Test hooks for listing_test.go (package bot_test).

// EagerPages answers text the way Handle did before listings: the
// command's whole answer (run), then paginate. It is the reference the
// listings' pages are compared with.
func EagerPages(b *Bot, text string) []Reply {
	req := parse(text, b.cmds)
	return paginate(b.answer(b.state.Load().ix, req, b.now()), pageItems)
}

// ListingQueries returns messages for every listing command drawn from
// what b's corpus holds (as the benchmarks draw them), n per command at
// most, and the whole-corpus listings.
func ListingQueries(b *Bot, n int) []string {
	var out []string
	for cmd, qs := range perfQueries(b.state.Load().ix, n) {
		switch cmd {
		case "search", "question", "summary", "summary TOPIC":
			continue // answered whole: no listing
		}
		out = append(out, qs...)
	}
	return out
}
