package site

import (
	"github.com/careersite/careersite/internal/keptmodel"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/render"
)

// This file decides which lists are cut into pagers: those whose template
// reads .Paginator (model.Paginates, deps.Template.ReadsPaginator), so that
// a theme whose lists range over .Pages gets no /page/N/ copies of them.

// lookupOf is what chooses the template of page p.
func lookupOf(p *model.Page) render.Lookup {
	return render.Lookup{Kind: lookupKind(p.Kind), Section: p.Section, Type: p.Type, Layout: model.Layout(p), Taxonomy: model.TaxonomyName(p)}
}

// paginates reports whether the template of the list page p reads
// .Paginator. A list whose template is missing paginates, as it did before
// templates were asked: planning reports the missing template.
func (b *Builder) paginates(p *model.Page) bool {
	if b.renderer == nil {
		return true
	}
	name, err := b.renderer.Find(lookupOf(p))
	if err != nil {
		return true
	}
	return b.templates.Page(name).ReadsPaginator()
}

// recordingPaginates is b.paginates, remembering each answer in paged for
// paginationChanged.
func (b *Builder) recordingPaginates(paged map[*model.Page]bool) model.Paginates {
	return func(p *model.Page) bool {
		paged[p] = b.paginates(p)
		return paged[p]
	}
}

// paginationChanged reports whether the templates, read again, cut a list
// of m into pagers that m has as one, or the other way: then the model,
// whose pages include the pagers, is made again.
func (b *Builder) paginationChanged(m *keptmodel.Model) bool {
	for p, was := range m.Paged {
		if b.paginates(p) != was {
			return true
		}
	}
	return false
}
