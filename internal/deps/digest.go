package deps

import (
	"html/template"
	"reflect"
	"sync"

	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
)

// group is a set of the fields of a model object that templates read
// together: an output that reads a field of another page depends on the
// digest of that field's group only. The table of members.go says which
// member is in which group.
type group uint32

const (
	gLink         group = 1 << iota // what a link to a page shows: URL, title, kind, type, section
	gMeta                           // front matter, career data and resources: dates, description, tags, salary, .Resources …
	gSummary                        // summary, word count, reading time
	gContent                        // content, table of contents, headings
	gDerived                        // structured data (JSON-LD)
	gFeeds                          // the feeds a page links to
	gOther                          // exported fields of Page the table of members.go does not list
	gTaxLink                        // a taxonomy's name, title and URL
	gTermLink                       // a term's name, slug and URL
	gTermCount                      // a term's number of pages
	gPaginator                      // a pager's number, size and pager URLs
	gSiteData                       // the site's data files, .Site.Data: Inputs.Data
	gOrder                          // which pages a page's lists hold, in order: .Pages, .Prev, .Next, .Related, .Terms (order.go)
	gPager                          // which pages a pager's .Paginator.Pages holds (order.go)
	gRoles                          // which role guides a term's .Roles holds, in order (order.go)
	gTermSet                        // which terms a taxonomy has: what its .Term finds by name (order.go)
	gTermLookup                     // what a taxonomy's .Term finds for the slugs templates looked up (model.LookedUp, lookups.go)
	gTranslations                   // which pages a page's .Translations and .AllTranslations hold (order.go)
)

// pageGroups are all the groups of a page's own fields.
const pageGroups = gLink | gMeta | gSummary | gContent | gDerived | gFeeds | gOther

// PageDigests are the digests of the groups of one page, made once per
// build (and again for the pages an edit patches), by DigestPage.
type PageDigests struct {
	id                                      string // the page's output file: its identity across builds
	link, meta, summary, content, der, feed Digest
	other                                   Digest
	self                                    Digest // all of the above

	entryOnce sync.Once
	entry     Digest // of what its feed entry is made from (Keyer.EntryKey)
}

// write writes the digests of the groups g of the page.
func (pd *PageDigests) write(h *Hasher, g group) {
	if g&gLink != 0 {
		h.Digest(pd.link)
	}
	if g&gMeta != 0 {
		h.Digest(pd.meta)
	}
	if g&gSummary != 0 {
		h.Digest(pd.summary)
	}
	if g&gContent != 0 {
		h.Digest(pd.content)
	}
	if g&gDerived != 0 {
		h.Digest(pd.der)
	}
	if g&gFeeds != 0 {
		h.Digest(pd.feed)
	}
	if g&gOther != 0 {
		h.Digest(pd.other)
	}
}

// Changes are the groups of a page whose digests differ between two
// builds (Changed): the outputs that read the page with one of them
// (Read.Sees, Readers.See) must be keyed again.
type Changes struct{ groups group }

// Changed returns the changes of a page whose digests were old and are
// cur. A page is the same page in both only when its identity (its
// output file) is: a page that moved changes every group.
func Changed(old, cur *PageDigests) Changes {
	if old.id != cur.id {
		return Changes{pageGroups}
	}
	var c Changes
	for _, d := range []struct {
		g        group
		old, cur Digest
	}{
		{gLink, old.link, cur.link}, {gMeta, old.meta, cur.meta}, {gSummary, old.summary, cur.summary},
		{gContent, old.content, cur.content}, {gDerived, old.der, cur.der}, {gFeeds, old.feed, cur.feed},
		{gOther, old.other, cur.other},
	} {
		if d.old != d.cur {
			c.groups |= d.g
		}
	}
	return c
}

// None reports whether nothing changed.
func (c Changes) None() bool { return c.groups == 0 }

// Every is the changes of every group of a page: what a read of a page
// whose output is made anew sees.
func Every() Changes { return Changes{pageGroups} }

// ListsReordered is the change of a page whose lists hold other pages,
// or the same in another order, after the pages were sorted again
// (model.Reorder): the outputs that followed those lists from it see it
// (order.go). PagerReordered is that of a pager that shows other pages,
// RolesReordered that of a term's page whose term's .Roles changed order.
func ListsReordered() Changes { return Changes{gOrder} }

// PagerReordered: see ListsReordered.
func PagerReordered() Changes { return Changes{gPager} }

// RolesReordered: see ListsReordered.
func RolesReordered() Changes { return Changes{gRoles} }

// Retranslated is the change of a page whose .Translations and
// .AllTranslations hold other pages (model.Retagged.Translated): the
// outputs that followed them from it see it (order.go).
func Retranslated() Changes { return Changes{gTranslations} }

// TermsMadeOrDropped is the change of a taxonomy's page whose taxonomy
// made or dropped a term (model.Retag): the outputs that looked a term of
// it up by name (.Term) see it (order.go).
func TermsMadeOrDropped() Changes { return Changes{gTermSet} }

// LookedUpTermsMadeOrDropped is the change of a taxonomy's page whose
// taxonomy made or dropped a term whose slug templates looked up by name
// (model.Retagged.LookedUp): the outputs keyed by what those lookups find
// (lookups.go) see it.
func LookedUpTermsMadeOrDropped() Changes { return Changes{gTermLookup} }

// TermsCounted is the change of a term's page whose term's count changed
// (model.Retag): the outputs that read the count see it (order.go).
func TermsCounted() Changes { return Changes{gTermCount} }

// identity names a model object across builds.
func identity(o any) string {
	switch o := o.(type) {
	case *model.Page:
		return "page:" + model.OutputOf(o)
	case *model.Term:
		return "term:" + o.Taxonomy.Name + "/" + o.Slug
	case *model.Taxonomy:
		return "taxonomy:" + o.Name
	case *model.Paginator:
		return "pager:" + o.URL()
	case *model.Site:
		return "site"
	}
	return "?"
}

// Self is the digest of all the page's groups: what its own output reads
// of it.
func (pd *PageDigests) Self() Digest { return pd.self }

// Derived is the digest of what the page's structured data is made from
// (PageParts.Derived).
func (pd *PageDigests) Derived() Digest { return pd.der }

// PageParts are the digests of the groups of a page that DigestPage does
// not make from the page's fields, because the pipeline holds what they
// are made from, or makes them once for many builds.
type PageParts struct {
	// Career is the digest of the page's career data (model.CareerData),
	// hashed whole with Hasher.Value; part of the meta group.
	Career Digest

	// Summary and Content are the digests of the body groups:
	// SummaryDigest and ContentDigest of the page's fields, which the
	// pipeline keeps with each conversion of Markdown.
	Summary, Content Digest

	// Derived is the digest of everything the page's structured data
	// (JSON-LD) is made from: the group gDerived.
	Derived Digest
}

// DigestPage makes the digests of the groups of page p, with those parts
// gives.
func DigestPage(p *model.Page, parts PageParts) *PageDigests {
	pd := &PageDigests{id: model.OutputOf(p), summary: parts.Summary, content: parts.Content, der: parts.Derived}
	h := BorrowHasher() // one for every group, emptied after each sum
	defer h.GiveBack()
	pd.link = h.Str(p.Kind).Str(p.Type).Str(p.Section).Str(p.Title).Str(p.URL).Str(p.Permalink).Str(p.File).Str(languageCode(p)).Sum()

	h.Reset().Str(p.Description).Time(p.Date).Time(p.Updated).Time(p.Lastmod).Bool(p.Draft)
	h.Strs(p.Tags).Strs(p.Skills).Strs(p.Authors).Int(int64(p.Weight)).Digest(parts.Career)
	h.Value(reflect.ValueOf(p.Params)).Bool(p.PostingOpen).Bool(p.PostingClosed)
	h.Int(int64(len(p.Resources)))
	for _, r := range p.Resources {
		h.Str(r.Name).Str(r.URL).Int(r.Size).Str(r.MediaType)
	}
	h.Value(reflect.ValueOf(p.Image)).Value(reflect.ValueOf(p.SocialCard))
	pd.meta = h.Sum()

	h.Reset().Int(int64(len(p.Feeds)))
	for _, f := range p.Feeds {
		h.Str(f.Title).Str(f.URL).Str(f.Permalink)
	}
	pd.feed = h.Sum()

	h.Reset()
	v := reflect.ValueOf(p).Elem()
	for _, i := range otherFields {
		h.Value(v.Field(i))
	}
	pd.other = h.Sum()

	pd.self = h.Reset().Str(pd.id).Digest(pd.link).Digest(pd.meta).Digest(pd.summary).Digest(pd.content).
		Digest(pd.der).Digest(pd.feed).Digest(pd.other).Sum()
	return pd
}

// ContentDigest is the digest of the content group's fields: Content, of
// which contentSum is the SHA-256 (HashBytes), TableOfContents and
// Headings. The HTML is given by its SHA-256, as its maker has one to
// hash it once: the store of conversions checks the HTML it keeps by
// that sum too (internal/convert).
func ContentDigest(contentSum Digest, toc template.HTML, headings []markdown.Heading) Digest {
	h := BorrowHasher()
	defer h.GiveBack()
	h.Digest(contentSum).Str(string(toc)).Int(int64(len(headings)))
	for _, hd := range headings {
		h.Int(int64(hd.Level)).Str(hd.ID).Str(hd.Text)
	}
	return h.Sum()
}

// SummaryDigest is the digest of the summary group's fields: Summary,
// WordCount and ReadingTime.
func SummaryDigest(summary template.HTML, words, minutes int) Digest {
	return NewHasher().Str(string(summary)).Int(int64(words)).Int(int64(minutes)).Sum()
}

// otherFields are the exported fields of Page that the table of members.go
// does not list: gOther.
var otherFields = func() []int {
	var out []int
	t := reflect.TypeFor[model.Page]()
	for i := range t.NumField() {
		f := t.Field(i)
		if _, listed := models[kPage].members[f.Name]; f.IsExported() && !listed {
			out = append(out, i)
		}
	}
	return out
}()

// entryDigest writes what generate.Entry reads of p into h.
func entryDigest(h *Hasher, s *model.Site, pd *PageDigests, p *model.Page) {
	h.Str(p.Permalink).Str(p.Title).Time(p.Date).Time(p.Lastmod).Strs(p.Authors).Str(p.Description)
	h.Digest(pd.summary).Digest(pd.content)
	for _, t := range s.Taxonomies {
		h.Str(t.Permalink())
		for _, term := range p.Terms(t.Name) {
			h.Str(term.Slug).Str(term.Name)
		}
		h.Int(-1)
	}
}

// languageCode is the code of the page's language, "" when it has none;
// its name and direction come from site.yaml, part of every key.
func languageCode(p *model.Page) string {
	if p.Language == nil {
		return ""
	}
	return p.Language.Code
}
