package summarize

// Byte classes of ASCII, for the scanners that walk every byte of a
// sentence: one table load tells a letter, a digit or white space apart,
// where a chain of comparisons costs a branch each. Bytes from 0x80 up
// (parts of multi-byte runes) are in no class: callers decode them.
const (
	cLower uint8 = 1 << iota // 'a'-'z'
	cUpper                   // 'A'-'Z'
	cDigit                   // '0'-'9'
	cSpace                   // ' ', '\t', '\n', '\v', '\f', '\r': the ASCII white space of unicode.IsSpace
	cJoin                    // '-', '.', '&', '\'', '`', ',', '%': the marks that may join or end a word (wordSpan)

	cLetter = cLower | cUpper
	cAlnum  = cLetter | cDigit
)

// asciiClass holds the class bits of each byte.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range " \t\n\v\f\r" {
		t[c] = cSpace
	}
	for _, c := range "-.&'`,%" {
		t[c] = cJoin
	}
	return t
}()

// asciiAlnum is 1 for the ASCII letters and digits and 0 for every other
// byte, for the scanners that count them without branching.
var asciiAlnum = func() (t [256]uint8) {
	for c := range t {
		if asciiClass[c]&cAlnum != 0 {
			t[c] = 1
		}
	}
	return t
}()
