// Package pagesource reads a site's content files into Sources: for each
// file, the digests of its bytes and of its front matter, its parsed page
// and its problems, and the conversion of its body once the caller has
// made it.
//
// A Reader with a persistent cache keeps the pages it parsed as one pack
// (internal/pagepack), so that a build in a new process parses only the
// files whose bytes changed, and reads none whose stamp
// (internal/filestamp) is the one it was packed with: such a page holds
// its body lazily, read only when its conversion is not in the cache
// (content.Page.LoadBody). A body with shortcodes or images (PlainBody
// false) is always read, as it converts again when what they read
// changes. A Reader reads the pack when it is made and writes it when it
// is closed, when anything differs.
package pagesource

import (
	"errors"
	"io/fs"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/filestamp"
	"github.com/careersite/careersite/internal/pagepack"
	"github.com/careersite/careersite/internal/shortcode"
)

// A Source is one content file as it was last read.
type Source struct {
	Path        string
	Sum         deps.Digest         // of the file's bytes (content.FileDigests)
	FrontMatter deps.Digest         // of the bytes before the body: front matter and its fences
	BodySum     deps.Digest         // of the page's body (content.Page.BodySum)
	Page        *content.Page       // nil when the front matter cannot be parsed at all
	Err         error               // the file's problems, sorted by position
	Conv        *convert.Conversion // its Markdown, once converted
}

// Input is s as the Converter reads it.
func (s *Source) Input() convert.Source {
	return convert.Source{Path: s.Path, Page: s.Page, Sum: s.Sum, FrontMatter: s.FrontMatter, BodySum: s.BodySum}
}

// PackKind is the cache kind of the pack of parsed pages, and of the
// stamps of the content files it was packed with.
const PackKind = "pages"

// PlainBody reports whether a body is Markdown alone, without shortcodes
// or images: one that converts the same whatever the templates and the
// images are.
func PlainBody(body []byte) bool { return !shortcode.HasTags(body) && !convert.HasImages(body) }

// A Reader reads the content files of one site folder with one
// configuration. Read may be called from any number of goroutines at
// once; Close once, after the last Read.
type Reader struct {
	fsys   fs.FS
	cfg    *config.Config
	stamps *filestamp.Stamps
	pack   *pagepack.Cache // nil: none
}

// NewReader returns a Reader of the content files of fsys, parsed with
// cfg. With a persistent cache c, it reads the pack stored there under
// key, which must tell apart every configuration and binary that parses
// otherwise, and takes the files' stamps with stamps; with c nil it
// parses every file it reads.
func NewReader(fsys fs.FS, cfg *config.Config, c *cache.Cache, key cache.Key, stamps *filestamp.Stamps) *Reader {
	r := &Reader{fsys: fsys, cfg: cfg, stamps: stamps}
	if c != nil {
		r.pack = pagepack.Open(c, PackKind, key, cfg, fsys, PlainBody)
	}
	return r
}

// Read reads and parses the content file p, or takes its page from the
// pack unread when its stamp says it did not change. old is the Source
// last read of p, nil when none: it is returned again when the file's
// bytes are those it was read from. gone reports that p does not exist
// (any more).
func (r *Reader) Read(p string, old *Source) (src *Source, gone bool) {
	stamp := r.stamp(p)
	if src := r.unchanged(p, stamp); src != nil {
		if old != nil && old.Sum == src.Sum {
			return old, false
		}
		return src, false
	}
	data, err := content.ReadFile(r.fsys, p, r.cfg) // refuses links out of the site, bounds the size
	if errors.Is(err, fs.ErrNotExist) {
		return nil, true
	}
	if de := (*diag.Error)(nil); errors.As(err, &de) {
		return &Source{Path: p, Err: de}, false // over limits.page: "content/x.md:1:1: …"
	}
	if old != nil && content.DigestFile(data, content.BodyLineOf(old.Page)).Sum == old.Sum {
		return old, false // the bytes old was read from: split where they were
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message
		}
		return &Source{Path: p, Sum: content.DigestFile(data, 1).Sum, Err: diag.Wrap(p, 0, 0, "cannot read: ", err)}, false
	}
	src = &Source{Path: p}
	var d content.FileDigests
	src.Page, d, src.Err = r.parse(p, stamp, data)
	src.Sum = d.Sum
	if src.Page != nil {
		src.FrontMatter, src.BodySum = d.Front, d.BodySum(data, src.Page.Body)
	}
	return src, false
}

// Close writes the pack when anything differs from the one read, and
// returns the number of pages taken from it.
func (r *Reader) Close() int {
	if r.pack == nil {
		return 0
	}
	return r.pack.Save()
}

// stamp is the ID of the stamp of the content file p, taken before it is
// read, when there is a pack to keep it in; zero otherwise.
func (r *Reader) stamp(p string) [32]byte {
	if r.pack == nil {
		return [32]byte{}
	}
	id, _ := r.stamps.Stamp(PackKind, r.fsys, p).ID()
	return id
}

// unchanged returns the Source of the content file p from the pack,
// without reading the file, when stamp, the ID of its stamp taken now,
// is the one it was packed with; nil when it must be read.
func (r *Reader) unchanged(p string, stamp [32]byte) *Source {
	if r.pack == nil {
		return nil
	}
	page, sum, fm := r.pack.Unchanged(p, stamp)
	if page == nil {
		return nil
	}
	return &Source{Path: p, Sum: sum, FrontMatter: fm, BodySum: page.BodySum(), Page: page}
}

// parse returns the page of the file p whose bytes are data, read after
// the stamp of ID stamp was taken, and their digests: through the pack
// when there is one.
func (r *Reader) parse(p string, stamp deps.Digest, data []byte) (*content.Page, content.FileDigests, error) {
	if r.pack == nil {
		page, err := content.ParseFile(p, data, r.cfg)
		return page, content.DigestFile(data, content.BodyLineOf(page)), err
	}
	return r.pack.Parse(p, stamp, data)
}
