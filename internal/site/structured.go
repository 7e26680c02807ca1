package site

import (
	"html/template"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
)

// structured is the structured data (JSON-LD) of the pages of one write:
// each page's is made once, when first asked for, from any goroutine — by
// the page's own render, and, where some template reads other pages'
// (.Parent.JSONLD: needLD), by all before any page is rendered.
//
// Templates read it as .JSONLD (model.Page.JSONLD), through the Site,
// which points at the structured data of the write under way
// (model.SetStructuredData). Nothing of it is
// stored on a Page, which every render shares: what a template gets does
// not depend on which pages happen to be rendered at the same time, nor on
// the template analysis (internal/deps) having found every template that reads
// other pages' structured data — needLD decides only when errors are
// reported and how long a page's documents are held.
type structured struct {
	make func(*model.Page) jsonldDocs

	mu    sync.Mutex
	pages map[*model.Page]*structuredPage
}

type structuredPage struct {
	once sync.Once
	jsonldDocs
}

// structuredFor returns the structured data of the pages of m at now, made
// through the Builder's memo (structure).
func (b *Builder) structuredFor(m *siteModel, now time.Time) *structured {
	return &structured{
		make: func(p *model.Page) jsonldDocs {
			docs, errs := b.structure(m, p, now)
			return jsonldDocs{docs, errs}
		},
		pages: map[*model.Page]*structuredPage{},
	}
}

// of returns the structured data of p, and the errors of making it.
func (s *structured) of(p *model.Page) ([]template.JS, []error) {
	s.mu.Lock()
	e := s.pages[p]
	if e == nil {
		e = &structuredPage{}
		s.pages[p] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.jsonldDocs = s.make(p) })
	return e.docs, e.errs
}

// forget lets the structured data of p go. Asked for again, it is made
// again.
func (s *structured) forget(p *model.Page) {
	s.mu.Lock()
	delete(s.pages, p)
	s.mu.Unlock()
}

// all makes the structured data of every page, on all cores, and reports
// each page's errors: for templates that read other pages' (needLD).
func (s *structured) all(pages []*model.Page, report func(error)) {
	parallel.For(len(pages), func(lo, hi int) {
		for _, p := range pages[lo:hi] {
			_, errs := s.of(p)
			for _, e := range errs {
				report(e)
			}
		}
	})
}

// structure returns the structured data of p, made once for as long as
// what it is made from does not change (for a Builder that builds once,
// every time it is asked for).
func (b *Builder) structure(m *siteModel, p *model.Page, now time.Time) ([]template.JS, []error) {
	if !b.life.plansAgain() {
		return structuredData(m.site, p, now)
	}
	key := m.pd[p].Derived()
	if d, ok := b.jsonld.get(key); ok {
		return d.docs, d.errs
	}
	docs, errs := structuredData(m.site, p, now)
	b.jsonld.put(key, jsonldDocs{docs, errs})
	return docs, errs
}

// JSONLD is the structured data of p, without the errors of making it:
// what p.JSONLD gives templates (model.StructuredData).
func (s *structured) JSONLD(p *model.Page) []template.JS {
	docs, _ := s.of(p)
	return docs
}
