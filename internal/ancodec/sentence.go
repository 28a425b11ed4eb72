package ancodec

import "github.com/briefbot/briefbot/summarize"

// Sentences returns the number of sentences of the analysis encoded in
// data (0 when it has none).
//
// Like Sentence, it checks data's size and format byte, not its CRC: it
// trusts data to have passed Check (as the analysis cache's rows do) or
// to come from Append. Its error wraps ErrCorrupt.
func Sentences(data []byte) (int, error) {
	if err := checkFormat(data); err != nil {
		return 0, err
	}
	d := newReader(data[1:len(data)-crcBytes], "")
	n, _ := d.count()
	return n, d.err
}

// Sentence returns sentence i of the analysis encoded in data for an
// article of this body, equal to Decode's Sentences[i], without decoding
// the rest: sentences come first, and those before i are walked over.
// Its Text is a slice of body, or a copy (nothing of data is retained).
//
// It checks data's size and format byte, and everything it reads, but
// not the CRC, which would read the whole analysis: it trusts data to
// have passed Check (as the analysis cache's rows do) or to come from
// Append, and never panics on anything else. The error wraps
// ErrNoSentence (and so ErrNoRecord) when i is out of range, ErrCorrupt
// when data cannot be read.
func Sentence(data []byte, body string, i int) (summarize.Sentence, error) {
	d := seek(data, body, secSentences, i)
	var s summarize.Sentence
	d.sentence(&s)
	return result(s, d.err)
}
