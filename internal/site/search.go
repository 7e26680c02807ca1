package site

import (
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/searchindex"
)

// searchFiles makes the search index of pages (internal/searchindex) as
// generated files. The analyses of pages come from an where it has them,
// and go to it; a nil an analyses every page.
func searchFiles(pages []*model.Page, an *searchindex.Analyses) ([]generated, error) {
	index, err := searchindex.Make(pages, an)
	if err != nil {
		return nil, err
	}
	files := make([]generated, 0, len(index))
	for _, f := range index {
		files = append(files, generated{name: generate.SearchDir + f.Name, make: bytesOf(f.Data), digest: digestOf(f.Data), owner: "the search index"})
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
