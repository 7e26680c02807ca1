// Package searchindex makes the search indexes of a build, one per
// language, each in the folder generate.SearchDirOf names for its
// language ("search/", "de/search/") and analysed with its language's
// rules (generate.SearchOptions): the documents generate.SearchDoc takes
// of every page of the language generate.InSearch admits, their analyses
// (search.Analyze), and the files search.Build writes. Every language has
// an index, an empty one when none of its pages is admitted, for its
// pages' search forms to read.
//
// Analysing a page is most of the index's cost, so an [Analyses] keeps
// the analyses of pages for the next index, found by a key of everything
// an analysis reads (the page's document, the rules of its language and
// the digest of its converted body): an index made again after one page
// changed analyses that page alone. A session (serve, watch) keeps them
// in memory. With a persistent cache they are kept on disk too, as one
// pack of kind [Kind]: read for the first indexes an Analyses makes, and
// written then if those indexes analysed more than a few pages the pack
// did not hold. A pack that does not decode whole is ignored, and every
// page is analysed again.
//
// Files is a pure function of the pages and the analyses it is given:
// the indexes are the same bytes whichever analyses came from the pack,
// the session or anew, given as generated files (generate.File) for the
// pipeline to publish.
package searchindex

import (
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
	"github.com/careersite/careersite/internal/search"
)

// index is the search index of one language while it is made.
type index struct {
	dir  string         // generate.SearchDirOf its language
	opts search.Options // generate.SearchOptions of its language
	docs []search.Doc
	keys []deps.Digest // the analyses' keys of docs, when there are analyses
}

// Files returns the files of the search indexes of pages, one per
// language (each page's Site), in the order the languages' pages come,
// named below generate.SearchDirOf the language. The analyses of pages
// come from an where it has them, and go to it; a nil an analyses every
// page and keeps none. words gives the strings of a language, for the
// kinds' labels (generate.SearchOptions).
func Files(pages []*model.Page, an *Analyses, words func(code string) model.Words) ([]generate.File, error) {
	if an != nil {
		an.prefetch()
	}
	indexes := byLanguage(pages, an, words)
	if an != nil {
		if err := an.analyze(indexes); err != nil {
			return nil, err
		}
	}
	var files []generate.File
	for _, ix := range indexes {
		made, err := search.Build(ix.docs, ix.opts)
		if err != nil {
			return nil, err
		}
		for _, f := range made {
			files = append(files, generate.File{Name: ix.dir + f.Name, Make: generate.BytesOf(f.Data), Digest: generate.Digested(f.Sum), Owner: "the search index"})
		}
	}
	return files, nil
}

// byLanguage returns the indexes of the languages of pages, with the
// documents of the pages each admits and, when an is not nil, their keys.
// The pages are placed in their indexes first, in order; their documents
// and keys, most of the cost (a key hashes a page's text), are taken on
// every core.
func byLanguage(pages []*model.Page, an *Analyses, words func(code string) model.Words) []*index {
	// The documents of a language are counted first, so that each index
	// is given room for them at once: a Doc is large, and appending
	// 10,000 of them to a slice that doubles was half the cost of taking
	// them.
	count := map[*model.Site]int{}
	for _, p := range pages {
		if generate.InSearch(p) {
			count[p.Site]++
		}
	}
	var indexes []*index
	of := map[*model.Site]*index{}
	type place struct {
		ix *index
		at int // in ix.docs
	}
	places := make([]place, len(pages)) // ix nil: not in search
	for i, p := range pages {
		ix := of[p.Site]
		if ix == nil {
			ix = &index{dir: generate.SearchDirOf(p.Site), opts: generate.SearchOptions(p.Site, words(p.Site.Language)), docs: make([]search.Doc, 0, count[p.Site])}
			if an != nil {
				ix.keys = make([]deps.Digest, 0, count[p.Site])
			}
			of[p.Site] = ix
			indexes = append(indexes, ix)
		}
		if !generate.InSearch(p) {
			continue
		}
		places[i] = place{ix, len(ix.docs)}
		ix.docs = ix.docs[:len(ix.docs)+1]
		if an != nil {
			ix.keys = ix.keys[:len(ix.keys)+1]
		}
	}
	parallel.For(len(pages), func(lo, hi int) {
		for i, p := range pages[lo:hi] {
			pl := places[lo+i]
			if pl.ix == nil {
				continue
			}
			d := &pl.ix.docs[pl.at]
			*d = generate.SearchDoc(p)
			if an != nil {
				pl.ix.keys[pl.at] = an.key(p, d, pl.ix.opts)
			}
		}
	})
	return indexes
}
