package site

import (
	"html/template"
	"time"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/jsonld"
	"github.com/careersite/careersite/internal/model"
)

// structuredFor returns the structured data of the pages of m at now, made
// through the Builder's memo (structure).
func (b *Builder) structuredFor(m *keptmodel.Model, now time.Time) *jsonld.Pages {
	return jsonld.NewPages(func(p *model.Page) ([]template.JS, []error) {
		return b.structure(m, p, now)
	})
}

// structure returns the structured data of p, made once for as long as
// what it is made from does not change (for a Builder that builds once,
// every time it is asked for).
func (b *Builder) structure(m *keptmodel.Model, p *model.Page, now time.Time) ([]template.JS, []error) {
	if !b.life.plansAgain() {
		return jsonld.Data(p.Site, p, now)
	}
	return b.jsonld.Data(m.Digests[p].Derived(), p.Site, p, now)
}
