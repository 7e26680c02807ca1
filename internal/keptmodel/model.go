// Package keptmodel is the model of one build kept for the next: the
// site's pages (internal/model) and generated files (internal/generate),
// the output files planned from them (Item), the digests of what the
// outputs can read of every page and the index of which outputs read what
// (internal/deps); and the patches that edit it in place when an edit
// keeps its shape (Patch), each naming the outputs whose keys must be
// made again. internal/site makes the model, plans and writes it, and
// decides which edits are patched (FrontMatterPatchable is its test for
// front matter); this package keeps the model equal to the one a full
// build of the edited sources would make.
//
// The model is kept for an edit of page bodies, and of the front matter
// that gives the model no other shape (model.Patchable: the description,
// the params that are no taxonomy, and on a regular page its title,
// date, updated, weight and career data that names the same pages, while
// the page keeps its place in every list: model.KeepsOrder, or sorting its
// lists again: model.Reorder; and its tags and skills, one file's edit
// at a time, when every term keeps its name and its number of pagers,
// terms made and dropped with their pages: model.CanRetag, model.Retag;
// and its slug and url, one file's edit at a time, when no other page or
// output has the new URL or file and no reference names the page:
// model.CanMove, model.MoveURL, its output and card moving with it:
// move.go). The pages made from each changed file get the new
// Content, Summary, Table of contents, Headings, word count, reading
// time, links and front matter in place; the generated files made from
// those fields are made again (the sitemap, the page's social card, the
// redirect pages to it: patchfiles.go); and only the outputs whose keys
// read the groups that changed of those pages (found by the reverse
// index of the last whole planning, deps.Readers) get new keys. Any other
// edit of front matter (the title or weight of a section, the url or
// slug of a page that has resources or that a reference names, aliases, layout, kind, draft, hidden_from, translation_key, image, the
// pages career data names or the skills of a career path's steps, a
// param that is a taxonomy, or a value that moved to another line) makes
// the model anew.
package keptmodel

import (
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/jsonld"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
)

// Model is the model of one build, kept for the next.
type Model struct {
	Config       *config.Config // what it was made with
	Links        *model.Linker
	SitemapLimit int // URLs a sitemap file holds (generate.SitemapFiles)

	Site          *model.Site
	Sites         []*model.Site // every language's, Site among them
	Pages         []*model.Page
	Files         []generate.File               // the generated files, sorted by name
	Pub           []*content.Page               // the published sources, by path
	Srcs          map[string]*pagesource.Source // the sources it was made from (every file that parsed)
	Published     map[string]bool               // the paths of Pub
	Now           time.Time                     // the moment it was made for
	TimeSensitive []*content.Page               // the sources whose publishing may change with time (StillValid)
	Jobs          []*model.Page                 // the job pages, whose postings open and close with time
	ByFile        map[string][]*model.Page      // the pages made from each source: a page, or a list page and its pagers
	Images        bool                          // some page has image:, whose width and height come from assets/ (internal/images)
	Paged         map[*model.Page]bool          // the list pages, and whether their template cut them into pagers

	Digests   map[*model.Page]*deps.PageDigests
	Items     []*Item // the outputs, as last planned, sorted by name
	Forgotten bool    // ForgetPlanning let go of what planning needs, or a patch failed half-way: no other build is planned from it
	Readers   deps.Readers

	// What writing it needs: whether some template reads the structured
	// data of other pages, that structured data, and the links of each
	// page, resolved.
	NeedLD     bool
	Structured *jsonld.Pages
	Refs       map[*model.Page]*links.Page
}

// Made is what a build made the model from: the site's configuration
// and links, the model of the published sources pub (made by
// model.Index at now), its generated files, the sources by path (every
// file that parsed), every parsed page (all) and the list pages with
// whether they were cut into pagers.
type Made struct {
	Config       *config.Config
	Links        *model.Linker
	SitemapLimit int
	Model        *model.Model
	Files        []generate.File
	Pub          []*content.Page
	Srcs         map[string]*pagesource.Source
	All          []*content.Page
	Paged        map[*model.Page]bool
	Now          time.Time
}

// New returns the Model of what a build made, its files sorted by name,
// with no digests and no planned outputs yet.
func New(made Made) *Model {
	files := slices.Clone(made.Files)
	slices.SortFunc(files, func(a, b generate.File) int { return strings.Compare(a.Name, b.Name) })
	m := &Model{Config: made.Config, Links: made.Links, SitemapLimit: made.SitemapLimit,
		Site: made.Model.Site, Sites: made.Model.Sites, Pages: made.Model.Pages, Files: files,
		Pub: made.Pub, Srcs: made.Srcs, Paged: made.Paged, Now: made.Now,
		Published: map[string]bool{}, ByFile: map[string][]*model.Page{},
		TimeSensitive: content.TimeSensitive(made.All, made.Now), Images: images.HasPageImages(made.Pub)}
	for _, p := range m.Pages {
		if p.Job != nil {
			m.Jobs = append(m.Jobs, p)
		}
		if p.File != "" {
			m.ByFile[p.File] = append(m.ByFile[p.File], p)
		}
	}
	for _, p := range m.Pub {
		m.Published[p.Path] = true
	}
	return m
}

// ForgetPlanning lets go of what only planning needs, for a Builder that
// builds once, once every output has its key: it plans no other build.
// Writing needs the digests of the pages in feeds, not the others', nor
// the indexes of the pages by source. At 100,000 pages they are 100 MB,
// which the collector would mark again and again while the pages are
// written.
func (m *Model) ForgetPlanning() {
	keep := map[*model.Page]*deps.PageDigests{}
	for _, f := range m.Files {
		if f.Feed != nil {
			for _, p := range model.FeedEntries(f.Feed) {
				keep[p] = m.Digests[p]
			}
		}
	}
	m.Digests, m.ByFile, m.Srcs, m.Published, m.Paged = keep, nil, nil, nil, nil
	m.Forgotten = true
}

// StillValid reports whether the model is still what the sources make at
// now under the rules of publishing at now, but for the sources that
// changed since: the same pages are published (none became due or
// expired) and no job posting opened or closed.
func (m *Model) StillValid(rules content.Publishing, now time.Time) bool {
	if now.Before(m.Now) {
		return false // the clock went back: start again
	}
	for _, src := range m.TimeSensitive {
		if rules.Publishes(src) != m.Published[src.Path] {
			return false
		}
	}
	for _, p := range m.Jobs {
		if p.Job.PostingOpen(now) != p.PostingOpen || p.Job.PostingClosed(now) != p.PostingClosed {
			return false
		}
	}
	return true
}

// Claims reports whether an output of m, or a name only the list of
// redirects claims, is written to the file name.
func (m *Model) Claims(name string) bool {
	_, planned := slices.BinarySearchFunc(m.Items, name, func(it *Item, name string) int { return strings.Compare(it.Name, name) })
	_, generated := slices.BinarySearchFunc(m.Files, name, func(f generate.File, name string) int { return strings.Compare(f.Name, name) })
	return planned || generated
}
