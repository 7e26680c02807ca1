package jsonld

import (
	"html/template"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// A Cache keeps the documents of pages from build to build, by the
// digest of everything Data reads of a page (Digest's), for a caller that
// renders again and again: Data runs once per digest. Its methods may be
// called from many goroutines; Rotate, after each successful build,
// forgets what that build did not use (cache.Memo). The zero Cache is
// ready.
type Cache struct {
	memo cache.Memo[deps.Digest, cached]
}

type cached struct {
	docs []template.JS
	errs []error
}

// Data is Data(s, p, now), made once for as long as key, the digest of
// what it reads, is the same.
func (c *Cache) Data(key deps.Digest, s *model.Site, p *model.Page, now time.Time) ([]template.JS, []error) {
	if d, ok := c.memo.Get(key); ok {
		return d.docs, d.errs
	}
	docs, errs := Data(s, p, now)
	c.memo.Put(key, cached{docs, errs})
	return docs, errs
}

// Rotate forgets the documents the build that just succeeded did not use.
func (c *Cache) Rotate() { c.memo.Rotate() }
