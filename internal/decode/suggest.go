package decode

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Suggest returns the known key that key is most likely a typo of, or "".
// A key matches when it differs from a known key only in case, "_" and "-"
// ("publishDate" → "publish_date"), or when their edit distance (insertions,
// deletions, substitutions and swaps of neighbouring letters) is at most 2 —
// at most 1 when either key has 4 letters or fewer, so that short keys do not
// match everything. Ties go to the earliest key in known.
func Suggest(key string, known []string) string {
	best, bestDist := "", 3
	keyLen := utf8.RuneCountInString(key)
	for _, k := range known {
		if k == key {
			continue
		}
		if looseEqual(k, key) {
			return k
		}
		kLen := utf8.RuneCountInString(k)
		limit := 2
		if min(kLen, keyLen) <= 4 {
			limit = 1
		}
		if abs(kLen-keyLen) > limit {
			continue // too different in length to be within limit
		}
		if dist := distance(key, k, limit); dist <= limit && dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// looseEqual reports whether a and b are equal ignoring case, "_" and "-".
func looseEqual(a, b string) bool {
	for {
		a, b = strings.TrimLeft(a, "_-"), strings.TrimLeft(b, "_-")
		if a == "" || b == "" {
			return a == b
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
}

// distance is the optimal string alignment distance between a and b, in
// runes (insertions, deletions, substitutions and swaps of neighbours). It
// returns limit+1 early when the lengths alone rule out limit.
func distance(a, b string, limit int) int {
	// Keys are short: keep their runes and the table rows on the stack.
	var abuf, bbuf [32]rune
	ra, rb := appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	var rows [3][33]int
	prev2, prev, cur := rows[0][:], rows[1][:], rows[2][:]
	if len(rb) >= len(rows[0]) {
		prev2, prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := 0; j <= len(rb); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
