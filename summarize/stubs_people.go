package summarize

// registry is the document-level register of people and organisations.
// STUB: replaced by people.go (owned by the people/quotes helper).
type registry struct{ ps []Person }

// newRegistry builds the register from the article's sentences.
func newRegistry(sents []Sentence) *registry { return &registry{} }

// people returns the register's entries, in order of first mention.
func (r *registry) people() []Person { return r.ps }

// resolve maps a mention ("Trump", "US President Trump", "he", "This
// analyst") in sentence sent to the fullest name it refers to. ok is false
// when the mention cannot be resolved; name is then the mention as written.
func (r *registry) resolve(mention string, sent int) (name string, ok bool) { return mention, false }
