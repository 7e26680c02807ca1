package career

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// pos is a 1-based line and column.
type pos struct{ line, col int }

// entry is what the index knows about one key path.
type entry struct {
	key, val pos       // where the key (or list item) and its value start
	kind     yaml.Kind // the value's node kind, aliases followed
	null     bool      // the value is null or a blank string
}

// positions indexes a front-matter tree by key path ("salary.min",
// "career_path[2].years.max"; "" is the top mapping), so that rules checked
// after decoding can report the place of the value they are about. Decode
// keeps it on the typed data for the checks that come later (warnings and
// references).
type positions map[string]entry

// maxVisits bounds the walk of a tree whose aliases expand a small
// document into a huge one; decode reports such a document already.
const maxVisits = 100000

func index(top *yaml.Node) positions {
	p := positions{}
	if top == nil {
		return p
	}
	visits := 0
	p.walk("", top, top, &visits)
	return p
}

func (p positions) walk(path string, key, val *yaml.Node, visits *int) {
	at := val
	for val != nil && val.Kind == yaml.AliasNode && *visits < maxVisits {
		*visits++
		val = val.Alias
	}
	if val == nil || *visits >= maxVisits {
		return
	}
	*visits++
	p[path] = entry{
		key:  pos{key.Line, key.Column},
		val:  pos{at.Line, at.Column},
		kind: val.Kind,
		null: val.Kind == yaml.ScalarNode && (val.ShortTag() == "!!null" || isBlank(val.Value)),
	}
	switch val.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(val.Content); i += 2 {
			k := val.Content[i]
			if _, dup := p[join(path, k.Value)]; dup {
				continue // decode reports the duplicate; keep the first
			}
			p.walk(join(path, k.Value), k, val.Content[i+1], visits)
		}
	case yaml.SequenceNode:
		for i, c := range val.Content {
			p.walk(path+"["+strconv.Itoa(i)+"]", c, c, visits)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func item(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' {
			return false
		}
	}
	return true
}
