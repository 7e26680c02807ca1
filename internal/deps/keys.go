package deps

import (
	"fmt"
	"reflect"
	"slices"
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
	siteReads map[string]*Shared // site-rooted reads, the same for every output

	stepMu  sync.Mutex
	steps   map[stepKey][]any             // members of shared objects (terms, taxonomies, the site)
	walks   map[walkKey]*Shared           // walks from shared objects
	lookups map[*model.Taxonomy]*lookedUp // the record of each taxonomy's lookups by name, as this Keyer first saw it (lookups.go)
	global  struct {
		once sync.Once
		d    Digest
	}
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
		siteReads: map[string]*Shared{},
		steps:     map[stepKey][]any{},
		walks:     map[walkKey]*Shared{},
		lookups:   map[*model.Taxonomy]*lookedUp{},
	}
}

// PageKey is the key of a page and what an edit of other pages must know
// of it.
type PageKey struct {
	Key Digest

	// When Page was asked for them, what the page's templates read of
	// other pages: the pages at the end of each path they follow from the
	// page, with the groups read (Reads); the reads that many outputs
	// share, from .Site or through a term or a taxonomy (Shared); and
	// whether they may read anything of any page (All).
	Reads  []Read
	Shared []*Shared
	All    bool
}

// A Read is an output's read of the fields of one page: which page, and
// which of its groups.
type Read struct {
	Page   *model.Page
	groups group
}

// Sees reports whether the read sees changes c of its page.
func (r Read) Sees(c Changes) bool { return r.groups&c.groups != 0 }

// Whole is a read of every group of page p: what an output made from the
// whole page reads of it (the page's own, a feed its entry).
func Whole(p *model.Page) Read { return Read{Page: p, groups: pageGroups} }

// Shared is a read that many outputs make alike: from .Site, or from a
// term or a taxonomy on. Its digest is made once per build.
type Shared struct {
	once   sync.Once
	d      Digest
	groups group
	reach  reach // the pages at its ends, and the shared reads within it
}

// seesAny reports whether the read sees changes c of one of the pages
// changed reports: such a page is at one of its ends, or a list it
// followed starts there (order.go), with one of the groups that changed.
func (s *Shared) seesAny(changed func(*model.Page) bool, c Changes) bool {
	if s.groups&c.groups == 0 {
		return false
	}
	if slices.ContainsFunc(s.reach.reads, func(r Read) bool { return r.Sees(c) && changed(r.Page) }) {
		return true
	}
	return slices.ContainsFunc(s.reach.shared, func(in *Shared) bool { return in.seesAny(changed, c) })
}

// seal gives s, its walk done, the groups of every read within it, so
// that seesAny looks into it only for the changes one of them sees.
func (s *Shared) seal() {
	for _, r := range s.reach.reads {
		s.groups |= r.groups
	}
	for _, in := range s.reach.shared {
		s.groups |= in.groups
	}
}

// reach collects what a walk reaches: the pages at its ends, with the
// groups read of them, and the shared walks it went through, whose pages
// it does not copy.
type reach struct {
	reads  []Read
	shared []*Shared
}

// Page returns the key of page p rendered with page template t, and, when
// reads is set, what it reads of other pages.
func (k *Keyer) Page(p *model.Page, t *Template, reads bool) PageKey {
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
		out.All = true
	}
	var r *reach
	if reads {
		r = &reach{}
	}
	for _, rd := range t.reads {
		h.Str(rd.key).Int(int64(rd.groups))
		if rd.path.site {
			s := k.siteRead(rd, p.Site)
			h.Digest(s.d)
			if r != nil {
				r.shared = append(r.shared, s)
			}
			continue
		}
		k.walk(h, []any{p}, rd.path.steps, rd.groups, r)
	}
	if r != nil {
		out.Reads, out.Shared = r.reads, r.shared
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

// siteRead returns the read r from .Site, site, made once per build and
// language.
func (k *Keyer) siteRead(r *read, site *model.Site) *Shared {
	key := site.Language + "#" + r.key + "#" + strconv.Itoa(int(r.groups))
	k.siteMu.Lock()
	s := k.siteReads[key]
	if s == nil {
		s = &Shared{groups: r.groups}
		k.siteReads[key] = s
	}
	k.siteMu.Unlock()
	s.once.Do(func() {
		h := NewHasher()
		k.walk(h, []any{site}, r.path.steps, r.groups, &s.reach)
		s.d = h.Sum()
		s.seal()
	})
	return s
}

// walk follows steps from objs and writes the groups g of the objects at
// the end, with their identities, into h. The number of objects every
// object leads to is written too, so that the same objects reached in
// another arrangement (a page moved from one section's list to another's)
// give another digest. What it reaches is added to r, unless r is nil.
// From an object many outputs reach (a term, a taxonomy, the site), the
// rest of the walk is made once per build, and added to r as one Shared.
func (k *Keyer) walk(h *Hasher, objs []any, steps []step, g group, r *reach) {
	if len(steps) == 0 {
		for _, o := range objs {
			k.object(h, o, g)
			if r == nil {
				continue
			}
			switch o := o.(type) {
			case *model.Page:
				if o != nil {
					r.reads = append(r.reads, Read{Page: o, groups: g})
				}
			case *model.Term:
				if o != nil {
					r.reads = appendTermRead(r.reads, o, g)
				}
			}
		}
		return
	}
	for _, o := range objs {
		if isShared(o) {
			w := k.sharedWalk(o, steps, g)
			h.Digest(w.d)
			if r != nil {
				r.shared = append(r.shared, w)
			}
			continue
		}
		next := k.step(o, steps[0])
		if r != nil {
			r.reads = k.appendOrderRead(r.reads, o, steps[0])
		}
		k.writeLookups(h, o, steps[0])
		h.Int(int64(len(next)))
		k.walk(h, next, steps[1:], g, r)
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

// sharedWalk is walk from one shared object, made once per build.
func (k *Keyer) sharedWalk(o any, steps []step, g group) *Shared {
	key := walkKey{o, depPath{steps: steps}.String(), g}
	k.stepMu.Lock()
	w := k.walks[key]
	if w == nil {
		w = &Shared{groups: g}
		k.walks[key] = w
	}
	k.stepMu.Unlock()
	w.once.Do(func() {
		h := NewHasher()
		next := k.step(o, steps[0])
		w.reach.reads = k.appendOrderRead(w.reach.reads, o, steps[0])
		k.writeLookups(h, o, steps[0])
		h.Int(int64(len(next)))
		k.walk(h, next, steps[1:], g, &w.reach)
		w.d = h.Sum()
		w.seal()
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
		if l := k.lookedUpBy(o, s); l != nil {
			return anys(l.terms)
		}
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
				k.walk(h, []any{p}, []step{{name: r.name}}, 0, nil)
			}
		}
		for _, t := range k.taxonomies() {
			k.object(h, t, all)
			for _, term := range t.Terms {
				k.object(h, term, all)
				k.walk(h, []any{term}, []step{{name: "Pages"}}, 0, nil)
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
