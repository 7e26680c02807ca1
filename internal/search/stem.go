package search

import "strings"

// Stem returns the stem of a lower-case English word of ASCII letters:
// steps 1a, 1b, 1c and 5 of the Porter stemmer (M. F. Porter, "An algorithm
// for suffix stripping", 1980), which take off inflections (plurals, -ed,
// -ing, a final -e), and four rules of its step 2, which meet the nouns and
// verbs a career site uses side by side: -ation and -ator → -ate, -ational
// → -ate, -ization → -ize. So "developers" and "developer" meet at
// "developer", "caching" and "cache" at "cach", "certification" and
// "certificates" at "certificat", "administrator" and "administration" at
// "administrat", while "development" stays apart. The rest of Porter's
// steps 2–4 (-ness, -ment, -ive …) would merge words a reader keeps apart
// ("engineering" and "engine") and double the client's stemmer. Words of
// one or two letters are returned as they are.
//
// The client (assets/js/search.js) has the same steps; keep them in step.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	return step5(w)
}

// step1a: sses → ss, ies → i, ss → ss, s → "".
func step1a(w string) string {
	switch {
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ies"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// step1b: (m>0) eed → ee; (*v*) ed → "", (*v*) ing → "", and after those
// two: at → ate, bl → ble, iz → ize, a double consonant other than l, s or
// z → single, and (m=1 and *o) → +e.
func step1b(w string) string {
	if strings.HasSuffix(w, "eed") {
		if measure(w[:len(w)-3]) > 0 {
			return w[:len(w)-1]
		}
		return w
	}
	var stem string
	switch {
	case strings.HasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		stem = w[:len(w)-2]
	case strings.HasSuffix(w, "ing") && hasVowel(w[:len(w)-3]):
		stem = w[:len(w)-3]
	default:
		return w
	}
	switch {
	case strings.HasSuffix(stem, "at"), strings.HasSuffix(stem, "bl"), strings.HasSuffix(stem, "iz"):
		return stem + "e"
	case doubleConsonant(stem) && !strings.ContainsAny(stem[len(stem)-1:], "lsz"):
		return stem[:len(stem)-1]
	case measure(stem) == 1 && cvc(stem):
		return stem + "e"
	}
	return stem
}

// step1c: (*v*) y → i.
func step1c(w string) string {
	if strings.HasSuffix(w, "y") && hasVowel(w[:len(w)-1]) {
		return w[:len(w)-1] + "i"
	}
	return w
}

// step2Rules are the rules of Porter's step 2 that Stem uses, longest
// suffix first where one ends another.
var step2Rules = [...]struct{ suffix, to string }{
	{"ational", "ate"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
}

// step2: (m>0) ational → ate, ization → ize, ation → ate, ator → ate.
func step2(w string) string {
	for _, r := range step2Rules {
		if strings.HasSuffix(w, r.suffix) {
			if stem := w[:len(w)-len(r.suffix)]; measure(stem) > 0 {
				return stem + r.to
			}
			return w
		}
	}
	return w
}

// step5: (m>1) e → "", (m=1 and not *o) e → "", and (m>1, *d and *L)
// → a single letter (ll → l).
func step5(w string) string {
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if m := measure(stem); m > 1 || m == 1 && !cvc(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}

// consonant reports whether w[i] is a consonant in Porter's sense: not a
// vowel, and y only when it follows a vowel or starts the word.
func consonant(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !consonant(w, i-1)
	}
	return true
}

// measure is Porter's m: the number of vowel-consonant sequences in w,
// which has the form [C](VC){m}[V].
func measure(w string) int {
	m := 0
	vowel := false
	for i := range len(w) {
		if consonant(w, i) {
			if vowel {
				m++
			}
			vowel = false
		} else {
			vowel = true
		}
	}
	return m
}

// hasVowel is Porter's *v*.
func hasVowel(w string) bool {
	for i := range len(w) {
		if !consonant(w, i) {
			return true
		}
	}
	return false
}

// doubleConsonant is Porter's *d: w ends with two equal consonants.
func doubleConsonant(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && consonant(w, n-1)
}

// cvc is Porter's *o: w ends consonant-vowel-consonant and the last
// consonant is not w, x or y ("hop", not "snow").
func cvc(w string) bool {
	n := len(w)
	return n >= 3 && consonant(w, n-3) && !consonant(w, n-2) && consonant(w, n-1) &&
		!strings.ContainsAny(w[n-1:], "wxy")
}
