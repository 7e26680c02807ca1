package content

import (
	"bytes"
	"strconv"
	"strings"
)

// tomlPos is where a key and its value start in TOML text (byte offsets).
// For a table from a [header], both are the header's offset.
type tomlPos struct{ key, val int }

// Paths name values in a TOML document: keys joined by "\x00", array
// elements as "\x00[i]" — bytes that cannot clash with how keys print.
func tomlJoin(path, key string) string {
	if path == "" {
		return key
	}
	return path + "\x00" + key
}

func tomlIndex(path string, i int) string {
	return path + "\x00[" + strconv.Itoa(i) + "]"
}

// scanTOML records the position of every key and value of src, a document
// that BurntSushi/toml has already accepted, so the scanner can be lenient:
// it knows just enough TOML to step over strings, comments, arrays and
// inline tables, and to follow [tables] and [[arrays of tables]].
func scanTOML(src []byte) map[string]tomlPos {
	s := tomlScanner{src: src, pos: make(map[string]tomlPos), arrays: make(map[string]int)}
	table := ""
	for {
		s.skipSpace(true)
		if s.i >= len(src) {
			return s.pos
		}
		start := s.i
		if src[s.i] == '[' {
			table = s.header()
		} else {
			s.keyval(table)
		}
		if s.i == start { // cannot happen with valid TOML; never loop forever
			s.i++
		}
	}
}

type tomlScanner struct {
	src    []byte
	i      int
	pos    map[string]tomlPos
	arrays map[string]int // array-of-tables path -> tables seen so far
}

func (s *tomlScanner) record(path string, key, val int) {
	if _, ok := s.pos[path]; !ok {
		s.pos[path] = tomlPos{key: key, val: val}
	}
}

func (s *tomlScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *tomlScanner) has(prefix string) bool {
	return bytes.HasPrefix(s.src[s.i:], []byte(prefix))
}

// skipSpace skips blanks and comments, and newlines too when nl is set.
func (s *tomlScanner) skipSpace(nl bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '\n' && nl:
			s.i++
		case c == '#':
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path of the table it opens.
func (s *tomlScanner) header() string {
	start := s.i
	array := s.has("[[")
	s.i++
	if array {
		s.i++
	}
	keys := s.key()
	for s.peek() == ']' || s.peek() == ' ' || s.peek() == '\t' {
		s.i++
	}
	path := ""
	for i, k := range keys {
		path = tomlJoin(path, k)
		s.record(path, start, start)
		if n, ok := s.arrays[path]; ok && i < len(keys)-1 {
			path = tomlIndex(path, n-1) // a.b under [[a]] means the last a
		}
	}
	if array {
		n := s.arrays[path]
		s.arrays[path] = n + 1
		path = tomlIndex(path, n)
		s.record(path, start, start)
	}
	return path
}

// keyval reads key = value inside the table at path.
func (s *tomlScanner) keyval(table string) {
	start := s.i
	keys := s.key()
	s.skipSpace(false)
	if s.peek() == '=' {
		s.i++
	}
	s.skipSpace(false)
	path := table
	for _, k := range keys[:len(keys)-1] {
		path = tomlJoin(path, k)
		s.record(path, start, start) // a dotted key defines its tables here
	}
	s.value(tomlJoin(path, keys[len(keys)-1]), start)
}

// key reads a dotted key: bare, "basic" or 'literal' parts joined by dots.
func (s *tomlScanner) key() []string {
	var keys []string
	for {
		s.skipSpace(false)
		switch s.peek() {
		case '"':
			start := s.i
			s.str()
			k, err := strconv.Unquote(string(s.src[start:s.i]))
			if err != nil {
				k = string(s.src[start+1 : max(s.i-1, start+1)])
			}
			keys = append(keys, k)
		case '\'':
			start := s.i
			s.str()
			keys = append(keys, string(s.src[start+1:max(s.i-1, start+1)]))
		default:
			start := s.i
			for s.i < len(s.src) && strings.IndexByte(" \t\r\n.=]#", s.src[s.i]) < 0 {
				s.i++
			}
			keys = append(keys, string(s.src[start:s.i]))
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return keys
		}
		s.i++
	}
}

// value reads the value at s.i, recording it and everything inside it.
func (s *tomlScanner) value(path string, keyStart int) {
	s.record(path, keyStart, s.i)
	switch s.peek() {
	case '"', '\'':
		s.str()
	case '[':
		s.i++
		s.items(']', func(n int) { s.value(tomlIndex(path, n), s.i) })
	case '{':
		s.i++
		s.items('}', func(int) { s.keyval(path) })
	default: // number, boolean or date-time: up to the next separator
		for s.i < len(s.src) && strings.IndexByte(",]}#\n", s.src[s.i]) < 0 {
			s.i++
		}
	}
}

// items reads comma-separated elements up to the closing byte.
func (s *tomlScanner) items(closing byte, elem func(n int)) {
	for n := 0; ; n++ {
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		if s.src[s.i] == closing {
			s.i++
			return
		}
		start := s.i
		elem(n)
		s.skipSpace(true)
		if s.peek() == ',' {
			s.i++
		} else if s.i == start {
			s.i++ // cannot happen with valid TOML; never loop forever
		}
	}
}

// str steps over a basic, literal or multi-line string.
func (s *tomlScanner) str() {
	q := s.src[s.i]
	triple := strings.Repeat(string(q), 3)
	if s.has(triple) {
		s.i += 3
		for s.i < len(s.src) {
			switch {
			case q == '"' && s.src[s.i] == '\\':
				s.i += 2
			case s.has(triple):
				s.i += 3
				// Up to two more quotes belong to the content: """a""""".
				for k := 0; k < 2 && s.peek() == q; k++ {
					s.i++
				}
				return
			default:
				s.i++
			}
		}
		return
	}
	for s.i++; s.i < len(s.src); s.i++ {
		switch s.src[s.i] {
		case '\\':
			if q == '"' {
				s.i++
			}
		case q:
			s.i++
			return
		case '\n':
			return
		}
	}
}
