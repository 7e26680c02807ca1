package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
	"github.com/careersite/careersite/internal/parallel"
)

// This file plans a build: whether the model is kept, patched or made
// anew (prepare), and every output's dependency key (replan, with
// internal/deps), so that only outputs whose key changed are made.

// plan is what one build publishes.
type plan struct {
	m        *siteModel
	items    []*item // every output file, sorted by name
	warnings []error // stale data, closed postings, long descriptions

	bodiesStale bool // the files of bodyFiles were left for FinishDeferred
	deferred    int  // how many files were left for FinishDeferred
}

// An item is one output file and its key.
type item struct {
	name     string
	key      deps.Digest
	page     *model.Page // a page, rendered with tmpl
	tmpl     string
	gen      *generate.File  // or a generated file
	asset    *assets.File    // or an asset
	resource *model.Resource // or a page's resource (internal/bundlefiles)
	image    *images.Output  // or an image a page body shows
	deferred bool            // publish the file of the last commit as it is (Options.Defer)
}

// deferPlan is p less the files made from every page: feeds whose key
// changed, and the files of bodyFiles, are published as the last commit
// had them, for FinishDeferred to make.
func (b *Builder) deferPlan(p *plan) *plan {
	items := make([]*item, 0, len(p.items))
	deferred := 0
	for _, it := range p.items {
		if it.gen != nil && (it.gen.Feed != nil || it.gen.FromBodies) {
			if prev := b.outs[it.name]; prev != nil && prev.key != it.key {
				it = &item{name: it.name, key: prev.key, deferred: true}
				deferred++
			}
		}
		items = append(items, it)
	}
	if p.bodiesStale {
		n := len(items)
		for name, st := range b.outs {
			if !st.body {
				continue
			}
			if _, found := slices.BinarySearchFunc(items[:n], name, func(it *item, name string) int { return strings.Compare(it.name, name) }); !found {
				items = append(items, &item{name: name, key: st.key, deferred: true})
			}
		}
		slices.SortFunc(items, func(a, b *item) int { return strings.Compare(a.name, b.name) })
		deferred++ // the files of bodyFiles, made anew
	}
	return &plan{m: p.m, items: items, warnings: p.warnings, deferred: deferred}
}

func (b *Builder) prepare(ctx context.Context, changed []string, now time.Time) (*plan, error) {
	all := changed == nil || b.cfg == nil
	cfgChanged, layoutsChanged, assetsChanged, dataChanged := all, all, all, all
	var contentPaths []string
	for _, p := range changed {
		switch {
		case p == config.Name:
			cfgChanged = true
		case isLayout(p), isStrings(p):
			layoutsChanged = true
		case isAsset(p):
			assetsChanged = true
		case isData(p):
			dataChanged = true
		default:
			contentPaths = append(contentPaths, p)
		}
	}
	fresh := false
	if cfgChanged {
		var err error
		if fresh, err = b.readConfig(); err != nil {
			return nil, err
		}
	}
	var problems []error
	// A data file that failed fails every build until it is fixed, as
	// assets do: read it again while its error stands.
	if fresh || dataChanged || b.data == nil || b.dataErr != nil {
		newData, err := b.readData()
		if err != nil && !errors.As(err, new(*diag.Error)) {
			return nil, err
		}
		problems = append(problems, diag.Leaves(err)...)
		dataChanged = newData
	}
	b.conv.SetData(b.data, b.dataDigest)
	m := b.m
	if dataChanged {
		m = nil // .Site.Data is new
	}
	var diff []string
	var err error
	if fresh {
		m = nil
		layoutsChanged, assetsChanged = true, true
		err = b.reparseAll(ctx, now)
	} else {
		diff, err = b.readContent(ctx, all, contentPaths, now)
		if len(b.unplanned) > 0 {
			diff = slices.Compact(slices.Sorted(slices.Values(append(diff, b.unplanned...))))
		}
	}
	b.unplanned = nil
	if err != nil {
		return nil, err
	}
	stringsBefore := b.stringsDigest
	if layoutsChanged || b.renderer == nil {
		problems = append(problems, diag.Leaves(b.readLayouts())...)
	}
	if assetsChanged || b.assets == nil || b.assetsErr != nil {
		b.assetsErr = b.readAssets(ctx)
	}
	problems = append(problems, diag.Leaves(b.assetsErr)...)

	switch {
	case len(problems) > 0:
		m = nil
	case m != nil && (m.forgotten || !m.stillValid(b, now)):
		m = nil
	case m != nil && b.stringsDigest != stringsBefore:
		m = nil // the titles the model makes up and the social cards' words are the strings'.
	case m != nil && (layoutsChanged || assetsChanged) && len(diff) > 0:
		m = nil
	case m != nil && assetsChanged && m.images:
		m = nil // an image's width and height may have changed
	case m != nil && (layoutsChanged || assetsChanged) && b.anyShortcodeStale(m):
		m = nil // pages whose shortcodes changed convert again
	case m != nil && layoutsChanged && b.paginationChanged(m):
		m = nil // a list template began or stopped reading .Paginator: the pagers change
	}
	switch {
	case m == nil:
		return b.fullPlan(ctx, now, problems)
	case layoutsChanged || assetsChanged:
		return b.keysPlan(ctx, m, now)
	}
	return b.patchPlan(ctx, m, diff, now)
}

// fullPlan makes the model from the sources, then every output's key.
func (b *Builder) fullPlan(ctx context.Context, now time.Time, problems []error) (*plan, error) {
	made, err := b.makeModel(ctx, now)
	if err != nil {
		return nil, err
	}
	m, warnings := made.m, made.warnings
	problems = append(problems, made.problems...)
	if m != nil && b.assets != nil {
		problems = append(problems, generate.CheckOutputs(m.pages, m.files, b.assets)...)
	}
	if len(problems) > 0 {
		return nil, failed(errors.Join(problems...), warnings)
	}
	p, err := b.planAll(m, warnings)
	if p != nil {
		p.bodiesStale = b.deferring
		b.stats.how = "full"
	}
	return p, err
}

// keysPlan keeps the model, whose sources have not changed, and makes
// every output's key again: the templates or the assets changed.
func (b *Builder) keysPlan(ctx context.Context, m *siteModel, now time.Time) (*plan, error) {
	warnings := b.pageWarnings(m.pub, now)
	if errs := generate.CheckOutputs(m.pages, m.files, b.assets); len(errs) > 0 {
		return nil, failed(errors.Join(errs...), warnings)
	}
	p, err := b.planAll(m, warnings)
	if p != nil {
		b.stats.how = "keys"
	}
	return p, err
}

// patchPlan applies edits to pages that keep the model's shape (the same
// pages, relations and URLs): edits of their bodies, and of the front
// matter that gives the model no other shape (model.Patchable: a
// description, params, a regular page's title, dates, weight and career
// data). The pages are patched in place; so are the pages shortcodes look
// up, and the bodies whose shortcodes look pages up convert again; so are
// the generated files made from what changed (patchfiles.go); a page
// that moves among the others (model.KeepsOrder) has its lists sorted
// again (reorder.go); a page whose tags or skills changed (one file's
// edit: model.CanRetag) moves between the terms, which it may make or
// drop with their pages (retag.go). Only the outputs that read what changed of those
// pages get new keys (deps.Readers). Anything else makes the model anew.
func (b *Builder) patchPlan(ctx context.Context, m *siteModel, diff []string, now time.Time) (*plan, error) {
	changed, ok := b.patchable(m, diff, now)
	if !ok {
		return b.fullPlan(ctx, now, nil)
	}
	// The conversions of before, to compare the images they publish.
	before := make([]*convert.Conversion, len(changed))
	for i, s := range changed {
		before[i] = m.srcs[s.Path].Conv
	}
	if err := b.convert(ctx, changed); err != nil {
		return nil, err
	}
	var problems []error
	for _, s := range changed {
		problems = append(problems, s.Conv.Problems()...)
	}
	pub := slices.Clone(m.pub)
	for i, p := range pub {
		if s := b.sources[p.Path]; s != nil && s.Page != p && slices.Contains(diff, p.Path) {
			pub[i] = s.Page
		}
	}
	warnings := b.pageWarnings(pub, now)
	if len(problems) > 0 {
		if b.checking && !slices.ContainsFunc(changed, func(s *pagesource.Source) bool { return !slices.Contains(diff, s.Path) }) {
			// The model is kept (build), as it is: the next build
			// patches these pages in. (Not when the bodies of other
			// pages converted again: their sources hold the new
			// conversions, which the next build would not know for
			// new.)
			b.unplanned = diff
		}
		return nil, failed(errors.Join(problems...), warnings)
	}
	for i, s := range changed {
		if !sameImageFiles(before[i], s.Conv) {
			return b.fullPlan(ctx, now, nil) // the image files published changed
		}
	}
	for _, path := range diff {
		m.srcs[path] = b.sources[path]
	}
	m.pub = pub
	// The sources of diff, parsed anew, may be time-sensitive now or no
	// longer (their dates changed).
	m.timeSensitive = slices.DeleteFunc(slices.Clone(m.timeSensitive), func(src *content.Page) bool { return slices.Contains(diff, src.Path) })
	for _, path := range diff {
		m.timeSensitive = append(m.timeSensitive, content.TimeSensitive([]*content.Page{b.sources[path].Page}, m.now)...)
	}
	redo := map[string]bool{}
	var patched []patchedPage
	var moved []*model.Page // pages patched into another place among the others
	var retagged []retagging
	for _, s := range changed {
		for _, p := range m.byFile[s.Path] {
			before := *p
			if !model.KeepsOrder(m.pages, p, s.Page) {
				moved = append(moved, p)
			}
			if model.Retags(p, s.Page) {
				retagged = append(retagged, retagging{p, s.Page})
			}
			model.PatchFrontMatter(p, s.Page, now)
			model.Refill(p, s.Conv.Body())
			patched = append(patched, patchedPage{p, &before})
		}
	}
	for _, rt := range retagged {
		if !b.retag(m, rt, redo) {
			m.forgotten = true // half patched
			return b.fullPlan(ctx, now, nil)
		}
	}
	b.patchFiles(m, patched, redo)
	for _, pp := range patched {
		p := pp.page
		old := m.pd[p]
		m.pd[p] = b.digestPage(m, p)
		m.readers.See(p, deps.Changed(old, m.pd[p]), redo)
	}
	if len(moved) > 0 {
		reorder(m, moved, redo)
	}
	if len(changed) > 0 && !b.deferring {
		// The files made from the bodies of every page (the search
		// index) are made again.
		if err := b.regenerate(m, redo); err != nil {
			return nil, failed(err, warnings)
		}
	}
	p := b.replan(m, redo, len(moved)+len(retagged) > 0, warnings)
	p.bodiesStale = len(changed) > 0 && b.deferring
	b.stats.how = "patch"
	return p, nil
}

// patchable returns the published sources of diff, the files changed
// since m was made, whose pages patchPlan patches, with the published
// sources whose bodies convert again because their shortcodes look up a
// page whose front matter changed; false when an edit changes the model's
// shape, and the model is made anew.
func (b *Builder) patchable(m *siteModel, diff []string, now time.Time) ([]*pagesource.Source, bool) {
	rules := b.opts.publishing(now)
	var changed []*pagesource.Source
	lookups := false // a page that shortcodes can look up changed its front matter
	for _, path := range diff {
		old, cur := m.srcs[path], b.sources[path]
		if len(diff) > 1 && old != nil && cur != nil && cur.Page != nil && retags(m, cur.Page) {
			return nil, false // the terms' checks are of one page's change
		}
		if old == nil || cur == nil || cur.Page == nil || cur.Err != nil || m.published[path] != rules.Publishes(cur.Page) {
			return nil, false
		}
		if !m.published[path] {
			if old.FrontMatter != cur.FrontMatter {
				return nil, false // references to it are checked
			}
			continue
		}
		if old.FrontMatter != cur.FrontMatter {
			if !b.frontMatterPatchable(m, old.Page, cur.Page, now) || !b.conv.SetPage(cur.Input()) {
				return nil, false
			}
			lookups = true
		}
		changed = append(changed, cur)
	}
	if lookups {
		for _, src := range m.pub {
			if s := b.sources[src.Path]; s != nil && !slices.Contains(diff, src.Path) && b.conv.Stale(s.Conv) {
				changed = append(changed, s)
			}
		}
	}
	return changed, true
}

// frontMatterPatchable reports whether the pages of m made from old, a
// published source, may be patched (patchPlan) to be what cur, its file
// parsed anew, makes at now: model.Patchable, its tags and skills changed
// only as model.CanRetag lets them, a job's posting in the state the
// shortcodes' page lookup took it in (at m.now, convert.SetPage), and a
// card the title fits on (a full build reports one it does not).
func (b *Builder) frontMatterPatchable(m *siteModel, old, cur *content.Page, now time.Time) bool {
	if !model.Patchable(b.cfg, old, cur) {
		return false
	}
	for _, p := range m.byFile[old.Path] {
		if model.Retags(p, cur) && (len(m.byFile[old.Path]) > 1 || !model.CanRetag(b.cfg, m.pages, p, cur, m.claims)) {
			return false
		}
	}
	if j := cur.Career.Job; j != nil && (j.PostingOpen(now) != j.PostingOpen(m.now) || j.PostingClosed(now) != j.PostingClosed(m.now)) {
		return false
	}
	for _, p := range m.byFile[old.Path] {
		after := *p
		model.PatchFrontMatter(&after, cur, now)
		if c, ok := b.cardOf(&after); ok && b.cards.Check(c.Card) != nil {
			return false
		}
	}
	return true
}

// regenerate makes the generated files of m that are made from page
// bodies again (bodyFiles) and puts them in its items, to be keyed again.
func (b *Builder) regenerate(m *siteModel, redo map[string]bool) error {
	files, err := b.withBodyFiles(m)
	if err != nil {
		return err
	}
	if errs := generate.CheckOutputs(m.pages, files, b.assets); len(errs) > 0 {
		return diag.Sorted(errs...)
	}
	m.files = files
	items := slices.DeleteFunc(slices.Clone(m.items), func(it *item) bool { return it.gen != nil && it.gen.FromBodies })
	for i := range files {
		if files[i].FromBodies {
			items = append(items, &item{name: files[i].Name, gen: &files[i]})
			redo[files[i].Name] = true
		}
	}
	slices.SortFunc(items, func(a, b *item) int { return strings.Compare(a.name, b.name) })
	m.items = items
	return nil
}

// planAll plans every output of m.
func (b *Builder) planAll(m *siteModel, warnings []error) (*plan, error) {
	var items []*item
	var problems []error
	for _, p := range m.pages {
		name, err := b.renderer.Find(lookupOf(p))
		if err != nil {
			problems = append(problems, model.Where(p).Wrap("", err))
			continue
		}
		items = append(items, &item{name: model.OutputOf(p), page: p, tmpl: name})
		for _, r := range p.Resources {
			items = append(items, &item{name: model.ResourceOutput(r), resource: r})
		}
	}
	for i := range m.files {
		if m.files[i].ClaimOnly {
			continue
		}
		items = append(items, &item{name: m.files[i].Name, gen: &m.files[i]})
	}
	for _, name := range b.assets.Names() {
		a := b.assets.File(name)
		items = append(items, &item{name: a.Out, asset: a})
	}
	items = append(items, imageItems(m.pages)...)
	if len(problems) > 0 {
		return nil, failed(errors.Join(problems...), warnings)
	}
	slices.SortFunc(items, func(a, b *item) int { return strings.Compare(a.name, b.name) })
	m.items = items
	m.needLD = false
	all := map[string]bool{}
	for _, it := range items {
		all[it.name] = true
	}
	return b.replan(m, all, false, warnings), nil
}

// replan makes the keys of the items of m named in redo, keeping the
// others'. When reread is set, their lists were sorted again
// (model.Reorder): what they read replaces what they read before in the
// index of readers.
func (b *Builder) replan(m *siteModel, redo map[string]bool, reread bool, warnings []error) *plan {
	k := b.keyer(m)
	var todo []*item
	for _, it := range m.items {
		if redo[it.name] {
			todo = append(todo, it)
		}
	}
	// A whole plan records who reads what (deps.Readers), unless the
	// Builder builds once: then no later build is planned from it.
	index := len(redo) == len(m.items) && b.life.plansAgain()
	reads := index || reread
	res := make([]deps.Reads, len(todo))
	parallel.For(len(todo), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			it := todo[i]
			switch {
			case it.page != nil:
				pk := k.Page(it.page, b.templates.Page(it.tmpl), reads)
				it.key, res[i] = pk.Key, deps.Reads{Pages: pk.Reads, Shared: pk.Shared, All: pk.All}
				if reads {
					res[i].Pages = append(res[i].Pages, deps.Whole(it.page))
				}
			case it.gen != nil:
				it.key = k.File(it.name, it.gen.Digest)
				if f := it.gen.Feed; f != nil && reads {
					res[i].Pages = append(res[i].Pages, deps.Whole(model.FeedList(f)))
					for _, p := range model.FeedEntries(f) {
						res[i].Pages = append(res[i].Pages, deps.Whole(p))
					}
				}
			case it.asset != nil:
				it.key = k.Asset(it.name, it.asset.Data)
			case it.resource != nil:
				it.key = k.File(it.name, b.resources.Key(it.resource))
			case it.image != nil:
				it.key = k.Asset(it.name, it.image.Key[:])
			}
		}
	})
	if reads {
		names := make([]string, len(todo))
		for i, it := range todo {
			names[i] = it.name
		}
		if index {
			m.readers = deps.NewReaders(names, res)
		} else {
			m.readers.Replace(names, res)
		}
	}
	if len(redo) == len(m.items) {
		for _, it := range todo {
			if it.page != nil {
				m.needLD = m.needLD || b.templates.Page(it.tmpl).ReadsOthersJSONLD()
			}
		}
	}
	return &plan{m: m, items: m.items, warnings: warnings}
}

// unchanged reports whether every output has the key it had at the last
// commit into the destination and is still there as written: then there is
// nothing to write.
//
// The image files that templates named are not items of the plan: when
// every page's key is unchanged, its templates name the same files, which
// must still be there as written.
func (b *Builder) unchanged(p *plan) bool {
	if p == nil {
		return false
	}
	byTemplate := 0
	for name, s := range b.outs {
		if s.byTemplate {
			byTemplate++
			if !b.stillWritten(name, s) {
				return false
			}
		}
	}
	if len(p.items) != len(b.outs)-byTemplate {
		return false
	}
	for _, it := range p.items {
		prev := b.outs[it.name]
		if prev == nil || prev.key != it.key || prev.byTemplate || !b.stillWritten(it.name, prev) {
			return false
		}
	}
	return true
}

// stillWritten reports whether the file name of the destination is as
// the last commit wrote it.
func (b *Builder) stillWritten(name string, s *outState) bool {
	info, err := os.Lstat(filepath.Join(b.dest, filepath.FromSlash(name)))
	return err == nil && info.Mode().IsRegular() && info.Size() == s.stamp.Size && info.ModTime().UnixNano() == s.stamp.ModTime
}

// anyShortcodeStale reports whether a published page of m converts
// anew because its shortcodes' templates, or what they read, changed.
func (b *Builder) anyShortcodeStale(m *siteModel) bool {
	for path := range m.published {
		if s := b.sources[path]; s != nil && s.Conv != nil && b.conv.Stale(s.Conv) {
			return true
		}
	}
	return false
}

// sameImageFiles reports whether two conversions of a body publish the
// same image files: then an edit of the body keeps the model's items, and
// the build is patched.
func sameImageFiles(old, cur *convert.Conversion) bool {
	a, b := old.Images(), cur.Images()
	return slices.EqualFunc(a, b, func(x, y *images.Output) bool { return x.Name == y.Name })
}

// imageItems are the files of the images the bodies of pages show, once
// each, by name.
func imageItems(pages []*model.Page) []*item {
	seen := map[string]bool{}
	var items []*item
	for _, p := range pages {
		for _, o := range convert.Of(p).Images() {
			if !seen[o.Name] {
				seen[o.Name] = true
				items = append(items, &item{name: o.Name, image: o})
			}
		}
	}
	return items
}
