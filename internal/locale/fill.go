package locale

import "strings"

// Fill returns pattern with every "{name}" for which value(name) reports
// true replaced by the string it returns, left to right; what a
// replacement brings is not looked at again. That is what
// strings.NewReplacer of the pairs "{name}", value would write (a name
// holds no brace, so no two keys start at one place), without building a
// Replacer for every string written: dates and the strings of T take
// their values per call (issue 23).
func Fill(pattern string, value func(name string) (string, bool)) string {
	var b strings.Builder
	last := 0 // pattern[last:] is not written yet
	for i := 0; ; {
		open := strings.IndexByte(pattern[i:], '{')
		if open < 0 {
			break
		}
		open += i
		end := strings.IndexByte(pattern[open+1:], '}')
		if end < 0 {
			break
		}
		end += open + 1
		v, ok := value(pattern[open+1 : end])
		if !ok {
			i = open + 1
			continue
		}
		if last == 0 {
			b.Grow(len(pattern) + len(v))
		}
		b.WriteString(pattern[last:open])
		b.WriteString(v)
		last = end + 1
		i = last
	}
	if last == 0 {
		return pattern
	}
	b.WriteString(pattern[last:])
	return b.String()
}
