package site

import (
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/searchindex"
)

// searchFiles makes the search index of pages (internal/searchindex) as
// generated files. The analyses of pages come from an where it has them,
// and go to it; a nil an analyses every page.
func searchFiles(pages []*model.Page, an *searchindex.Analyses) ([]generate.File, error) {
	index, err := searchindex.Make(pages, an)
	if err != nil {
		return nil, err
	}
	files := make([]generate.File, 0, len(index))
	for _, f := range index {
		files = append(files, generate.File{Name: generate.SearchDir + f.Name, Make: generate.BytesOf(f.Data), Digest: generate.DigestOf(f.Data), Owner: "the search index"})
	}
	return files, nil
}

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
func bodyFiles(pages []*model.Page, an *searchindex.Analyses) ([]generate.File, error) {
	files, err := searchFiles(pages, an)
	for i := range files {
		files[i].FromBodies = true
	}
	return files, err
}
