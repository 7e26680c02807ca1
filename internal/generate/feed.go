package generate

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/careersite/careersite/internal/model"
)

type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string        `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID        string        `xml:"id"`
	Title     string        `xml:"title"`
	Subtitle  string        `xml:"subtitle,omitempty"`
	Updated   string        `xml:"updated"`
	Links     []atomLink    `xml:"link"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name  string `xml:"name"`
	URI   string `xml:"uri,omitempty"`
	Email string `xml:"email,omitempty"`
}

type atomGenerator struct {
	URI  string `xml:"uri,attr"`
	Name string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary"`
	Content    *atomText      `xml:"content"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Label  string `xml:"label,attr"`
	Scheme string `xml:"scheme,attr"`
}

// atomText is a text construct: plain text, or HTML in a CDATA section
// (smaller and easier to read than HTML escaped as text). xml:base lets a
// reader resolve the relative links of the page's HTML against the page's
// own URL rather than the feed's.
type atomText struct {
	Type string `xml:"type,attr"`
	Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr,omitempty"`
	Text string `xml:",chardata"`
	HTML string `xml:",cdata"`
}

// Feed writes the Atom 1.0 feed f of site s. Every value comes from the
// pages, so the same site gives the same bytes: the feed's updated is its
// newest entry's, never the time of the build. entryXML gives each entry's
// element (Entry, or the pipeline's copy of what Entry made for the page
// before: a feed of every page is mostly entries that have not changed).
func Feed(f *model.Feed, s *model.Site, entryXML func(*model.Page) ([]byte, error)) ([]byte, error) {
	feed := atomFeed{
		Lang:     s.Language,
		ID:       escapeURL(f.Permalink),
		Title:    f.Title,
		Subtitle: model.FeedList(f).Description,
		Links: []atomLink{
			{Href: escapeURL(f.Permalink), Rel: "self", Type: "application/atom+xml"},
			{Href: escapeURL(model.FeedList(f).Permalink), Rel: "alternate", Type: "text/html"},
		},
		Author:    atomPerson{Name: s.Author.Name, URI: s.Author.URL, Email: s.Author.Email},
		Generator: atomGenerator{URI: "https://github.com/careersite/careersite", Name: "careersite"},
	}
	if feed.Author.Name == "" {
		feed.Author = atomPerson{Name: s.Title, URI: escapeURL(s.Home.Permalink)}
	}
	var newest time.Time
	for _, p := range model.FeedEntries(f) {
		if p.Lastmod.After(newest) {
			newest = p.Lastmod
		}
	}
	feed.Updated = atomTime(newest)
	head, err := encodeXML(feed)
	if err != nil {
		return nil, err
	}
	// The entries go where encoding them inside the feed would have put
	// them: after its last element, each on a line of its own.
	// They are gathered first, so that the feed is copied once into a
	// slice of its size rather than into one that doubles.
	const end = "\n</feed>\n"
	head = bytes.TrimSuffix(head, []byte(end))
	entries := make([][]byte, 0, len(model.FeedEntries(f)))
	size := len(head) + len(end)
	for _, p := range model.FeedEntries(f) {
		e, err := entryXML(p)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
		size += 1 + len(e)
	}
	out := append(make([]byte, 0, size), head...)
	for _, e := range entries {
		out = append(append(out, '\n'), e...)
	}
	return append(out, end...), nil
}

// Entry encodes the Atom entry of page p as it appears in a feed:
// indented one level, without a line break before or after. It reads of
// p its Permalink, Title, Date, Lastmod, Authors, Description, Summary,
// Content and its terms in every taxonomy of s, with the taxonomy's
// Permalink.
func Entry(s *model.Site, p *model.Page) ([]byte, error) {
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent("  ", "  ")
	e, err := entry(s, p)
	if err != nil {
		return nil, err
	}
	if err := enc.EncodeElement(e, xml.StartElement{Name: xml.Name{Local: "entry"}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// entry is the Atom entry of page p: its permalink is its id, its date is
// published and its Lastmod (updated, else date) is updated. The summary is
// the description when there is one, else the Markdown summary; the
// content is the whole page body.
func entry(s *model.Site, p *model.Page) (atomEntry, error) {
	e := atomEntry{
		ID:        escapeURL(p.Permalink),
		Title:     p.Title,
		Links:     []atomLink{{Href: escapeURL(p.Permalink), Rel: "alternate", Type: "text/html"}},
		Published: atomTime(p.Date),
		Updated:   atomTime(p.Lastmod),
	}
	for _, a := range p.Authors {
		e.Authors = append(e.Authors, atomPerson{Name: a})
	}
	for _, t := range s.Taxonomies {
		for _, term := range p.Terms(t.Name) {
			e.Categories = append(e.Categories, atomCategory{Term: term.Slug, Label: term.Name, Scheme: escapeURL(t.Permalink())})
		}
	}
	switch {
	case p.Description != "":
		e.Summary = &atomText{Type: "text", Text: p.Description}
	case p.Summary != "":
		e.Summary = &atomText{Type: "html", Base: escapeURL(p.Permalink), HTML: xmlSafe(string(p.Summary))}
	}
	content, err := p.Content()
	if content != "" {
		e.Content = &atomText{Type: "html", Base: escapeURL(p.Permalink), HTML: xmlSafe(string(content))}
	}
	return e, err
}

// atomTime writes t as RFC 3339, as Atom dates must be.
func atomTime(t time.Time) string {
	return t.Format(time.RFC3339)
}
