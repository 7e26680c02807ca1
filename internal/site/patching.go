package site

import (
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/keptmodel"
	"github.com/careersite/careersite/internal/model"
)

// patching is what the patches of a kept model need of the Builder
// (keptmodel.Outputs): a page's digests, social card and template, and
// whether a list is cut into pagers.
type patching struct{ b *Builder }

func (o patching) Digest(m *keptmodel.Model, p *model.Page) *deps.PageDigests {
	return o.b.digests.Page(p)
}

func (o patching) Card(p *model.Page) (generate.File, bool) {
	mk := o.b.cardMaker()
	c, ok := mk.Of(p)
	if !ok {
		return generate.File{}, false
	}
	return mk.File(c), true
}

func (o patching) CheckCard(p *model.Page) error {
	mk := o.b.cardMaker()
	if c, ok := mk.Of(p); ok {
		return mk.Check(c)
	}
	return nil
}

func (o patching) Template(p *model.Page) (string, error) { return o.b.renderer.Find(lookupOf(p)) }

func (o patching) Paginates(p *model.Page) bool { return o.b.paginates(p) }
