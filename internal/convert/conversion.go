package convert

import (
	"html/template"

	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/spill"
)

// This file is the Conversion: a body converted, kept for as long as a
// page has that body, and read by the model as the page's Body.

// A Conversion is a page body converted to HTML, kept for as long as a
// page has that body.
type Conversion struct {
	key   deps.Digest
	md    deps.Digest // the Markdown options it was made with
	res   *markdown.Result
	probs []error // "content/x.md:LINE:COL: message"
	warns []error // likewise: code blocks published plain (Warnings)

	// The shortcodes the body uses, sorted, the language of its page,
	// and the digest of what they read besides it (shortcodes.go): when
	// it differs, the conversion is stale.
	names []string
	lang  string
	scKey deps.Digest

	// The images the body showed (images.go): where they were read and
	// their digests, the files named, and the record of both. page is the
	// content file the body is of.
	page     string
	imgRefs  []images.Use
	imgNamed []images.Named
	uses     *images.Uses

	// The strings templates see, made once from res. The content and
	// the table of contents are in spilled at ref and tocRef instead when
	// the pipeline keeps HTML out of memory (Spill), and the content is
	// left in the store of the persistent cache, which cached reads, when
	// a Converter whose HTML stays in the cache found it there. HTML and
	// TableOfContents are the only readers. The three stay apart because
	// each is filled by a different step (newConversion, Spill,
	// fromCache) and the table of contents is spilled beside the content;
	// and the pipeline's tests ask where the HTML is (Spilled), which one
	// field of a function would hide.
	content, summary, toc template.HTML
	spilled               *spill.File
	ref, tocRef           spill.Ref
	cached                func() ([]byte, error)
	htmlSum               deps.Digest // SHA-256 of the HTML, kept to put it in the store (store.go)
	contentDigest         deps.Digest // of Content, TableOfContents and Headings
	summaryDigest         deps.Digest // of Summary, WordCount and ReadingTime
}

// The Conversion is the pipeline's model.Body: a page's Content,
// TableOfContents, Summary … come from it.
var _ model.Body = (*Conversion)(nil)

// Body is c as a page's Body: nil when there is no conversion, or it
// failed.
func (c *Conversion) Body() model.Body {
	if c == nil || c.res == nil {
		return nil
	}
	return c
}

// Of is the Conversion page p was filled from, nil when none.
func Of(p *model.Page) *Conversion {
	c, _ := model.BodyOf(p).(*Conversion)
	return c
}

// Result is the conversion but for its HTML; nil when it failed.
func (c *Conversion) Result() *markdown.Result { return c.res }

// Summary is the HTML of the body's summary.
func (c *Conversion) Summary() template.HTML { return c.summary }

// TableOfContents is the table of contents, read back when it was
// spilled.
func (c *Conversion) TableOfContents() (template.HTML, error) {
	if c.spilled == nil || c.tocRef.Len() == 0 {
		return c.toc, nil
	}
	return asHTMLString(c.spilled.GetString(c.tocRef))
}

// HTML is the converted body, read back when it was spilled or cached.
func (c *Conversion) HTML() (template.HTML, error) {
	switch {
	case c.cached != nil:
		return asHTML(c.cached())
	case c.spilled != nil:
		return asHTMLString(c.spilled.GetString(c.ref))
	}
	return c.content, nil
}

// Problems are the errors of the body, each at its place in the file
// ("content/x.md:LINE:COL: message"): a body with any fails the build.
func (c *Conversion) Problems() []error { return c.probs }

// Warnings are the warnings of the body, placed likewise: code blocks
// over a limit, published plain.
func (c *Conversion) Warnings() []error { return c.warns }

// UsesShortcodes reports whether the body has shortcodes: then it is
// converted again when what they read changes (Converter.Stale), and
// the pipeline keeps its Markdown.
func (c *Conversion) UsesShortcodes() bool { return len(c.names) > 0 }

// ContentDigest is the digest of the HTML, the table of contents and the
// headings (deps.ContentDigest), made once.
func (c *Conversion) ContentDigest() deps.Digest { return c.contentDigest }

// SummaryDigest is the digest of the summary, the word count and the
// reading time (deps.SummaryDigest), made once.
func (c *Conversion) SummaryDigest() deps.Digest { return c.summaryDigest }

// Spill moves the HTML of c, its content and then its table of contents,
// out of memory through put, which keeps data in a spill file and
// reports where, or reports false when the data stays in memory. The
// pipeline decides when HTML is spilled (its budget); c only lets go of
// what put kept.
func (c *Conversion) Spill(put func(data string) (*spill.File, spill.Ref, bool)) {
	if c == nil || c.res == nil || c.spilled != nil || c.content == "" {
		return
	}
	file, ref, ok := put(string(c.content))
	if !ok {
		return
	}
	c.content, c.spilled, c.ref = "", file, ref
	if c.toc == "" {
		return
	}
	if _, ref, ok := put(string(c.toc)); ok {
		c.toc, c.tocRef = "", ref
	}
}

// Spilled reports whether the HTML and the table of contents of c wait
// in a spill file.
func (c *Conversion) Spilled() (html, toc bool) {
	return c.spilled != nil, c.tocRef.Len() > 0
}

// asHTMLString is asHTML of a string read back.
func asHTMLString(s string, err error) (template.HTML, error) {
	if err != nil {
		return "", err
	}
	return template.HTML(s), nil
}

// asHTML is HTML of ours read back, or the error of reading it.
func asHTML(data []byte, err error) (template.HTML, error) {
	if err != nil {
		return "", err
	}
	return template.HTML(data), nil
}

func newConversion(key deps.Digest, res *markdown.Result, probs []error) *Conversion {
	c := &Conversion{key: key, res: res, probs: probs}
	if res == nil {
		return c
	}
	// The HTML below is the output of our Markdown renderer, which omits
	// raw HTML from content unless site.yaml turns it on: it is markup we
	// produced, not user data passed through.
	c.content, c.summary, c.toc = template.HTML(res.HTML), template.HTML(res.Summary), template.HTML(res.TOC)
	// The HTML lives on as those strings; the result keeps the rest. Its
	// byte slices, with the spare capacity of the converter's buffer, were
	// a third of a large build's heap.
	r := *res
	r.HTML, r.Summary, r.TOC = nil, nil, nil
	c.res = &r
	c.htmlSum = deps.HashBytes(res.HTML)
	c.contentDigest = deps.ContentDigest(c.htmlSum, c.toc, res.Headings)
	c.summaryDigest = deps.SummaryDigest(c.summary, res.WordCount, res.ReadingTime)
	return c
}

// markdownWarnings places the warnings of a converted body in its file:
// "content/x.md:12:1: code block of … bytes is over the limit …".
func markdownWarnings(path string, res *markdown.Result) []error {
	if res == nil {
		return nil
	}
	var ws []error
	for _, w := range res.Warnings {
		ws = append(ws, w.In(path, 0))
	}
	return ws
}
