package markdown

import (
	"bytes"
	"html"
)

// TOC levels: h1 is the page title, h5 and h6 are too fine for a contents list.
const tocMin, tocMax = 2, 4

// toc renders the h2–h4 headings as nested <ul> lists of links; nil when
// there are fewer than two. A heading nests under the nearest earlier heading
// of a higher level, one list deeper whatever the gap in levels.
func toc(headings []Heading) []byte {
	var hs []Heading
	for _, h := range headings {
		if tocMin <= h.Level && h.Level <= tocMax {
			hs = append(hs, h)
		}
	}
	if len(hs) < 2 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("<ul>\n<li>")
	open := []int{hs[0].Level} // the levels of the items open at each depth
	writeTOCLink(&b, hs[0])
	for _, h := range hs[1:] {
		prev := len(open) - 1
		for len(open) > 0 && open[len(open)-1] >= h.Level {
			open = open[:len(open)-1]
		}
		depth := len(open)
		open = append(open, h.Level)
		if depth > prev {
			b.WriteString("\n<ul>\n<li>")
		} else {
			b.WriteString("</li>\n")
			closeLists(&b, prev-depth)
			b.WriteString("<li>")
		}
		writeTOCLink(&b, h)
	}
	b.WriteString("</li>\n")
	closeLists(&b, len(open)-1)
	b.WriteString("</ul>\n")
	return b.Bytes()
}

// closeLists closes n nested lists and the items that hold them.
func closeLists(b *bytes.Buffer, n int) {
	for range n {
		b.WriteString("</ul>\n</li>\n")
	}
}

func writeTOCLink(b *bytes.Buffer, h Heading) {
	b.WriteString(`<a href="#`)
	b.WriteString(html.EscapeString(h.ID))
	b.WriteString(`">`)
	b.WriteString(html.EscapeString(h.Text))
	b.WriteString("</a>")
}
