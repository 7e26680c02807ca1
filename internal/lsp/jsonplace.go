package lsp

// jsonFrame is an object or array open before the cursor in JSON front
// matter, and the key whose value it is ("" for the whole object; an
// array's key for an object in it).
type jsonFrame struct {
	key   string
	array bool
}

// jsonScan is JSON front matter read up to the cursor: the objects and
// arrays open there, the last key of the innermost object, whether a ":"
// followed it, and the string the cursor is in.
type jsonScan struct {
	frames     []jsonFrame
	key        string // the last key of the innermost object
	afterColon bool   // in the innermost object, the value of key is being written
	inString   bool
	strStart   int  // where the string the cursor is in starts, after its quote
	keyString  bool // that string is in a key's place
	closed     bool // the front matter's object closed before the cursor
}

// jsonPlaceIn is placeIn for JSON front matter, an object that opens the
// file: the braces and brackets open before the cursor say where it is,
// a string after "{" or "," in an object is a key, one after ":" or in an
// array a value.
func jsonPlaceIn(text []byte, off int) (p *fieldPlace, inFrontMatter bool) {
	sc := scanJSON(text[:off])
	if sc.closed || len(sc.frames) == 0 {
		return nil, false
	}
	p = &fieldPlace{syntax: jsonSyntax, start: off}
	if sc.inString {
		p.start, p.quoted = sc.strStart, true
	} else {
		for p.start > 0 && isWordByte(text[p.start-1]) {
			p.start--
		}
	}
	p.prefix = string(text[p.start:off])
	top := sc.frames[len(sc.frames)-1]
	switch {
	case top.array:
		p.parents, p.key, p.value = frameKeys(sc.frames[:len(sc.frames)-1]), top.key, true
	case sc.afterColon:
		p.parents, p.key, p.value = frameKeys(sc.frames), sc.key, true
	default:
		p.parents = frameKeys(sc.frames)
	}
	return p, true
}

// scanJSON reads JSON text up to its end (the cursor).
func scanJSON(text []byte) jsonScan {
	var sc jsonScan
	for i := 0; i < len(text) && !sc.closed; i++ {
		c := text[i]
		if sc.inString {
			switch c {
			case '\\':
				i++
			case '"':
				sc.inString = false
				if sc.keyString {
					sc.key = string(text[sc.strStart:i])
				}
			}
			continue
		}
		switch c {
		case '"':
			top := len(sc.frames) - 1
			sc.inString, sc.strStart = true, i+1
			sc.keyString = top >= 0 && !sc.frames[top].array && !sc.afterColon
		case ':':
			sc.afterColon = true
		case ',':
			sc.afterColon = false
		case '{', '[':
			key := sc.key
			if top := len(sc.frames) - 1; top >= 0 && sc.frames[top].array {
				key = sc.frames[top].key // an item of a list: its list's key
			}
			sc.frames = append(sc.frames, jsonFrame{key: key, array: c == '['})
			sc.key, sc.afterColon = "", false
		case '}', ']':
			if len(sc.frames) > 0 {
				sc.frames = sc.frames[:len(sc.frames)-1]
			}
			sc.closed = len(sc.frames) == 0
			sc.afterColon = true // the value of the key before it is written
		}
	}
	return sc
}

// frameKeys returns the keys of the mappings frames are in, outermost
// first: an array and the objects in it name one key.
func frameKeys(frames []jsonFrame) []string {
	var keys []string
	for _, f := range frames {
		if f.key != "" && (len(keys) == 0 || keys[len(keys)-1] != f.key) {
			keys = append(keys, f.key)
		}
	}
	return keys
}

// isWordByte reports whether c is a letter, a digit or "_".
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
