package jsonld

import (
	"html/template"
	"sync"

	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
)

// Pages is the structured data (JSON-LD) of the pages of one write: each
// page's is made once, when first asked for, from any goroutine — by the
// page's own render, and, where some template reads other pages'
// (.Parent.JSONLD), by All before any page is rendered.
//
// Templates read it as .JSONLD (model.Page.JSONLD), through the Site,
// which points at the structured data of the write under way
// (model.SetStructuredData). Nothing of it is stored on a Page, which every
// render shares: what a template gets does not depend on which pages
// happen to be rendered at the same time, nor on the template analysis
// (internal/deps) having found every template that reads other pages'
// structured data — that decides only when errors are reported and how
// long a page's documents are held.
type Pages struct {
	makeDocs func(*model.Page) ([]template.JS, []error)

	mu    sync.Mutex
	pages map[*model.Page]*page
}

type page struct {
	once sync.Once
	docs []template.JS
	errs []error
}

// NewPages returns the structured data of the pages of a write, each page's
// made by makeDocs (Data, or a cache of it) when first asked for.
func NewPages(makeDocs func(*model.Page) ([]template.JS, []error)) *Pages {
	return &Pages{makeDocs: makeDocs, pages: map[*model.Page]*page{}}
}

// Of returns the structured data of p, and the errors of making it.
func (s *Pages) Of(p *model.Page) ([]template.JS, []error) {
	s.mu.Lock()
	e := s.pages[p]
	if e == nil {
		e = &page{}
		s.pages[p] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.docs, e.errs = s.makeDocs(p) })
	return e.docs, e.errs
}

// Forget lets the structured data of p go. Asked for again, it is made
// again.
func (s *Pages) Forget(p *model.Page) {
	s.mu.Lock()
	delete(s.pages, p)
	s.mu.Unlock()
}

// All makes the structured data of every page, on all cores, and reports
// each page's errors: for templates that read other pages'.
func (s *Pages) All(pages []*model.Page, report func(error)) {
	parallel.For(len(pages), func(lo, hi int) {
		for _, p := range pages[lo:hi] {
			_, errs := s.Of(p)
			for _, e := range errs {
				report(e)
			}
		}
	})
}

// JSONLD is the structured data of p, without the errors of making it:
// what p.JSONLD gives templates (model.StructuredData).
func (s *Pages) JSONLD(p *model.Page) []template.JS {
	docs, _ := s.Of(p)
	return docs
}
