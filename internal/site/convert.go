package site

// This file holds the conversions of page bodies: the type the pipeline
// keeps for each body (also the model's Body), the key a conversion is
// stored under, converting on all cores, and the store of conversions in
// the persistent cache with its record format.

import (
	"context"
	"errors"
	"html/template"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/spill"
)

// conversion is a page body converted to HTML, kept for as long as a page
// has that body.
type conversion struct {
	key   deps.Digest
	md    deps.Digest // the Markdown options it was made with
	res   *markdown.Result
	probs []error // "content/x.md:LINE:COL: message"
	warns []error // likewise: code blocks published plain (warnings.go)

	// The shortcodes the body uses, sorted, and the digest of what they
	// read besides it (shortcodes.go): when it differs, the conversion
	// is stale.
	names []string
	scKey deps.Digest

	// The strings templates see, made once from res. The content and
	// the table of contents are in spilled at ref and tocRef instead when
	// the build keeps HTML out of memory (spill.go), and the content is
	// left in the store of the persistent cache, which cached reads, when
	// a Builder that builds once found it there. HTML and
	// TableOfContents are the only readers. The three stay apart because
	// each is filled by a different step (newConversion, spiller.spillConversion,
	// fromConvCache) and the table of contents is spilled beside the content;
	// and spill_test asserts where the HTML is, which one field of a
	// function would hide.
	content, summary, toc template.HTML
	spilled               *spill.File
	ref, tocRef           spill.Ref
	cached                func() ([]byte, error)
	contentDigest         deps.Digest // of Content, TableOfContents and Headings
	summaryDigest         deps.Digest // of Summary, WordCount and ReadingTime
}

// The conversion is the pipeline's model.Body: a page's Content,
// TableOfContents, Summary … come from it.
var _ model.Body = (*conversion)(nil)

// body is c as a page's Body: nil when there is no conversion, or it
// failed.
func (c *conversion) body() model.Body {
	if c == nil || c.res == nil {
		return nil
	}
	return c
}

// convOf is the conversion page p was filled from, nil when none.
func convOf(p *model.Page) *conversion {
	c, _ := model.BodyOf(p).(*conversion)
	return c
}

// Result is the conversion but for its HTML.
func (c *conversion) Result() *markdown.Result { return c.res }

// Summary is the HTML of the body's summary.
func (c *conversion) Summary() template.HTML { return c.summary }

// TableOfContents is the table of contents, read back when it was
// spilled.
func (c *conversion) TableOfContents() (template.HTML, error) {
	if c.spilled == nil || c.tocRef.Len() == 0 {
		return c.toc, nil
	}
	return asHTML(c.spilled.Get(c.tocRef))
}

// HTML is the converted body, read back when it was spilled or cached.
func (c *conversion) HTML() (template.HTML, error) {
	switch {
	case c.cached != nil:
		return asHTML(c.cached())
	case c.spilled != nil:
		return asHTML(c.spilled.Get(c.ref))
	}
	return c.content, nil
}

// asHTML is HTML of ours read back, or the error of reading it.
func asHTML(data []byte, err error) (template.HTML, error) {
	if err != nil {
		return "", err
	}
	return template.HTML(data), nil
}

func newConversion(key deps.Digest, res *markdown.Result, probs []error) *conversion {
	c := &conversion{key: key, res: res, probs: probs}
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
	c.contentDigest = deps.ContentDigest(c.content, c.toc, res.Headings)
	c.summaryDigest = deps.SummaryDigest(c.summary, res.WordCount, res.ReadingTime)
	return c
}

// convertKey is what a body converts to depends on: its text, the line it
// starts on (positions of links and errors), the Markdown options and the
// binary, and what the shortcodes it uses read (scKey, shortcodes.go).
func (b *Builder) convertKey(p *content.Page, scKey deps.Digest) deps.Digest {
	return deps.NewHasher().Digest(b.mdDigest).Int(int64(p.BodyLine)).Bytes(p.Body).Digest(scKey).Sum()
}

// convert converts the Markdown of every source in srcs that has no
// current conversion, in parallel, using the persistent cache.
func (b *Builder) convert(ctx context.Context, srcs []*source) error {
	var todo []*source
	for _, s := range srcs {
		// A source is replaced when its file changes: its conversion is
		// current unless the Markdown options changed, or what its
		// shortcodes read.
		if s.conv == nil || s.conv.md != b.mdDigest || b.shortcodeStale(s) {
			todo = append(todo, s)
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	var done atomic.Int64
	for _, s := range todo {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			b.convertSource(s)
			if b.opts.Progress != nil {
				b.opts.Progress("converting Markdown", int(done.Add(1)), len(todo))
			}
			return nil
		})
	}
	err := g.Wait()
	for _, s := range srcs {
		if s.conv != nil && len(s.conv.warns) > 0 {
			b.warned[s.path] = s.conv
		} else {
			delete(b.warned, s.path)
		}
	}
	return err
}

// convertSource converts the body of s and lets its Markdown go: nothing
// reads it again, as a body is read anew when its file changes, and every
// body when site.yaml does (reparseAll). The file's bytes were a fifth of a
// build's heap.
func (b *Builder) convertSource(s *source) {
	s.conv = b.convertOne(s)
	b.spill.spillConversion(s.conv)
	if len(s.conv.names) == 0 {
		// A body with shortcodes is kept: it converts again when
		// their templates, or what they read, change.
		s.page.Body = nil
	}
}

// markdownKind is the kind of the store of conversions in the persistent
// cache.
const markdownKind = "markdown"

// openConvCache opens the store of conversions in the persistent cache for a
// build, if there is a cache.
func (b *Builder) openConvCache() {
	if b.cache != nil {
		b.convCache, _ = b.cache.Store(markdownKind) // none: convert everything
		b.convCacheUse.asked.Store(0)
		b.convCacheUse.found.Store(0)
	}
}

// closeConvCache closes the store after the build converted what it needed.
// When every conversion the site has was asked of the store in this build
// (the first build of a Builder), what else the store holds is of pages
// that changed or went, and Close may drop it.
func (b *Builder) closeConvCache(ok bool) {
	if b.convCache == nil {
		return
	}
	convs := 0
	for _, s := range b.sources {
		if s.conv != nil {
			convs++
		}
	}
	b.convCache.Close(ok && int(b.convCacheUse.asked.Load()) == convs)
	b.convCache = nil
}

// convertOne converts the body of s, or finds its conversion in the store.
func (b *Builder) convertOne(s *source) *conversion {
	e := b.parseShortcodes(s.page)
	var names []string
	if e != nil {
		names = e.names
	}
	scKey := b.shortcodeKey(names)
	key := b.convertKey(s.page, scKey)
	if e == nil || len(e.probs) == 0 {
		if c := b.fromConvCache(s, key); c != nil {
			c.names, c.scKey = names, scKey
			return c
		}
	}
	var res *markdown.Result
	var probs []error
	var err error
	if e != nil {
		res, probs, err = b.convertExpanded(s, e)
	} else {
		res, err = b.converter.Convert(s.page.Body, s.page.BodyLine)
		for _, e := range diag.Leaves(err) {
			probs = append(probs, diag.Wrap(s.path, 0, 0, "", e))
		}
	}
	c := newConversion(key, res, probs)
	c.md = b.mdDigest
	c.names, c.scKey = names, scKey
	c.warns = markdownWarnings(s.path, res)
	// A result with warnings is not kept: the store does not hold them,
	// and every build must report them.
	if store := b.convCache; res != nil && len(probs) == 0 && len(res.Warnings) == 0 && store != nil {
		store.Put(b.cacheKey(htmlKey(key)), res.HTML)
		store.Put(b.cacheKey(key), encodeConversion(c))
	}
	return c
}

// htmlKey is the key of the HTML of the conversion of key in the store,
// an entry of its own: a build that renders nothing has no need to read
// it.
func htmlKey(key deps.Digest) deps.Digest { return deps.NewHasher().Digest(key).Str("html").Sum() }

// fromConvCache returns the conversion of key, of the body of s, when the
// store has it, else nil. A Builder that builds once leaves the HTML on
// the store, to be read when a page is written (a build that finds its
// pages unchanged reads none); one kept for a session reads it now, as
// its conversions outlive the build.
func (b *Builder) fromConvCache(s *source, key deps.Digest) *conversion {
	store := b.convCache
	if store == nil {
		return nil
	}
	b.convCacheUse.asked.Add(1)
	data, ok := store.Get(b.cacheKey(key))
	if !ok {
		return nil
	}
	c, err := decodeConversion(data)
	if err != nil {
		return nil
	}
	hk := b.cacheKey(htmlKey(key))
	if b.life.htmlStaysInCache() {
		if !store.Has(hk) {
			return nil
		}
		c.cached = func() ([]byte, error) { return b.cachedHTML(store, hk, s) }
	} else {
		html, ok := store.Get(hk)
		if !ok {
			return nil
		}
		c.content = template.HTML(html)
	}
	c.key, c.md = key, b.mdDigest
	b.convCacheUse.found.Add(1)
	return c
}

// cachedHTML reads the HTML of the body of s from the store, at k. When
// it cannot be read there, or was damaged, it converts the body again from
// the file, which must still be what the build read.
func (b *Builder) cachedHTML(store *cache.Store, k cache.Key, s *source) ([]byte, error) {
	if html, ok := store.Get(k); ok {
		return html, nil
	}
	b.stats.reconverted.Add(1)
	data, err := content.ReadFile(b.fsys, s.path, b.cfg)
	if err != nil {
		return nil, diag.Wrap(s.path, 0, 0, "cannot read: ", err)
	}
	if deps.HashBytes(data) != s.sum {
		return nil, diag.At(s.path, 0, 0, "the file changed while the site was built; build again")
	}
	page, err := content.ParseFile(s.path, data, b.cfg)
	if page == nil {
		return nil, err
	}
	if e := b.parseShortcodes(page); e != nil {
		res, probs, _ := b.convertExpanded(&source{path: s.path, page: page}, e)
		if len(probs) > 0 {
			return nil, errors.Join(probs...)
		}
		return res.HTML, nil
	}
	res, err := b.converter.Convert(page.Body, page.BodyLine)
	if err != nil {
		return nil, err
	}
	return res.HTML, nil
}

// encodeConversion writes a conversion for the persistent cache: all of
// it but the HTML of the body, an entry of its own (htmlKey), and the
// problems and warnings, as only a conversion without them is kept.
func encodeConversion(c *conversion) []byte {
	var e cache.Encoder
	r := c.res
	e.String(string(c.summary))
	e.String(string(c.toc))
	e.Int(len(r.Headings))
	for _, h := range r.Headings {
		e.Int(h.Level)
		e.String(h.ID)
		e.String(h.Text)
	}
	e.Int(len(r.Links))
	for _, l := range r.Links {
		e.String(l.Dest)
		e.Int(l.Line)
		e.Int(l.Col)
	}
	e.Int(r.WordCount)
	e.Int(r.ReadingTime)
	e.Digest(c.contentDigest)
	e.Digest(c.summaryDigest)
	return e.Encoded()
}

// decodeConversion reads what encodeConversion wrote, to its end.
func decodeConversion(b []byte) (*conversion, error) {
	d := cache.NewDecoder(b)
	c := &conversion{res: &markdown.Result{}}
	c.summary, c.toc = template.HTML(d.Bytes()), template.HTML(d.Bytes())
	r := c.res
	for n := d.Count(3); n > 0 && d.Err() == nil; n-- {
		r.Headings = append(r.Headings, markdown.Heading{Level: d.Int(), ID: string(d.Bytes()), Text: string(d.Bytes())})
	}
	for n := d.Count(3); n > 0 && d.Err() == nil; n-- {
		r.Links = append(r.Links, markdown.Link{Dest: string(d.Bytes()), Line: d.Int(), Col: d.Int()})
	}
	r.WordCount, r.ReadingTime = d.Int(), d.Int()
	c.contentDigest, c.summaryDigest = d.Digest(), d.Digest()
	if err := d.End(); err != nil {
		return nil, err
	}
	return c, nil
}

// isLayout and isAsset say which part of a site a changed path is in.
