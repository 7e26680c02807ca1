package convert

// This file is the store of conversions in the persistent cache: opened
// for a build, asked for each body's conversion by its key, and the
// record format of a conversion in it.
//
// A conversion is two entries of the store, its record (all of it but the
// HTML) and its HTML. The records are also kept together, in one pack of
// the cache (recordsKind, internal/deltapack), read at once by the first
// build of a Converter: a build needs the record of every page (the
// model reads each summary, word count and heading, the link check each
// link), and the HTML of the pages it writes alone. Taken from the store,
// the records cost a read and a SHA-256 each, and opening every shard
// of the store, whose headers were read whole; taken from the pack, the
// store is opened only for the HTML of the pages written. The first
// successful build of a Converter saves the pack (Records.Save: a delta of
// the records it used that the base lacks); the store still holds every
// record, for the later builds of a session, which convert a few bodies
// and find the rest in memory. The store drops what no build asked for
// only when the pack is written anew (CloseCache): a build that took its
// records from the pack asked nothing of most shards.

import (
	"errors"
	"html/template"
	"sync"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deltapack"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/imaging"
	"github.com/careersite/careersite/internal/markdown"
)

// cacheKind is the kind of the store of conversions in the persistent
// cache, and recordsKind that of the pack of their records.
const (
	cacheKind   = "markdown"
	recordsKind = "markdown-records"
)

// Stats are how the conversions went, which tests read to assert that a
// fast path was taken: how many conversions the build under way asked of
// the store and found there (since OpenCache), and how many bodies were
// converted again, in the Converter's life, because their HTML could not
// be read back from the store.
type Stats struct {
	Asked, Found, Reconverted int64
}

// Stats returns how the conversions went.
func (cv *Converter) Stats() Stats {
	return Stats{Asked: cv.asked.Load(), Found: cv.found.Load(), Reconverted: cv.reconverted.Load()}
}

// OpenCache opens the store of conversions in the persistent cache for a
// build, if there is a cache.
func (cv *Converter) OpenCache() {
	if cv.cache != nil {
		cv.store, _ = cv.cache.Store(cacheKind) // none: convert everything
		cv.asked.Store(0)
		cv.found.Store(0)
		if !cv.recordsSaved && cv.records == nil {
			// Read while the build reads content/: the first
			// conversion waits for it.
			c := cv.cache
			cv.records = sync.OnceValue(func() *deltapack.Records { return deltapack.OpenRecords(c, recordsKind, c.Key(recordsKind)) })
			go cv.records()
			cv.used = map[cache.Key][]byte{}
		}
	}
}

// CloseCache closes the store after the build converted what it needed;
// ok reports that the build succeeded, conversions how many conversions
// the site has. The first successful build of a Converter saves the pack
// of records (Records.Save). When it writes the pack anew and every
// conversion of the site was asked for in this build (the first build of
// a pipeline), what else the store holds is of pages that changed or
// went, and Close may drop it: the store is first asked for the record
// and the HTML of every conversion of the build, so that it keeps them.
// Otherwise the store drops nothing (a build that took its records from
// the pack asked nothing of most shards).
func (cv *Converter) CloseCache(ok bool, conversions int) {
	if cv.store == nil {
		return
	}
	all := false
	if ok && cv.records != nil {
		rebased := cv.records().Save(cv.used)
		if all = rebased && int(cv.asked.Load()) == conversions; all {
			for key := range cv.used {
				cv.store.Has(key)
				cv.store.Has(cache.Key(htmlKey(deps.Digest(key))))
			}
		}
		cv.records, cv.used, cv.recordsSaved = nil, nil, true
	}
	cv.store.Close(all)
	cv.store = nil
}

// record returns the record of the conversion of key: from the pack of
// records, else from the store; false when neither has it.
func (cv *Converter) record(store *cache.Store, key deps.Digest) ([]byte, bool) {
	if cv.records != nil {
		if data, ok := cv.records().Get(cache.Key(key)); ok {
			return data, true
		}
	}
	return store.Get(cache.Key(key))
}

// use notes data, the record of the conversion of key, as one the build
// under way has, for the pack of records.
func (cv *Converter) use(key deps.Digest, data []byte) {
	if cv.records == nil {
		return
	}
	cv.usedMu.Lock()
	cv.used[cache.Key(key)] = data
	cv.usedMu.Unlock()
}

// save puts c, a conversion without problems or warnings, in the store:
// its HTML, checked by the SHA-256 its digest was made from, and the
// rest; and notes its record for the pack of records.
func (cv *Converter) save(c *Conversion, html []byte) {
	if store := cv.store; store != nil {
		data := encodeConversion(c)
		store.PutSummed(cache.Key(htmlKey(c.key)), html, c.htmlSum)
		store.Put(cache.Key(c.key), data)
		cv.use(c.key, data)
	}
}

// htmlKey is the key of the HTML of the conversion of key in the store,
// an entry of its own: a build that renders nothing has no need to read
// it.
func htmlKey(key deps.Digest) deps.Digest {
	h := deps.BorrowHasher()
	defer h.GiveBack()
	return h.Digest(key).Str("html").Sum()
}

// fromCache returns the conversion of key, of the body of src, when the
// cache has it, else nil. A Converter whose HTML stays in the cache
// leaves the HTML on the store, to be read when a page is written (a
// build that finds its pages unchanged reads none), without asking the
// store whether it has it: that would open every shard, and an HTML
// found missing then is converted again from the file (cachedHTML); one
// kept for a session reads it now, as its conversions outlive the build.
func (cv *Converter) fromCache(src Source, key deps.Digest) *Conversion {
	store := cv.store
	if store == nil {
		return nil
	}
	cv.asked.Add(1)
	data, ok := cv.record(store, key)
	if !ok {
		return nil
	}
	c, err := decodeConversion(data)
	if err != nil {
		return nil
	}
	hk := cache.Key(htmlKey(key))
	if cv.htmlStaysInCache {
		c.cached = func() ([]byte, error) { return cv.cachedHTML(store, hk, src) }
	} else {
		html, ok := store.Get(hk)
		if !ok {
			return nil
		}
		c.content = template.HTML(html)
	}
	if len(c.imgRefs) > 0 {
		if cv.images == nil {
			return nil
		}
		uses, ok := cv.images.Restore(src.Path, c.imgRefs, c.imgNamed)
		if !ok {
			return nil // an image changed: convert again
		}
		c.uses = uses
	}
	c.key, c.md = key, cv.mdDigest
	cv.use(key, data)
	cv.found.Add(1)
	return c
}

// cachedHTML reads the HTML of the body of src from the store, at k. When
// it cannot be read there, or was damaged, it converts the body again from
// the file, which must still be what the build read, and puts the HTML
// back, for the next build.
func (cv *Converter) cachedHTML(store *cache.Store, k cache.Key, src Source) ([]byte, error) {
	if html, ok := store.Get(k); ok {
		return html, nil
	}
	cv.reconverted.Add(1)
	data, err := content.ReadFile(cv.fsys, src.Path, cv.cfg)
	if err != nil {
		return nil, diag.Wrap(src.Path, 0, 0, "cannot read: ", err)
	}
	if content.DigestFile(data, src.Page.BodyLine).Sum != src.Sum {
		return nil, diag.At(src.Path, 0, 0, "the file changed while the site was built; build again")
	}
	page, err := content.ParseFile(src.Path, data, cv.cfg)
	if page == nil {
		return nil, err
	}
	e := cv.parseShortcodes(page)
	uses := cv.newUses(src.Path, page, e)
	var res *markdown.Result
	if e != nil {
		var probs []error
		if res, probs = cv.convertExpanded(src.Path, page, e, uses); len(probs) > 0 {
			return nil, errors.Join(probs...)
		}
	} else if res, err = cv.md.ConvertImages(page.Body, page.BodyLine, "", cv.imageHook(src.Path, page, uses)); err != nil {
		return nil, err
	}
	store.Put(k, res.HTML)
	return res.HTML, nil
}

// encodeConversion writes a conversion for the persistent cache: all of
// it but the HTML of the body, an entry of its own (htmlKey), and the
// problems and warnings, as only a conversion without them is kept.
func encodeConversion(c *Conversion) []byte {
	var e cache.Encoder
	r := c.res
	e.Grow(recordSize(c))
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
	e.Int(len(c.imgRefs))
	for _, u := range c.imgRefs {
		e.String(u.Ref)
		e.String(u.Path)
		e.Digest(u.Sum)
		e.Int(u.Line)
		e.Int(u.Col)
	}
	e.Int(len(c.imgNamed))
	for _, n := range c.imgNamed {
		e.Int(n.Use)
		e.Int(int(n.Spec.Op))
		e.Int(n.Spec.Width)
		e.Int(n.Spec.Height)
		e.Int(int(n.Spec.Anchor))
		e.String(string(n.Spec.Format))
		e.Int(n.Spec.Quality)
	}
	return e.Encoded()
}

// recordSize is the length of the record of c, to make its buffer once
// at its size: every record is held until the pack of records is saved.
func recordSize(c *Conversion) int {
	r := c.res
	size := cache.StringSize(string(c.summary)) + cache.StringSize(string(c.toc)) +
		cache.IntSize(len(r.Headings)) + cache.IntSize(len(r.Links)) +
		cache.IntSize(r.WordCount) + cache.IntSize(r.ReadingTime) + 2*cache.DigestSize +
		cache.IntSize(len(c.imgRefs)) + cache.IntSize(len(c.imgNamed))
	for _, h := range r.Headings {
		size += cache.IntSize(h.Level) + cache.StringSize(h.ID) + cache.StringSize(h.Text)
	}
	for _, l := range r.Links {
		size += cache.StringSize(l.Dest) + cache.IntSize(l.Line) + cache.IntSize(l.Col)
	}
	for _, u := range c.imgRefs {
		size += cache.StringSize(u.Ref) + cache.StringSize(u.Path) + cache.DigestSize + cache.IntSize(u.Line) + cache.IntSize(u.Col)
	}
	for _, nm := range c.imgNamed {
		s := nm.Spec
		size += cache.IntSize(nm.Use) + cache.IntSize(int(s.Op)) + cache.IntSize(s.Width) + cache.IntSize(s.Height) +
			cache.IntSize(int(s.Anchor)) + cache.StringSize(string(s.Format)) + cache.IntSize(s.Quality)
	}
	return size
}

// decodeConversion reads what encodeConversion wrote, to its end.
func decodeConversion(b []byte) (*Conversion, error) {
	d := cache.NewDecoder(b)
	c := &Conversion{res: &markdown.Result{}}
	c.summary, c.toc = template.HTML(d.String()), template.HTML(d.String())
	r := c.res
	if n := d.Count(3); n > 0 {
		r.Headings = make([]markdown.Heading, 0, n)
		for ; n > 0 && d.Err() == nil; n-- {
			r.Headings = append(r.Headings, markdown.Heading{Level: d.Int(), ID: d.String(), Text: d.String()})
		}
	}
	if n := d.Count(3); n > 0 {
		r.Links = make([]markdown.Link, 0, n)
		for ; n > 0 && d.Err() == nil; n-- {
			r.Links = append(r.Links, markdown.Link{Dest: d.String(), Line: d.Int(), Col: d.Int()})
		}
	}
	r.WordCount, r.ReadingTime = d.Int(), d.Int()
	c.contentDigest, c.summaryDigest = d.Digest(), d.Digest()
	for n := d.Count(5); n > 0 && d.Err() == nil; n-- {
		c.imgRefs = append(c.imgRefs, images.Use{Ref: string(d.Bytes()), Path: string(d.Bytes()), Sum: d.Digest(), Line: d.Int(), Col: d.Int()})
	}
	for n := d.Count(7); n > 0 && d.Err() == nil; n-- {
		c.imgNamed = append(c.imgNamed, images.Named{Use: d.Int(), Spec: imaging.Spec{Op: imaging.Op(d.Int()), Width: d.Int(), Height: d.Int(),
			Anchor: imaging.Anchor(d.Int()), Format: imaging.Format(d.Bytes()), Quality: d.Int()}})
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	return c, nil
}
