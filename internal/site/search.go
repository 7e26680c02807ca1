package site

import (
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// searchFiles makes the search index from the model: what
// generate.SearchDoc takes of every page generate.InSearch admits.
// The analyses of pages come from an where it has them, and go to it; a
// nil an analyses every page.
func searchFiles(pages []*model.Page, an *analyses) ([]generated, error) {
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
	index, err := search.Build(docs, opts)
	if err != nil {
		return nil, err
	}
	var files []generated
	for _, f := range index {
		files = append(files, generated{name: generate.SearchDir + f.Name, make: bytesOf(f.Data), digest: digestOf(f.Data), owner: "the search index"})
	}
	return files, nil
}
