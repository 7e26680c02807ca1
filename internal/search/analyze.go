package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxWordLen is the longest word, in code points, that is indexed: longer
// runs of letters are hashes, base64 or URLs nobody types.
const maxWordLen = 40

// Fold lower-cases s and removes its accents: every rune is lower-cased,
// decomposed (NFD) and stripped of combining marks (Unicode category M),
// and the letters that do not decompose are spelt out (ß → ss, æ → ae,
// ø → o …). "Développeur Ærø" → "developpeur aero". The client does the
// same with toLowerCase, normalize("NFD") and the same table.
//
// Fold works a rune at a time, which gives what NFD of the whole string
// would once its marks are dropped (NFD only reorders marks across runes),
// and sends only the runes that may decompose through package norm: most
// of an English page is ASCII and typographic punctuation.
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	foldInto(&b, s)
	return b.String()
}

// foldInto writes Fold(s) to b.
func foldInto(b *strings.Builder, s string) {
	var buf [4 * utf8.UTFMax]byte
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteByte(c + 'a' - 'A')
				i++
				continue
			}
			// A run of ASCII that folds to itself, written at once.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && (s[j] < 'A' || s[j] > 'Z') {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		b.Write(foldRune(buf[:0], r))
	}
}

// foldRune appends the fold of r, a rune that is not ASCII, to dst.
func foldRune(dst []byte, r rune) []byte {
	switch {
	case r < 0xC0, 0x2000 <= r && r < 0x2070:
		// Latin-1 punctuation and General Punctuation: no letters, no
		// marks, no canonical decompositions into either.
		return utf8.AppendRune(dst, r)
	case r < latinEnd:
		return append(dst, latinFolds[r-0xC0]...)
	}
	return appendDecomposed(dst, r)
}

// appendDecomposed appends the fold of r to dst: r lower-cased and
// decomposed (NFD), without its marks, and its letters spelt out.
func appendDecomposed(dst []byte, r rune) []byte {
	var one [utf8.UTFMax]byte
	n := utf8.EncodeRune(one[:], unicode.ToLower(r))
	for _, d := range norm.NFD.String(string(one[:n])) {
		switch {
		case unicode.Is(unicode.M, d):
		case foldTable[d] != "":
			dst = append(dst, foldTable[d]...)
		default:
			dst = utf8.AppendRune(dst, d)
		}
	}
	return dst
}

// latinFolds holds the fold of each rune from U+00C0 to latinEnd (Latin-1
// Supplement's letters, Latin Extended-A and -B): the accented letters of
// European languages, folded without a call to package norm and the
// string it makes.
var latinFolds = func() (folds [latinEnd - 0xC0]string) {
	for i := range folds {
		folds[i] = string(appendDecomposed(nil, rune(0xC0+i)))
	}
	return folds
}()

const latinEnd = 0x250

// foldTable spells out the lower-case letters that NFD does not split into
// a base letter and marks. Final sigma folds to sigma, which is what
// strings.ToLower gives where JavaScript's toLowerCase gives ς.
var foldTable = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ς': "σ",
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// isWord reports whether r belongs to a word: a letter or a number
// (Unicode L and N, the client's [\p{L}\p{N}]).
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Words calls yield with each word of the folded text s, in order: the
// maximal runs of letters and numbers. joined is true for a word made of
// two hyphenated words written together ("back-end" gives "back", "end"
// and then "backend" with joined set), so that a reader who types
// "backend" finds "back-end"; only the index uses those.
func Words(s string, yield func(word string, joined bool)) {
	start := -1
	prev := "" // the word before a single hyphen, when it starts with a letter
	for i, r := range s {
		switch {
		case isWord(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			w := s[start:i]
			yield(w, false)
			if prev != "" && startsWithLetter(w) {
				yield(prev+w, true)
			}
			prev, start = "", -1
			if r == '-' && startsWithLetter(w) {
				prev = w
			}
		default:
			prev = ""
		}
	}
	if start >= 0 {
		w := s[start:]
		yield(w, false)
		if prev != "" && startsWithLetter(w) {
			yield(prev+w, true)
		}
	}
}

func startsWithLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// Term is the index term of a folded word under English rules: "" for a
// stop word or a word longer than maxWordLen, the stem of a word of ASCII
// letters (Stem), and any other word (with digits, or in another script)
// as it is. Under plain rules (Options.Plain), for a language without a
// stemmer, it is the word as it is, "" only when it is too long.
func Term(word string, plain bool) string {
	if utf8.RuneCountInString(word) > maxWordLen {
		return ""
	}
	if plain {
		return word
	}
	if len(word) <= maxStopLen && stopWords[word] {
		return ""
	}
	for i := 0; i < len(word); i++ {
		if c := word[i]; c < 'a' || c > 'z' {
			return word
		}
	}
	return Stem(word)
}

// Terms returns the index terms of text under English rules or plain
// ones, in order: Fold, Words (without the joined words), Term, the words
// Term leaves out left out. Queries are analysed so.
func Terms(text string, plain bool) []string {
	var out []string
	Words(Fold(text), func(w string, joined bool) {
		if t := Term(w, plain); t != "" && !joined {
			out = append(out, t)
		}
	})
	return out
}

// stopWords are left out of the index and of queries: they are on nearly
// every page and would make the largest postings lists for no ranking
// value. "it" is not one: IT is a career. The client has the same list.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopList) {
		m[w] = true
	}
	return m
}()

// maxStopLen is the length of the longest stop word: a longer word is not
// looked up.
var maxStopLen = func() int {
	n := 0
	for w := range stopWords {
		n = max(n, len(w))
	}
	return n
}()

// stopList is stopWords as the client spells it.
const stopList = "a an and are as at be by for from has have in is of on or s t that the this to was were will with you your"

// compareTerms orders terms as JavaScript compares strings, by UTF-16 code
// units, so that the client's binary search over shard boundaries agrees
// with the build's order. It differs from Go's byte order only between a
// code point above U+FFFF and one in U+E000–U+FFFF. Terms are UTF-8: the
// bytes they share are skipped, and the code points compared are those
// that hold the first byte where they differ (at once, when both are
// ASCII; an index sorts every term of a build).
func compareTerms(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) || i == len(b) {
		return len(a) - len(b)
	}
	if a[i] < utf8.RuneSelf && b[i] < utf8.RuneSelf {
		return int(a[i]) - int(b[i])
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	ra, _ := utf8.DecodeRuneInString(a[i:])
	rb, _ := utf8.DecodeRuneInString(b[i:])
	return compareUnits(ra, rb)
}

// compareUnits compares two different code points by their first UTF-16
// code unit, and two supplementary ones by code point (which is the order
// of their surrogate pairs).
func compareUnits(a, b rune) int {
	unit := func(r rune) rune {
		if r > 0xFFFF {
			return 0xD800 + (r-0x10000)>>10
		}
		return r
	}
	if a > 0xFFFF && b > 0xFFFF {
		return int(a - b)
	}
	if ua, ub := unit(a), unit(b); ua != ub {
		return int(ua - ub)
	}
	return int(a - b) // not reached: a lone surrogate is not a rune
}
