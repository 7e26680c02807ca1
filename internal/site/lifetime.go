package site

import "sync/atomic"

// A Builder lives one of two lives, chosen once, by its constructor: it
// builds once (Build, the build command: newOnce) or again and again for
// a session (New: serve and watch). The methods of lifetime are every
// place where the two differ; nothing else asks which one a Builder lives.
type lifetime interface {
	// convertsOnRead reports whether each body is converted as soon as
	// its file is read, and its Markdown let go, so that the site's
	// Markdown is never held whole; progress is told as files are read.
	// A session converts the published pages once the model's sources
	// are known.
	convertsOnRead() bool

	// htmlStaysInCache reports whether the HTML of a conversion found in
	// the persistent cache is left there, to be read when its page is
	// written (a build that finds its pages unchanged reads none), the
	// cache's conversions staying open until then. A session reads it at
	// once: its conversions outlive the build.
	htmlStaysInCache() bool

	// plansAgain reports whether another build will be planned from this
	// one's model: then planning keeps the reverse index of which outputs
	// read what of which pages (deps.Readers) and the digests of every
	// page, and the structured data of pages and their search analyses
	// are kept from build to build, and so is the Markdown of a body with
	// shortcodes or images, which converts again when what they read
	// changes. A Builder that builds once lets them go as soon as it can,
	// and makes the structured data of a page once, when it renders it.
	plansAgain() bool

	// keepsRecord reports whether a build from the site folder on disk
	// with a persistent cache notes every name it reads, for the record
	// that tells the next build, in another process, that it has
	// nothing to do (uptodate.go). A session's next build is told what
	// changed.
	keepsRecord() bool
}

// once is the life of a Builder that builds once; it also keeps HTML beyond
// a budget out of memory (spill.go, set up by newOnce).
type once struct{}

func (once) convertsOnRead() bool   { return true }
func (once) htmlStaysInCache() bool { return true }
func (once) plansAgain() bool       { return false }
func (once) keepsRecord() bool      { return true }

// session is the life of a Builder kept for serve or watch: it holds
// everything it made, for the next build.
type session struct{}

func (session) convertsOnRead() bool   { return false }
func (session) htmlStaysInCache() bool { return false }
func (session) plansAgain() bool       { return true }
func (session) keepsRecord() bool      { return false }

// buildStats are how the last build went, which tests read to assert that
// a fast path was taken. Nothing in the pipeline reads them.
type buildStats struct {
	how         string       // how the model was made: "full", "keys" or "patch" (patchPlan); "up to date": not at all (uptodate.go)
	packedPages int          // pages taken from the pack of parsed pages (internal/pagesource)
	cardsDrawn  atomic.Int64 // social cards drawn, not taken from the cache, since the Builder was made (internal/cardfiles)
}
