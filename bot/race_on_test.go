//go:build race

package bot

// raceDetector reports whether the tests run under the race detector,
// which makes single-goroutine equivalence checks over large generated
// corpora many times slower while checking nothing more.
const raceDetector = true
