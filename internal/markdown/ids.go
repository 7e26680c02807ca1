package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ids is the parser.IDs of one page: every id handed out or reserved so far.
// Convert makes a new one for every page through parser.WithIDs.
type ids struct {
	used map[string]struct{}
}

func newIDs() *ids {
	return &ids{used: make(map[string]struct{})}
}

var _ parser.IDs = (*ids)(nil)

// Generate returns a unique id made from value: slug(value), else "heading"
// (or "id" for other kinds), with "-1", "-2", … added when it is taken.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(value)
	if len(base) == 0 {
		base = []byte("id")
		if kind == ast.KindHeading {
			base = []byte("heading")
		}
	}
	id := base
	for n := 1; s.taken(id); n++ {
		id = strconv.AppendInt(append(base[:len(base):len(base)], '-'), int64(n), 10)
	}
	s.Put(id)
	return id
}

// Put reserves an id, such as one the author wrote.
func (s *ids) Put(value []byte) {
	s.used[string(value)] = struct{}{}
}

func (s *ids) taken(id []byte) bool {
	_, ok := s.used[string(id)]
	return ok
}

// slug lower-cases letters, digits and marks of any script, drops
// apostrophes and turns every other run of characters into one "-", never
// leading or trailing.
func slug(s []byte) []byte {
	out := make([]byte, 0, len(s))
	dash := false
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			dash = false
			out = utf8.AppendRune(out, unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "What's" reads as one word: "whats", not "what-s".
		default:
			dash = true
		}
	}
	return out
}

// headingIDs is the ASTTransformer that gives every heading its id. It runs
// after the whole page is parsed, so it can reserve every id the author wrote
// before generating any, and generate ids from the heading's text rather than
// its source line.
type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var auto []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			return ast.WalkContinue, nil
		}
		if id := keepOnlyID(h); id != nil {
			pc.IDs().Put(id)
		} else {
			auto = append(auto, h)
		}
		return ast.WalkSkipChildren, nil
	})
	for _, h := range auto {
		h.SetAttributeString("id", pc.IDs().Generate([]byte(headingText(h, src)), ast.KindHeading))
	}
}

// keepOnlyID removes every attribute of h but a non-empty id, and returns it.
func keepOnlyID(h *ast.Heading) []byte {
	v, _ := h.AttributeString("id")
	h.RemoveAttributes()
	var id []byte
	switch v := v.(type) {
	case []byte:
		id = v
	case string:
		id = []byte(v)
	}
	if len(id) == 0 {
		return nil
	}
	h.SetAttributeString("id", id)
	return id
}

func headingID(n ast.Node) string {
	v, _ := n.AttributeString("id")
	b, _ := v.([]byte)
	return string(b)
}
