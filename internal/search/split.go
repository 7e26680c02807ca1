package search

import (
	"unicode"
	"unicode/utf8"
)

// A wordSplitter finds the words of text given to it a piece at a time
// (write), folding it as it goes: the words, in order, that Words finds
// in Fold of the pieces written since the last end, written together.
// It is how the analysis reads a body without making its text or the
// fold of it: a word within one piece is neither copied into a string
// nor looked at twice. The fuzz test holds it to Words.
type wordSplitter struct {
	// yield is called with each word, folded, and with each joined word
	// (joined set); the bytes are the splitter's, valid until yield
	// returns.
	yield func(word []byte, joined bool)

	word    []byte // the word being read
	prev    []byte // the word before a single hyphen, when it starts with a letter
	hasPrev bool
	joined  []byte // prev and word written together
	folded  []byte // the fold of one rune
}

// write reads s, the next piece of the text.
func (w *wordSplitter) write(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			w.writeRune(r)
			continue
		}
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			// A run of them, the most of any text, taken at once.
			j := i + 1
			for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || '0' <= s[j] && s[j] <= '9') {
				j++
			}
			w.word = append(w.word, s[i:j]...)
			i = j
			continue
		case 'A' <= c && c <= 'Z':
			w.word = append(w.word, c+'a'-'A')
		default:
			w.end(rune(c))
		}
		i++
	}
}

// writeRune reads r, a rune that is not ASCII: its fold, rune by rune.
func (w *wordSplitter) writeRune(r rune) {
	w.folded = foldRune(w.folded[:0], r)
	for _, d := range string(w.folded) {
		if isWord(d) {
			w.word = utf8.AppendRune(w.word, d)
		} else {
			w.end(d)
		}
	}
}

// endText ends the text: the word being read, if any, is a word, and
// none is joined to what is written next.
func (w *wordSplitter) endText() { w.end(' ') }

// end reads r, a rune that is not part of a word, after the word being
// read, if any: that word is yielded and, after a word and a single
// hyphen, the two joined; a hyphen after a word that starts with a letter
// may join it to the next.
func (w *wordSplitter) end(r rune) {
	if len(w.word) == 0 {
		w.hasPrev = false
		return
	}
	w.yield(w.word, false)
	letter := startsWithLetterBytes(w.word)
	if w.hasPrev && letter {
		w.joined = append(append(w.joined[:0], w.prev...), w.word...)
		w.yield(w.joined, true)
	}
	w.hasPrev = r == '-' && letter
	if w.hasPrev {
		w.prev = append(w.prev[:0], w.word...)
	}
	w.word = w.word[:0]
}

func startsWithLetterBytes(w []byte) bool {
	r, _ := utf8.DecodeRune(w)
	return unicode.IsLetter(r)
}
