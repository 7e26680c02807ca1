package career

import (
	"slices"
	"strconv"
	"strings"

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

// A Position is one place the typed data keeps for the checks that come
// after decoding, in a form a cache can store, of exported fields only
// (internal/pagecodec): its key path, where its key and value start
// (line, column), its node kind and whether it is null.
type Position struct {
	Path     string
	Key, Val [2]int
	Kind     yaml.Kind
	Null     bool
}

// Positions returns the places d keeps, sorted by key path; nil when d is
// zero.
func (d Data) Positions() []Position {
	k := d.kind()
	if k == nil {
		return nil
	}
	p := k.positionsOf()
	out := make([]Position, 0, len(p))
	for path, e := range p {
		out = append(out, Position{Path: path, Key: [2]int{e.key.line, e.key.col}, Val: [2]int{e.val.line, e.val.col}, Kind: e.kind, Null: e.null})
	}
	slices.SortFunc(out, func(a, b Position) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// SetPositions gives d the places Positions returned, for data decoded
// from a cache: d is then as Decode made it.
func (d Data) SetPositions(list []Position) {
	k := d.kind()
	if k == nil {
		return
	}
	p := make(positions, len(list))
	for _, e := range list {
		p[e.Path] = entry{key: pos{e.Key[0], e.Key[1]}, val: pos{e.Val[0], e.Val[1]}, kind: e.Kind, null: e.Null}
	}
	k.setPositions(p)
}

// kind returns the data of d's kind, nil when d is zero.
func (d Data) kind() kindData {
	switch {
	case d.Job != nil:
		return d.Job
	case d.Role != nil:
		return d.Role
	case d.Certification != nil:
		return d.Certification
	}
	return nil
}
