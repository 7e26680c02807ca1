package shortcode

import "strconv"

// Position is where something starts: a byte offset in the body, and a
// line of the file with a 1-based column that counts characters.
type Position struct {
	Offset    int
	Line, Col int
}

// String returns "LINE:COL".
func (p Position) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) }

// Node is a Text or a *Shortcode.
type Node interface {
	Pos() Position
}

// Text is body text outside shortcode tags.
type Text struct {
	Position
	Value string // as written; for the comment form, the tag without /* */
}

// Pos returns where the text starts.
func (t Text) Pos() Position { return t.Position }

// Shortcode is one shortcode: a tag, or an opening and a closing tag with
// what lies between.
type Shortcode struct {
	Position          // of the opening tag's "{{"
	Name       string // "figure", "career/card"
	Markdown   bool   // written {{% %}}: its inner text and its output are Markdown
	Args       []Arg  // in order; all named or all positional
	Named      bool   // the arguments are named (false when there are none)
	SelfClosed bool   // written {{< name />}}
	Paired     bool   // closed by {{< /name >}}
	Inner      []Node // between the tags, when Paired
	InnerStart int    // offsets of the text between the tags, when Paired
	InnerEnd   int
	End        int // offset just after the last tag
}

// Pos returns where the opening tag starts.
func (s *Shortcode) Pos() Position { return s.Position }

// Arg is one argument of a tag.
type Arg struct {
	Position        // of the argument (its name, when it has one)
	Name     string // "" for a positional argument
	Value    any    // string, bool, int or float64
}

// Get returns the argument with name, or the positional argument at index
// i when key is an int, and whether there is one: what a template's .Get
// returns.
func (s *Shortcode) Get(key any) (any, bool) {
	switch k := key.(type) {
	case string:
		if !s.Named {
			return nil, false
		}
		for _, a := range s.Args {
			if a.Name == k {
				return a.Value, true
			}
		}
	case int:
		if !s.Named && k >= 0 && k < len(s.Args) {
			return s.Args[k].Value, true
		}
	}
	return nil, false
}
