package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
	"github.com/careersite/careersite/internal/parallel"
)

// This file plans a build: whether the model is kept, patched or made
// anew (prepare), and every output's dependency key (replan, with
// internal/deps), so that only outputs whose key changed are made.

// plan is what one build publishes.
type plan struct {
	m        *keptmodel.Model
	items    []*keptmodel.Item // every output file, sorted by name
	warnings []error           // stale data, closed postings, long descriptions

	bodiesStale bool // the files of bodyFiles were left for FinishDeferred
	deferred    int  // how many files were left for FinishDeferred
}

// deferPlan is p less the files made from every page: feeds whose key
// changed, and the files of bodyFiles, are published as the last commit
// had them, for FinishDeferred to make. A session's check also leaves the
// pagers after the first whose key changed as the last check had them
// (check.go), and says so in b.pagersLeft.
func (b *Builder) deferPlan(p *plan) *plan {
	items := make([]*keptmodel.Item, 0, len(p.items))
	deferred, pagers := 0, 0
	for _, it := range p.items {
		fromPages := it.Gen != nil && (it.Gen.Feed != nil || it.Gen.FromBodies)
		leftPager := b.checking && !b.pagersNow && laterPager(it)
		if prev := b.outs[it.Name]; prev != nil && prev.key != it.Key && (fromPages || leftPager) {
			if fromPages {
				deferred++
			} else {
				pagers++
			}
			it = &keptmodel.Item{Name: it.Name, Key: prev.key, Deferred: true}
		}
		items = append(items, it)
	}
	b.pagersLeft = pagers > 0
	if p.bodiesStale {
		n := len(items)
		for name, st := range b.outs {
			if !st.body {
				continue
			}
			if _, found := keptmodel.FindItem(items[:n], name); !found {
				items = append(items, &keptmodel.Item{Name: name, Key: st.key, Deferred: true})
			}
		}
		keptmodel.SortItems(items)
		deferred++ // the files of bodyFiles, made anew
	}
	return &plan{m: p.m, items: items, warnings: p.warnings, deferred: deferred}
}

// laterPager reports whether it is a list's pager after the first.
func laterPager(it *keptmodel.Item) bool {
	return it.Page != nil && it.Page.Paginator != nil && it.Page.Paginator.PageNumber() > 1
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
	case m != nil && (m.Forgotten || !m.StillValid(b.opts.publishing(now), now)):
		m = nil
	case m != nil && b.stringsDigest != stringsBefore:
		m = nil // the titles the model makes up and the social cards' words are the strings'.
	case m != nil && (layoutsChanged || assetsChanged) && len(diff) > 0:
		m = nil
	case m != nil && assetsChanged && m.Images:
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
		problems = append(problems, generate.CheckOutputs(m.Pages, m.Files, b.assets)...)
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
func (b *Builder) keysPlan(ctx context.Context, m *keptmodel.Model, now time.Time) (*plan, error) {
	warnings := b.pageWarnings(m.Pub, now)
	if errs := generate.CheckOutputs(m.Pages, m.Files, b.assets); len(errs) > 0 {
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
// description, params, a regular page's title, dates, weight, career
// data, tags, skills, slug and url). The pages are patched in place; so are the pages shortcodes look
// up, and the bodies whose shortcodes look pages up convert again; so are
// the generated files made from what changed, a page's places in its
// lists, its terms and its URL (keptmodel.Model.Patch). Only the outputs that read
// what changed of those pages get new keys (deps.Readers). Anything else
// makes the model anew.
func (b *Builder) patchPlan(ctx context.Context, m *keptmodel.Model, diff []string, now time.Time) (*plan, error) {
	changed, ok := b.patchable(m, diff, now)
	if !ok {
		return b.fullPlan(ctx, now, nil)
	}
	// The conversions of before, to compare the images they publish.
	before := make([]*convert.Conversion, len(changed))
	for i, s := range changed {
		before[i] = m.Srcs[s.Path].Conv
	}
	if err := b.convert(ctx, changed); err != nil {
		return nil, err
	}
	var problems []error
	for _, s := range changed {
		problems = append(problems, s.Conv.Problems()...)
	}
	pub := slices.Clone(m.Pub)
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
		if !keptmodel.SameImageFiles(before[i], s.Conv) {
			return b.fullPlan(ctx, now, nil) // the image files published changed
		}
	}
	m.SetSources(diff, b.sources, pub)
	patched, ok := m.Patch(changed, now, patching{b})
	if !ok {
		return b.fullPlan(ctx, now, nil)
	}
	redo := patched.Redo
	if len(changed) > 0 && !b.deferring {
		// The files made from the bodies of every page (the search
		// index) are made again.
		if err := b.regenerate(m, redo); err != nil {
			return nil, failed(err, warnings)
		}
	}
	p := b.replan(m, redo, patched.Reread, warnings)
	p.bodiesStale = len(changed) > 0 && b.deferring
	b.stats.how = "patch"
	return p, nil
}

// patchable returns the published sources of diff, the files changed
// since m was made, whose pages patchPlan patches, with the published
// sources whose bodies convert again because their shortcodes look up a
// page whose front matter changed; false when an edit changes the model's
// shape, and the model is made anew.
func (b *Builder) patchable(m *keptmodel.Model, diff []string, now time.Time) ([]*pagesource.Source, bool) {
	rules := b.opts.publishing(now)
	var changed []*pagesource.Source
	lookups := false // a page that shortcodes can look up changed its front matter
	for _, path := range diff {
		old, cur := m.Srcs[path], b.sources[path]
		if len(diff) > 1 && old != nil && cur != nil && cur.Page != nil && (m.Retags(cur.Page) || m.Moves(cur.Page)) {
			return nil, false // the checks of terms and URLs are of one page's change
		}
		if old == nil || cur == nil || cur.Page == nil || cur.Err != nil || m.Published[path] != rules.Publishes(cur.Page) {
			return nil, false
		}
		if !m.Published[path] {
			if old.FrontMatter != cur.FrontMatter {
				return nil, false // references to it are checked
			}
			continue
		}
		if old.FrontMatter != cur.FrontMatter {
			if !m.FrontMatterPatchable(old.Page, cur.Page, now, patching{b}) || !b.conv.SetPage(cur.Input()) {
				return nil, false
			}
			lookups = true
		}
		changed = append(changed, cur)
	}
	if lookups {
		for _, src := range m.Pub {
			if s := b.sources[src.Path]; s != nil && !slices.Contains(diff, src.Path) && b.conv.Stale(s.Conv) {
				changed = append(changed, s)
			}
		}
	}
	return changed, true
}

// regenerate makes the generated files of m that are made from page
// bodies again (bodyFiles) and puts them in its items, to be keyed again.
func (b *Builder) regenerate(m *keptmodel.Model, redo map[string]bool) error {
	files, err := b.withBodyFiles(m)
	if err != nil {
		return err
	}
	if errs := generate.CheckOutputs(m.Pages, files, b.assets); len(errs) > 0 {
		return diag.Sorted(errs...)
	}
	m.SetBodyFiles(files, redo)
	return nil
}

// planAll plans every output of m.
func (b *Builder) planAll(m *keptmodel.Model, warnings []error) (*plan, error) {
	var items []*keptmodel.Item
	var problems []error
	for _, p := range m.Pages {
		name, err := b.renderer.Find(lookupOf(p))
		if err != nil {
			problems = append(problems, model.Where(p).Wrap("", err))
			continue
		}
		items = append(items, &keptmodel.Item{Name: model.OutputOf(p), Page: p, Tmpl: name})
		for _, r := range p.Resources {
			items = append(items, &keptmodel.Item{Name: model.ResourceOutput(r), Resource: r})
		}
	}
	for i := range m.Files {
		if m.Files[i].ClaimOnly {
			continue
		}
		items = append(items, &keptmodel.Item{Name: m.Files[i].Name, Gen: &m.Files[i]})
	}
	for _, name := range b.assets.Names() {
		a := b.assets.File(name)
		items = append(items, &keptmodel.Item{Name: a.Out, Asset: a})
	}
	items = append(items, keptmodel.ImageItems(m.Pages)...)
	if len(problems) > 0 {
		return nil, failed(errors.Join(problems...), warnings)
	}
	keptmodel.SortItems(items)
	m.Items = items
	m.NeedLD = false
	all := map[string]bool{}
	for _, it := range items {
		all[it.Name] = true
	}
	return b.replan(m, all, false, warnings), nil
}

// replan makes the keys of the items of m named in redo, keeping the
// others'. When reread is set, their lists were sorted again
// (model.Reorder): what they read replaces what they read before in the
// index of readers.
func (b *Builder) replan(m *keptmodel.Model, redo map[string]bool, reread bool, warnings []error) *plan {
	k := b.keyer(m)
	var todo []*keptmodel.Item
	for _, it := range m.Items {
		if redo[it.Name] {
			todo = append(todo, it)
		}
	}
	// A whole plan records who reads what (deps.Readers), unless the
	// Builder builds once: then no later build is planned from it.
	index := len(redo) == len(m.Items) && b.life.plansAgain()
	reads := index || reread
	res := make([]deps.Reads, len(todo))
	parallel.For(len(todo), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			it := todo[i]
			switch {
			case it.Page != nil:
				pk := k.Page(it.Page, b.templates.Page(it.Tmpl), reads)
				it.Key, res[i] = pk.Key, deps.Reads{Pages: pk.Reads, Shared: pk.Shared, All: pk.All}
				if reads {
					res[i].Pages = append(res[i].Pages, deps.Whole(it.Page))
				}
			case it.Gen != nil:
				it.Key = k.File(it.Name, it.Gen.Digest)
				if f := it.Gen.Feed; f != nil && reads {
					res[i].Pages = append(res[i].Pages, deps.Whole(model.FeedList(f)))
					for _, p := range model.FeedEntries(f) {
						res[i].Pages = append(res[i].Pages, deps.Whole(p))
					}
				}
			case it.Asset != nil:
				it.Key = k.Asset(it.Name, it.Asset.Data)
			case it.Resource != nil:
				it.Key = k.File(it.Name, b.resources.Key(it.Resource))
			case it.Image != nil:
				it.Key = k.Asset(it.Name, it.Image.Key[:])
			}
		}
	})
	if reads {
		names := make([]string, len(todo))
		for i, it := range todo {
			names[i] = it.Name
		}
		if index {
			m.Readers = deps.NewReaders(names, res)
		} else {
			m.Readers.Replace(names, res)
		}
	}
	if len(redo) == len(m.Items) {
		for _, it := range todo {
			if it.Page != nil {
				m.NeedLD = m.NeedLD || b.templates.Page(it.Tmpl).ReadsOthersJSONLD()
			}
		}
	}
	return &plan{m: m, items: m.Items, warnings: warnings}
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
		prev := b.outs[it.Name]
		if prev == nil || prev.key != it.Key || prev.byTemplate || !b.stillWritten(it.Name, prev) {
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
func (b *Builder) anyShortcodeStale(m *keptmodel.Model) bool {
	for path := range m.Published {
		if s := b.sources[path]; s != nil && s.Conv != nil && b.conv.Stale(s.Conv) {
			return true
		}
	}
	return false
}
