package hugoimport

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/shortcode"
)

// The body of a page is kept byte for byte but for the shortcodes that
// careersite reads differently:
//
//   - highlight becomes a fenced code block in its language (its options,
//     line numbers and highlighted lines, are dropped);
//   - figure keeps src, alt, caption, link, width and height; a figure
//     without alt gets its caption or title as alt, as Hugo's template
//     does, and one with neither gets alt="" and a line in the report;
//     title becomes the caption when there is none; the other arguments
//     are dropped;
//   - youtube keeps its id and title;
//   - a built-in of careersite's that writes HTML, written {{% %}}, is
//     written {{< >}};
//   - a shortcode careersite does not have, neither built in nor copied
//     from the site, is left as it is and reported.

// edit replaces body[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// convertBody returns body with its shortcodes converted; line is the file
// line body starts on, for the report.
func (p *pageImport) convertBody(body []byte, line int) []byte {
	nodes, err := shortcode.Parse(body, shortcode.Options{
		FirstLine:  line,
		TakesInner: func(name string) bool { return p.takesInner(name, body) },
	})
	for _, e := range diag.List(err) {
		p.report.needs(p.src, e.Line, "shortcode: "+e.Msg)
	}
	edits := p.shortcodeEdits(body, nodes, nil)
	if len(edits) == 0 {
		return body
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b bytes.Buffer
	at := 0
	for _, e := range edits {
		b.Write(body[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(body[at:])
	return b.Bytes()
}

func (p *pageImport) shortcodeEdits(body []byte, nodes []shortcode.Node, edits []edit) []edit {
	for _, n := range nodes {
		sc, ok := n.(*shortcode.Shortcode)
		if !ok {
			continue
		}
		if sc.Name == "highlight" && sc.Paired {
			edits = append(edits, p.highlight(body, sc))
			continue // its inner text is code, not shortcodes
		}
		edits = append(edits, p.shortcode(body, sc)...)
		edits = p.shortcodeEdits(body, sc.Inner, edits)
	}
	return edits
}

// shortcode returns the edits of one shortcode's tags, if it needs any.
func (p *pageImport) shortcode(body []byte, sc *shortcode.Shortcode) []edit {
	if own, ok := p.shortcodes[sc.Name]; ok {
		if own.problem == "" {
			return nil
		}
		p.report.needs(p.src, sc.Line, fmt.Sprintf("shortcode %q is not imported: %s; the import wrote a stand-in", sc.Name, own.problem))
		return p.standInUse(body, sc)
	}
	b := builtin(sc.Name)
	switch {
	case b == nil:
		p.report.needs(p.src, sc.Line, fmt.Sprintf("shortcode %q: careersite has no such shortcode; the import wrote a stand-in, layouts/shortcodes/%s.html: make it your own", sc.Name, sc.Name))
		return p.standInUse(body, sc)
	case sc.Name == "figure":
		return retag(body, sc, p.figureArgs(sc))
	case sc.Name == "youtube":
		return retag(body, sc, youtubeArgs(sc))
	case sc.Name == "ref" || sc.Name == "relref":
		return p.ref(body, sc)
	case b.HTML && sc.Markdown:
		p.note("{{%% %s %%}} written {{< %s >}}", sc.Name, sc.Name)
		return retag(body, sc, sc.Args)
	}
	return nil
}

// standInUse records a use of a shortcode that gets a stand-in
// template, and writes it {{< >}}: the stand-in's output is HTML.
func (p *pageImport) standInUse(body []byte, sc *shortcode.Shortcode) []edit {
	p.report.unknownShortcode(sc.Name, p.src, sc.Paired)
	if sc.Markdown {
		return retag(body, sc, sc.Args)
	}
	return nil
}

// takesInner says how a shortcode's tags pair, as careersite's build
// decides by its template: a built-in by its declaration, the site's own
// by whether its template reads .Inner, and one neither has by whether
// the body closes it anywhere (else every use of it would be taken as
// open until the end of the page).
func (p *pageImport) takesInner(name string, body []byte) bool {
	if own, ok := p.shortcodes[name]; ok {
		return bytes.Contains(own.data, []byte(".Inner"))
	}
	if b := builtin(name); b != nil {
		return b.Inner != ""
	}
	return bytes.Contains(body, []byte("{{< /"+name)) || bytes.Contains(body, []byte("{{% /"+name)) ||
		bytes.Contains(body, []byte("{{</"+name)) || bytes.Contains(body, []byte("{{%/"+name))
}

func builtin(name string) *shortcode.Builtin {
	i := slices.IndexFunc(shortcode.Builtins, func(b shortcode.Builtin) bool { return b.Name == name })
	if i < 0 {
		return nil
	}
	return &shortcode.Builtins[i]
}

// highlight makes a paired highlight shortcode a fenced code block.
func (p *pageImport) highlight(body []byte, sc *shortcode.Shortcode) edit {
	lang, _ := argString(sc, "lang", 0)
	code := strings.TrimPrefix(string(body[sc.InnerStart:sc.InnerEnd]), "\n")
	if !strings.HasSuffix(code, "\n") {
		code += "\n"
	}
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	var b strings.Builder
	if sc.Offset > 0 && body[sc.Offset-1] != '\n' {
		b.WriteByte('\n')
	}
	b.WriteString(fence + lang + "\n" + code + fence)
	if sc.End < len(body) && body[sc.End] != '\n' {
		b.WriteByte('\n')
	}
	p.note("highlight → fenced code block")
	if _, hasOpts := argString(sc, "options", 1); hasOpts {
		p.report.needs(p.src, sc.Line, "highlight's options (line numbers, highlighted lines) are dropped: careersite's code blocks have none")
	}
	return edit{sc.Offset, sc.End, b.String()}
}

// figureArgs are careersite's arguments of a Hugo figure.
func (p *pageImport) figureArgs(sc *shortcode.Shortcode) []shortcode.Arg {
	get := func(name string) string { s, _ := argString(sc, name, -1); return s }
	caption := cmp.Or(get("caption"), get("title"))
	alt := cmp.Or(get("alt"), plainText(caption))
	args := []shortcode.Arg{{Name: "src", Value: get("src")}, {Name: "alt", Value: alt}}
	if alt == "" {
		p.report.needs(p.src, sc.Line, "figure without alt, caption or title: alt=\"\" written; describe the picture")
	}
	for _, k := range []string{"caption", "link", "width", "height"} {
		v := get(k)
		if k == "caption" {
			v = caption
		}
		if _, err := strconv.Atoi(v); (k == "width" || k == "height") && v != "" && err != nil {
			p.note("figure: %s=%q dropped (careersite's is a number of pixels)", k, v)
			continue
		}
		if v != "" {
			args = append(args, shortcode.Arg{Name: k, Value: v})
		}
	}
	var dropped []string
	for _, a := range sc.Args {
		if !slices.Contains([]string{"src", "alt", "caption", "title", "link", "width", "height"}, a.Name) {
			dropped = append(dropped, a.Name)
		}
	}
	if len(dropped) > 0 {
		p.note("figure: %s dropped", strings.Join(dropped, ", "))
	}
	return args
}

// youtubeArgs are careersite's arguments of a Hugo youtube: its id and title.
func youtubeArgs(sc *shortcode.Shortcode) []shortcode.Arg {
	id, _ := argString(sc, "id", 0)
	args := []shortcode.Arg{{Name: "id", Value: id}}
	if t, ok := argString(sc, "title", -1); ok {
		args = append(args, shortcode.Arg{Name: "title", Value: t})
	}
	return args
}

// retag returns the edits that write sc's tags {{< >}}, the opening one
// with args.
func retag(body []byte, sc *shortcode.Shortcode, args []shortcode.Arg) []edit {
	var b strings.Builder
	b.WriteString("{{< " + sc.Name)
	for _, a := range args {
		b.WriteString(" ")
		if a.Name != "" {
			b.WriteString(a.Name + "=")
		}
		if s, ok := a.Value.(string); ok {
			b.WriteString(strconv.Quote(s))
		} else {
			fmt.Fprint(&b, a.Value)
		}
	}
	b.WriteString(" >}}")
	if !sc.Paired {
		return []edit{{sc.Offset, sc.End, b.String()}}
	}
	return []edit{
		{sc.Offset, openingTagEnd(body, sc), b.String()},
		{sc.InnerEnd, sc.End, "{{< /" + sc.Name + " >}}"},
	}
}

// openingTagEnd returns the offset after the opening tag of a paired shortcode.
func openingTagEnd(body []byte, sc *shortcode.Shortcode) int {
	close := []byte(">}}")
	if sc.Markdown {
		close = []byte("%}}")
	}
	return sc.Offset + bytes.Index(body[sc.Offset:], close) + len(close)
}

// argString returns the argument called name, or the positional one at
// pos (-1: named only), as a string.
func argString(sc *shortcode.Shortcode, name string, pos int) (string, bool) {
	var key any = name
	if !sc.Named && pos >= 0 {
		key = pos
	}
	v, ok := sc.Get(key)
	if !ok {
		return "", false
	}
	if s, ok := v.(string); ok {
		return s, true
	}
	return fmt.Sprint(v), true
}

// plainText strips the Markdown a caption may hold, for alt text.
func plainText(s string) string {
	return strings.NewReplacer("*", "", "_", "", "`", "").Replace(s)
}
