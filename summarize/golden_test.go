package summarize

import "flag"

// update rewrites the golden files under testdata/ instead of comparing
// with them: go test ./summarize -run TestX -update. Every golden test of
// the package shares it (a flag can be defined only once).
var update = flag.Bool("update", false, "rewrite golden files under testdata/")
