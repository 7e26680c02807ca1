package deps

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"github.com/careersite/careersite/internal/model"
)

// Inputs are what the keys of one build are made from besides the
// templates, as the pipeline gives them to NewKeyer. The Keyer reads
// nothing else: a key is a function of these and of the Template it is
// given.
type Inputs struct {
	Version Digest // of the binary: a key made by another binary is never equal
	Config  Digest // of site.yaml and the build's options, which make every .Site field but the lists
	Assets  Digest // of the asset table (names, URLs, integrity) and of every page resource's bytes: in the key of a page whose templates call asset or image
	Data    Digest // of the data files: in the key of a page whose templates read .Site.Data

	Site    *model.Site
	Pages   []*model.Page                // every page of the model, in its order
	Digests map[*model.Page]*PageDigests // the digests of every page's groups (DigestPage)
}

// A Keyer makes the dependency keys of one build's outputs (see the
// package comment for what a key holds). It keeps, for the build, what
// many outputs read alike — reads from .Site, walks from terms and
// taxonomies, the digest of the whole model — and is safe for use by many
// goroutines at once.
type Keyer struct {
	in   Inputs
	base Digest // version and configuration

	siteMu    sync.Mutex
	siteReads map[string]*onceDigest // site-rooted reads, the same for every output

	stepMu sync.Mutex
	steps  map[stepKey][]any   // members of shared objects (terms, taxonomies, the site)
	walks  map[walkKey]*walked // walks from shared objects
	global onceDigest
}

type onceDigest struct {
	once sync.Once
	d    Digest
	body bool // it reads body groups of some page
}

type stepKey struct {
	obj  any
	step step
}

// NewKeyer returns a Keyer for the build whose inputs are in.
func NewKeyer(in Inputs) *Keyer {
	return &Keyer{
		in:        in,
		base:      NewHasher().Digest(in.Version).Digest(in.Config).Sum(),
		siteReads: map[string]*onceDigest{},
		steps:     map[stepKey][]any{},
		walks:     map[walkKey]*walked{},
	}
}

// PageKey is the key of a page and what a body edit must know of it.
type PageKey struct {
	Key Digest

	// Body are the pages whose body groups (summary, content) the page's
	// templates read through its relations, when Page was asked for them;
	// BodyAll reports that they may read the body of any page.
	Body    []*model.Page
	BodyAll bool
}

// Page returns the key of page p rendered with page template t, and, when
// bodies is set, the pages whose body it reads.
func (k *Keyer) Page(p *model.Page, t *Template, bodies bool) PageKey {
	var out PageKey
	h := BorrowHasher()
	defer h.GiveBack()
	h.Digest(k.base).Str("page").Str(model.OutputOf(p)).Digest(t.digest).Digest(k.in.Digests[p].self)
	d := t.deps
	if d.asset {
		h.Digest(k.in.Assets)
	}
	if d.global {
		h.Digest(k.globalDigest())
		out.BodyAll = true
	}
	for _, r := range t.reads {
		h.Str(r.key).Int(int64(r.groups))
		if r.path.site {
			od := k.siteRead(r, p.Site)
			h.Digest(od.d)
			out.BodyAll = out.BodyAll || od.body
			continue
		}
		if bodies && r.groups&bodyGroups != 0 {
			k.walk(h, []any{p}, r.path.steps, r.groups, &out.Body)
		} else {
			k.walk(h, []any{p}, r.path.steps, r.groups, nil)
		}
	}
	out.Key = h.Sum()
	return out
}

// File returns the key of the generated file name, whose digest func
// writes what it is made from.
func (k *Keyer) File(name string, digest func(*Hasher, *Keyer)) Digest {
	h := NewHasher().Digest(k.base).Str("file").Str(name)
	digest(h, k)
	return h.Sum()
}

// Asset returns the key of the asset published as name with bytes data.
func (k *Keyer) Asset(name string, data []byte) Digest {
	return NewHasher().Digest(k.base).Str("asset").Str(name).Bytes(data).Sum()
}

// siteRead returns the digest of a read from .Site, site, made once per
// build and language.
func (k *Keyer) siteRead(r *read, site *model.Site) *onceDigest {
	key := site.Language + "#" + r.key + "#" + strconv.Itoa(int(r.groups))
	k.siteMu.Lock()
	od := k.siteReads[key]
	if od == nil {
		od = &onceDigest{}
		k.siteReads[key] = od
	}
	k.siteMu.Unlock()
	od.once.Do(func() {
		h := NewHasher()
		var reached []*model.Page
		k.walk(h, []any{site}, r.path.steps, r.groups, &reached)
		od.d = h.Sum()
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
func (k *Keyer) walk(h *Hasher, objs []any, steps []step, g group, reached *[]*model.Page) {
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
			h.Digest(w.d)
			if reached != nil {
				*reached = append(*reached, w.reached...)
			}
			continue
		}
		next := k.step(o, steps[0])
		h.Int(int64(len(next)))
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
	d       Digest
	reached []*model.Page
}

// sharedWalk is walk from one shared object, made once per build.
func (k *Keyer) sharedWalk(o any, steps []step, g group) *walked {
	key := walkKey{o, depPath{steps: steps}.String(), g}
	k.stepMu.Lock()
	w := k.walks[key]
	if w == nil {
		w = &walked{}
		k.walks[key] = w
	}
	k.stepMu.Unlock()
	w.once.Do(func() {
		h := NewHasher()
		next := k.step(o, steps[0])
		h.Int(int64(len(next)))
		k.walk(h, next, steps[1:], g, &w.reached)
		w.d = h.Sum()
	})
	return w
}

// step returns what member s of object o gives, as a list.
func (k *Keyer) step(o any, s step) []any {
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
		panic(fmt.Sprintf("deps: no step %v from a %T", s, o)) // the analysis only makes steps along relations of the table
	}
	return m.follow(o, s)
}

// object writes an object's identity and the digests of its groups g.
func (k *Keyer) object(h *Hasher, o any, g group) {
	switch o := o.(type) {
	case *model.Page:
		if o == nil {
			h.Str("-")
			return
		}
		pd := k.in.Digests[o]
		h.Str(pd.id)
		pd.write(h, g)
	case *model.Term:
		if o == nil {
			h.Str("-")
			return
		}
		h.Str(o.Taxonomy.Name).Str(o.Slug)
		if g&gTermLink != 0 {
			h.Str(o.Name).Str(o.URL()).Str(o.Permalink())
		}
		if g&gTermCount != 0 {
			h.Int(int64(o.Count))
		}
	case *model.Taxonomy:
		if o == nil {
			h.Str("-")
			return
		}
		h.Str(o.Name)
		if g&gTaxLink != 0 {
			h.Str(o.Title).Str(o.URL()).Str(o.Permalink())
		}
	case *model.Paginator:
		if o == nil {
			h.Str("-")
			return
		}
		h.Str(o.URL())
		if g&gPaginator != 0 {
			h.Int(int64(o.PageNumber())).Int(int64(o.TotalItems())).Int(int64(o.PageSize())).Int(int64(o.TotalPages()))
			for _, p := range model.PagerPages(o) {
				h.Str(p.URL)
			}
		}
	case *model.Site:
		h.Str("site")
		if g&gSiteData != 0 {
			h.Digest(k.in.Data)
		}
	default:
		h.Str("?")
	}
}

// globalDigest is the digest of the whole model: every page with all its
// groups and relations, in order, and every term. An output whose
// templates might read anything depends on it.
func (k *Keyer) globalDigest() Digest {
	k.global.once.Do(func() {
		h := NewHasher().Str("global")
		all := group(0)
		for _, m := range models {
			for _, mem := range m.members {
				all |= mem.group
			}
		}
		all |= pageGroups
		var reached []*model.Page
		k.object(h, k.in.Site, all)
		for _, p := range k.in.Pages {
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
		for _, t := range k.taxonomies() {
			k.object(h, t, all)
			for _, term := range t.Terms {
				k.object(h, term, all)
				k.walk(h, []any{term}, []step{{name: "Pages"}}, 0, &reached)
			}
		}
		k.global.d = h.Sum()
	})
	return k.global.d
}

// Feed writes what feed f is made from: its own fields, the site's that
// generate.Feed reads, and the key of every entry (EntryKey).
func (k *Keyer) Feed(h *Hasher, f *model.Feed) {
	s := model.FeedList(f).Site
	h.Str("feed").Str(f.Title).Str(f.Permalink).Str(model.FeedList(f).Permalink).Str(model.FeedList(f).Description)
	h.Str(s.Language).Str(s.Title).Str(s.Home.Permalink).Str(s.Author.Name).Str(s.Author.URL).Str(s.Author.Email)
	h.Int(int64(len(model.FeedEntries(f))))
	for _, p := range model.FeedEntries(f) {
		h.Digest(k.EntryKey(p))
	}
}

// EntryKey is the digest of what page p's feed entry (generate.Entry) is
// made from, made once per build.
func (k *Keyer) EntryKey(p *model.Page) Digest {
	pd := k.in.Digests[p]
	pd.entryOnce.Do(func() {
		h := NewHasher().Str("entry")
		entryDigest(h, p.Site, pd, p)
		pd.entry = h.Sum()
	})
	return pd.entry
}

// taxonomies are the taxonomies of every language's site, in the order
// the pages lead to them: those of Inputs.Site on a site of one language.
func (k *Keyer) taxonomies() []*model.Taxonomy {
	var out []*model.Taxonomy
	seen := map[*model.Site]bool{}
	for _, p := range k.in.Pages {
		if p.Site != nil && !seen[p.Site] {
			seen[p.Site] = true
			out = append(out, p.Site.Taxonomies...)
		}
	}
	if len(seen) == 0 && k.in.Site != nil {
		out = k.in.Site.Taxonomies
	}
	return out
}
