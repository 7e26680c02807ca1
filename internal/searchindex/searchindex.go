// Package searchindex makes the search index of a build: the documents
// generate.SearchDoc takes of every page generate.InSearch admits, their
// analyses (search.Analyze), and the files search.Build writes.
//
// Analysing a page is most of the index's cost, so an [Analyses] keeps
// the analyses of pages for the next index, found by a key of everything
// an analysis reads (the page's document and the digest of its converted
// body): an index made again after one page changed analyses that page
// alone. A session (serve, watch) keeps them in memory. With a persistent
// cache they are kept on disk too, as one pack of kind [Kind]: read for
// the first index an Analyses makes, and written then if that index
// analysed more than a few pages the pack did not hold. A pack that does
// not decode whole is ignored, and every page is analysed again.
//
// Make is a pure function of the pages and the analyses it is given: the
// index is the same bytes whichever analyses came from the pack, the
// session or anew; Files gives the same index as generated files
// (generate.File), for the pipeline to publish.
package searchindex

import (
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// Make returns the files of the search index of pages, named below
// generate.SearchDir. The analyses of pages come from an where it has
// them, and go to it; a nil an analyses every page and keeps none.
func Make(pages []*model.Page, an *Analyses) ([]search.File, error) {
	var docs []search.Doc
	var keys []deps.Digest
	for _, p := range pages {
		if !generate.InSearch(p) {
			continue
		}
		d := generate.SearchDoc(p)
		docs = append(docs, d)
		if an != nil {
			keys = append(keys, an.key(p, &d))
		}
	}
	opts := generate.SearchOptions()
	if an != nil {
		an.fill(docs, keys)
		made := 0
		for _, d := range docs {
			if d.Analysis == nil {
				made++
			}
		}
		all, err := search.Analyze(docs, opts)
		if err != nil {
			return nil, err
		}
		for i := range docs {
			docs[i].Analysis = all[i]
		}
		an.remember(docs, keys, made)
	}
	return search.Build(docs, opts)
}

// Files returns the files of the search index of pages (Make) as
// generated files, named below generate.SearchDir, for the pipeline to
// publish with the others.
func Files(pages []*model.Page, an *Analyses) ([]generate.File, error) {
	index, err := Make(pages, an)
	if err != nil {
		return nil, err
	}
	files := make([]generate.File, 0, len(index))
	for _, f := range index {
		files = append(files, generate.File{Name: generate.SearchDir + f.Name, Make: generate.BytesOf(f.Data), Digest: generate.DigestOf(f.Data), Owner: "the search index"})
	}
	return files, nil
}
