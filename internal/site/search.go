package site

import (
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/searchindex"
)

// searchAnalyses returns the Builder's analyses, made on first use.
func (b *Builder) searchAnalyses() *searchindex.Analyses {
	if b.analyses == nil {
		b.analyses = searchindex.New(b.cache, b.version, b.life.plansAgain())
	}
	return b.analyses
}

// bodyFiles are the generated files made from the bodies of pages (their
// Content, Summary, Headings …), which the Builder adds to those of
// generate.Files once it knows every page's digests: an edit of a body makes
// them again (builder.go, patchPlan), while the other generated files,
// made from front matter, stay. A feed is not one: its entries are made
// when it is written.
//
// They may read every field of every page, but not follow a page's
// relations to others (.Parent, .Related …): the Builder makes them again
// when the fields of some page change, not when only the relations do.
// The search index takes the analyses of the pages that did not change
// from an (internal/searchindex).
func bodyFiles(pages []*model.Page, an *searchindex.Analyses, words func(string) model.Words) ([]generate.File, error) {
	files, err := searchindex.Files(pages, an, words)
	for i := range files {
		files[i].FromBodies = true
	}
	return files, err
}
