package shortcode

import (
	"html/template"
	"strconv"

	"github.com/careersite/careersite/internal/images"
)

// Context is the data a shortcode's template runs with: "." in
// layouts/shortcodes/NAME.html.
type Context struct {
	Name          string // "figure", "career/card"
	Params        any    // map[string]any of named arguments, []any of positional ones; nil when there are none
	IsNamedParams bool   // the arguments are named

	// Inner is the text between the tags, "" when the shortcode is not
	// paired, with every shortcode in it already expanded: a {{% %}}
	// one's Markdown written in, a {{< >}} one's output as a placeholder
	// that stands for it until the page's HTML is complete. For {{< >}}
	// it is a string, escaped where the template writes it (pipe it to
	// the site's Markdown function to render it); for {{% %}} it is
	// template.HTML, written as it is into the shortcode's output, which
	// is Markdown (see the package documentation).
	Inner any

	Page, Site any      // what the caller gave Expand, as they are
	Parent     *Context // the shortcode this one is inside; nil at the top
	Position   string   // "content/x.md:12:3", the opening tag's "{{"

	sc     *Shortcode
	images *images.Uses
	lang   string
}

// LanguageCode is the code of the language of the page the shortcode is
// on (Page.Language): the template functions bound to the execution
// (T, formatDate, formatNumber, formatMoney, money) write in it.
func (c *Context) LanguageCode() string { return c.lang }

// ImageUses is the record of the images of the body the shortcode is in,
// and the place of its opening tag: the template function image opens
// them there (images.Body); nil when the body's images are not processed.
func (c *Context) ImageUses() (u *images.Uses, line, col int) {
	if c.images == nil {
		return nil, 0, 0
	}
	return c.images, c.sc.Line, c.sc.Col
}

// newContext returns the context of sc, in parent, on page p, with
// .Params as written when withParams is set (else setArgs sets them);
// Inner is set once the shortcodes inside sc have run.
func newContext(sc *Shortcode, parent *Context, p Page, withParams bool) *Context {
	c := &Context{
		Name: sc.Name, IsNamedParams: sc.Named, Parent: parent,
		Page: p.Page, Site: p.Site, sc: sc, images: p.Images, lang: p.Language,
		Position: p.File + ":" + strconv.Itoa(sc.Line) + ":" + strconv.Itoa(sc.Col),
	}
	if withParams {
		c.Params = params(sc)
	}
	if sc.Markdown {
		c.Inner = template.HTML("")
	} else {
		c.Inner = ""
	}
	return c
}

// setArgs makes args, the checked arguments of a built-in, those that
// .Get and .Params return.
func (c *Context) setArgs(args []Arg) {
	sc := *c.sc
	sc.Args = args
	c.sc = &sc
	c.Params = params(&sc)
}

// params returns the arguments of sc as a map or a slice, nil when none.
func params(sc *Shortcode) any {
	if len(sc.Args) == 0 {
		return nil
	}
	if sc.Named {
		m := make(map[string]any, len(sc.Args))
		for _, a := range sc.Args {
			m[a.Name] = a.Value
		}
		return m
	}
	s := make([]any, len(sc.Args))
	for i, a := range sc.Args {
		s[i] = a.Value
	}
	return s
}

// Get returns the named argument key (.Get "src") or the positional
// argument at index key (.Get 0), nil when there is none, as in Hugo.
func (c *Context) Get(key any) any {
	v, _ := c.sc.Get(key)
	return v
}
