package site

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
)

// keyer makes the dependency keys of one build's outputs. A key is a
// SHA-256 of everything the output is made from:
//
//   - the binary's version, the configuration and the build's options;
//   - for a page: its template set (the name and the text of every layout
//     file it runs, deps.go), the digests of all its own fields, the asset
//     table when its templates call asset, and, for every path its
//     templates read (deps.go), the objects at the end of the path on this
//     build's model with the digests of the groups of fields read on them;
//     the whole site's digest when its templates could read anything;
//   - for a generated file: what its digest func writes (a feed: its
//     entries' fields; the sitemap: its URLs and dates);
//   - for an asset: its published bytes.
//
// An output whose key is the one it had at the last commit has the same
// bytes, and is not made again.
type keyer struct {
	b    *Builder
	m    *siteModel
	base digest // version and configuration

	siteMu    sync.Mutex
	siteReads map[string]*onceDigest // site-rooted reads, the same for every output

	stepMu   sync.Mutex
	steps    map[stepKey][]any   // members of shared objects (terms, taxonomies, the site)
	walks    map[walkKey]*walked // walks from shared objects
	global   onceDigest
	globalMu sync.Mutex
}

type onceDigest struct {
	once sync.Once
	d    digest
	body bool // it reads body groups of some page
}

type stepKey struct {
	obj  any
	step step
}

func newKeyer(b *Builder, m *siteModel) *keyer {
	return &keyer{
		b: b, m: m,
		base:      newHasher().digest(b.version).digest(b.cfgDigest).sum(),
		siteReads: map[string]*onceDigest{},
		steps:     map[stepKey][]any{},
		walks:     map[walkKey]*walked{},
	}
}

// pageKey returns the key of page p rendered with page template t, and,
// when bodies is set, the pages whose body (summary, content) it reads
// through its own relations; bodyAll reports that it may read the body of
// any page.
func (k *keyer) pageKey(p *model.Page, t *tmplInfo, bodies bool) (key digest, body []*model.Page, bodyAll bool) {
	h := borrowHasher()
	defer h.giveBack()
	h.digest(k.base).str("page").str(model.OutputOf(p)).digest(t.digest).digest(k.m.pd[p].self)
	d := t.deps
	if d.asset {
		h.digest(k.b.assetDigest)
	}
	if d.global {
		h.digest(k.globalDigest())
		bodyAll = true
	}
	for _, r := range t.reads {
		h.str(r.key).int(int64(r.groups))
		if r.path.site {
			od := k.siteRead(r)
			h.digest(od.d)
			bodyAll = bodyAll || od.body
			continue
		}
		if bodies && r.groups&bodyGroups != 0 {
			k.walk(h, []any{p}, r.path.steps, r.groups, &body)
		} else {
			k.walk(h, []any{p}, r.path.steps, r.groups, nil)
		}
	}
	return h.sum(), body, bodyAll
}

// siteRead returns the digest of a read from .Site, made once per build.
func (k *keyer) siteRead(r *read) *onceDigest {
	key := r.key + "#" + strconv.Itoa(int(r.groups))
	k.siteMu.Lock()
	od := k.siteReads[key]
	if od == nil {
		od = &onceDigest{}
		k.siteReads[key] = od
	}
	k.siteMu.Unlock()
	od.once.Do(func() {
		h := newHasher()
		var reached []*model.Page
		k.walk(h, []any{k.m.site}, r.path.steps, r.groups, &reached)
		od.d = h.sum()
		od.body = r.groups&bodyGroups != 0 && len(reached) > 0
	})
	return od
}

// walk follows steps from objs and writes the groups g of the objects at
// the end, with their identities, into h. The number of objects every
// object leads to is written too, so that the same objects reached in
// another arrangement (a page moved from one section's list to another's)
// give another digest. Pages at the end are added to reached, unless it is
// nil. From an object many outputs reach (a term, a taxonomy, the site),
// the rest of the walk is made once per build.
func (k *keyer) walk(h *hasher, objs []any, steps []step, g group, reached *[]*model.Page) {
	if len(steps) == 0 {
		for _, o := range objs {
			k.object(h, o, g)
			if p, ok := o.(*model.Page); ok && p != nil && reached != nil {
				*reached = append(*reached, p)
			}
		}
		return
	}
	for _, o := range objs {
		if isShared(o) {
			w := k.sharedWalk(o, steps, g)
			h.digest(w.d)
			if reached != nil {
				*reached = append(*reached, w.reached...)
			}
			continue
		}
		next := k.step(o, steps[0])
		h.int(int64(len(next)))
		k.walk(h, next, steps[1:], g, reached)
	}
}

func isShared(o any) bool {
	switch o := o.(type) {
	case *model.Term:
		return o != nil
	case *model.Taxonomy:
		return o != nil
	case *model.Site:
		return o != nil
	}
	return false
}

type walkKey struct {
	obj   any
	steps string
	g     group
}

type walked struct {
	once    sync.Once
	d       digest
	reached []*model.Page
}

// sharedWalk is walk from one shared object, made once per build.
func (k *keyer) sharedWalk(o any, steps []step, g group) *walked {
	key := walkKey{o, depPath{steps: steps}.String(), g}
	k.stepMu.Lock()
	w := k.walks[key]
	if w == nil {
		w = &walked{}
		k.walks[key] = w
	}
	k.stepMu.Unlock()
	w.once.Do(func() {
		h := newHasher()
		next := k.step(o, steps[0])
		h.int(int64(len(next)))
		k.walk(h, next, steps[1:], g, &w.reached)
		w.d = h.sum()
	})
	return w
}

// step returns what member s of object o gives, as a list.
func (k *keyer) step(o any, s step) []any {
	if kindOf(o) == kPlain || reflect.ValueOf(o).IsNil() {
		return nil
	}
	switch o.(type) {
	case *model.Page, *model.Paginator:
		return follow(o, s)
	case *model.Site, *model.Taxonomy, *model.Term:
		// Shared by many outputs, and some are costly (Term.Roles reads
		// every page): made once per build.
		sk := stepKey{o, s}
		k.stepMu.Lock()
		out, ok := k.steps[sk]
		k.stepMu.Unlock()
		if ok {
			return out
		}
		out = follow(o, s)
		k.stepMu.Lock()
		k.steps[sk] = out
		k.stepMu.Unlock()
		return out
	}
	return nil
}

// follow follows the relation s of model object o, by the table of
// members.go.
func follow(o any, s step) []any {
	m := models[kindOf(o)].members[s.name]
	if m.follow == nil {
		panic(fmt.Sprintf("site: no step %v from a %T", s, o)) // deps.go only makes steps along relations of the table
	}
	return m.follow(o, s)
}

// object writes an object's identity and the digests of its groups g.
func (k *keyer) object(h *hasher, o any, g group) {
	switch o := o.(type) {
	case *model.Page:
		if o == nil {
			h.str("-")
			return
		}
		pd := k.m.pd[o]
		h.str(pd.id)
		pd.write(h, g)
	case *model.Term:
		if o == nil {
			h.str("-")
			return
		}
		h.str(o.Taxonomy.Name).str(o.Slug)
		if g&gTermLink != 0 {
			h.str(o.Name).str(o.URL()).str(o.Permalink())
		}
		if g&gTermCount != 0 {
			h.int(int64(o.Count))
		}
	case *model.Taxonomy:
		if o == nil {
			h.str("-")
			return
		}
		h.str(o.Name)
		if g&gTaxLink != 0 {
			h.str(o.Title).str(o.URL()).str(o.Permalink())
		}
	case *model.Paginator:
		if o == nil {
			h.str("-")
			return
		}
		h.str(o.URL())
		if g&gPaginator != 0 {
			h.int(int64(o.PageNumber())).int(int64(o.TotalItems())).int(int64(o.PageSize())).int(int64(o.TotalPages()))
			for _, p := range model.PagerPages(o) {
				h.str(p.URL)
			}
		}
	case *model.Site:
		h.str("site")
	default:
		h.str("?")
	}
}

// globalDigest is the digest of the whole model: every page with all its
// groups and relations, in order, and every term. An output whose
// templates might read anything depends on it.
func (k *keyer) globalDigest() digest {
	k.global.once.Do(func() {
		h := newHasher().str("global")
		all := group(0)
		for _, m := range models {
			for _, mem := range m.members {
				all |= mem.group
			}
		}
		all |= pageGroups
		var reached []*model.Page
		for _, p := range k.m.pages {
			k.object(h, p, all)
			for _, r := range pageRelations {
				if r.to == kPaginator {
					// A page's pager is its own, not shared with other
					// pages: written whole, as the page's fields are.
					for _, pg := range r.follow(p, step{name: r.name}) {
						k.object(h, pg, all)
					}
					continue
				}
				k.walk(h, []any{p}, []step{{name: r.name}}, 0, &reached)
			}
		}
		for _, t := range k.m.site.Taxonomies {
			k.object(h, t, all)
			for _, term := range t.Terms {
				k.object(h, term, all)
				k.walk(h, []any{term}, []step{{name: "Pages"}}, 0, &reached)
			}
		}
		k.global.d = h.sum()
	})
	return k.global.d
}

// feedDigest writes what a feed is made from.
func (k *keyer) feedDigest(h *hasher, f *model.Feed) {
	s := k.m.site
	h.str("feed").str(f.Title).str(f.Permalink).str(model.FeedList(f).Permalink).str(model.FeedList(f).Description)
	h.str(s.Language).str(s.Title).str(s.Home.Permalink).str(s.Author.Name).str(s.Author.URL).str(s.Author.Email)
	h.int(int64(len(model.FeedEntries(f))))
	for _, p := range model.FeedEntries(f) {
		h.digest(k.entryKey(p))
	}
}

// entryKey is the digest of page p's feed entry, made once per build.
func (k *keyer) entryKey(p *model.Page) digest {
	pd := k.m.pd[p]
	pd.entryOnce.Do(func() {
		h := newHasher().str("entry")
		entryDigest(h, k.m.site, pd, p)
		pd.entry = h.sum()
	})
	return pd.entry
}

// digestPage makes the digests of the groups of page p of m.
func (b *Builder) digestPage(m *siteModel, p *model.Page) *pageDigests {
	pd := &pageDigests{id: model.OutputOf(p)}
	h := borrowHasher() // one for every group, emptied after each sum
	defer h.giveBack()
	pd.link = h.str(p.Kind).str(p.Type).str(p.Section).str(p.Title).str(p.URL).str(p.Permalink).str(p.File).sum()

	career := b.careerDigest(p)
	h.reset().str(p.Description).time(p.Date).time(p.Updated).time(p.Lastmod).bool(p.Draft)
	h.strs(p.Tags).strs(p.Skills).strs(p.Authors).int(int64(p.Weight)).digest(career)
	h.value(reflect.ValueOf(p.Params)).bool(p.PostingOpen).bool(p.PostingClosed)
	pd.meta = h.sum()

	c := convOf(p)
	if c != nil && c.res != nil && p.Summary == c.summary && p.WordCount == c.res.WordCount && p.ReadingTime == c.res.ReadingTime {
		pd.summary = c.summaryDigest
	} else {
		pd.summary = summaryDigest(p.Summary, p.WordCount, p.ReadingTime)
	}
	if c != nil && c.res != nil && sameHeadings(p.Headings, c.res.Headings) {
		pd.content = c.contentDigest
	} else {
		pd.content = contentDigest("", "", p.Headings)
	}

	jsonldDigest(h.reset(), m.site, p, career)
	pd.der = h.sum()

	h.reset().int(int64(len(p.Feeds)))
	for _, f := range p.Feeds {
		h.str(f.Title).str(f.URL).str(f.Permalink)
	}
	pd.feed = h.sum()

	h.reset()
	v := reflect.ValueOf(p).Elem()
	for _, i := range otherFields {
		h.value(v.Field(i))
	}
	pd.other = h.sum()

	pd.self = h.reset().str(pd.id).digest(pd.link).digest(pd.meta).digest(pd.summary).digest(pd.content).
		digest(pd.der).digest(pd.feed).digest(pd.other).sum()
	return pd
}

func sameHeadings(a, b []markdown.Heading) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// careerDigest is the digest of p's career data, made once per value: the
// data of a page whose source has not changed is the same value.
func (b *Builder) careerDigest(p *model.Page) digest {
	var key any
	switch {
	case p.Job != nil:
		key = p.Job
	case p.Role != nil:
		key = p.Role
	case p.Certification != nil:
		key = p.Certification
	default:
		return digest{}
	}
	if d, ok := b.career.get(key); ok {
		return d
	}
	d := newHasher().value(reflect.ValueOf(model.CareerData(p))).sum()
	b.career.put(key, d)
	return d
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
func entryDigest(h *hasher, s *model.Site, pd *pageDigests, p *model.Page) {
	h.str(p.Permalink).str(p.Title).time(p.Date).time(p.Lastmod).strs(p.Authors).str(p.Description)
	h.digest(pd.summary).digest(pd.content)
	for _, t := range s.Taxonomies {
		h.str(t.Permalink())
		for _, term := range p.Terms(t.Name) {
			h.str(term.Slug).str(term.Name)
		}
		h.int(-1)
	}
}
