package site

import (
	"context"
	"errors"
	"fmt"
	"path"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/linkrecord"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
	"github.com/careersite/careersite/internal/render"
)

// write publishes the plan into t (nil when nothing needs writing: every
// file is as the last commit left it), checks the links of every page
// against what was published, and commits t. An output whose key is the
// one it had at the last commit is published again by t's Reuse, not made.
// On any error t is aborted, so what it replaces stays as it was.
func (b *Builder) write(ctx context.Context, p *plan, t Target, now time.Time) (*Result, error) {
	w, err := b.writeAll(ctx, p, t, now)
	if err != nil {
		if t != nil {
			err = errors.Join(err, t.Abort())
		}
		return nil, failed(err, p.warnings)
	}
	if t != nil {
		if err := t.Commit(); err != nil {
			b.last = nil
			return nil, err
		}
		b.last = t
		b.outNames = make([]string, len(p.items))
		for i, it := range p.items {
			b.outNames[i] = it.Name
		}
		if stamps := t.Stamps(); stamps != nil {
			for name, s := range w.states {
				s.stamp = stamps[name]
			}
		}
		b.outs = w.states
	}
	pages := len(p.m.Pages)
	warnings := diag.List(errors.Join(append(p.warnings, w.linkWarnings...)...))
	return &Result{Pages: pages, Files: len(p.items), Warnings: warnings, Made: w.made}, nil
}

// writeAll makes or reuses every output on all cores, then checks the links
// of every page against what was published; every error is collected.
// Broken links come back as warnings instead when site.yaml says
// broken_links: warn.
func (b *Builder) writeAll(ctx context.Context, p *plan, t Target, now time.Time) (written, error) {
	var (
		mu       sync.Mutex
		problems []error
	)
	report := func(err error) {
		mu.Lock()
		problems = append(problems, err)
		mu.Unlock()
	}
	ld := b.structuredFor(p.m, now)
	p.m.Structured = ld
	for _, s := range p.m.Sites {
		model.SetStructuredData(s, ld)
	}
	if p.m.NeedLD {
		ld.All(p.m.Pages, report)
	}
	// A target that holds the last commit and can be changed in place (a
	// Memory) is told only what changed: what it is not told stays.
	update := t != nil && t == b.last && len(b.outs) > 0 && t.Update()
	if update {
		// Both lists are sorted: the names that went are found in one pass.
		j := 0
		for _, name := range b.outNames {
			for j < len(p.items) && p.items[j].Name < name {
				j++
			}
			if j == len(p.items) || p.items[j].Name != name {
				if b.outs[name].byTemplate {
					continue // removed by removeTemplateImages when no page names it
				}
				if err := t.Remove(name); err != nil {
					report(err)
				}
			}
		}
	}
	states := make([]*outState, len(p.items))
	memo := render.NewMemo(memoBudget, isPage)
	var made, done atomic.Int64
	parallel.ForUneven(len(p.items), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if ctx.Err() != nil {
				return
			}
			if b.opts.Progress != nil {
				b.opts.Progress("writing files", int(done.Add(1)), len(p.items))
			}
			it := p.items[i]
			prev := b.outs[it.Name]
			if update && prev != nil && (it.Deferred || prev.key == it.Key) {
				states[i] = prev
				continue
			}
			if it.Deferred {
				if prev == nil || t == nil {
					report(fmt.Errorf("%s: no file to keep", it.Name))
					continue
				}
				if ok, err := t.Reuse(it.Name, prev.stamp); !ok || err != nil {
					report(errors.Join(fmt.Errorf("%s: the file to keep is gone", it.Name), err))
					continue
				}
				states[i] = prev
				continue
			}
			if prev != nil && prev.key == it.Key {
				if t == nil {
					states[i] = prev
					continue
				}
				ok, err := t.Reuse(it.Name, prev.stamp)
				if err != nil {
					report(err)
					continue
				}
				if ok {
					states[i] = &outState{key: it.Key, ids: prev.ids, stamp: prev.stamp, body: prev.body, images: prev.images}
					continue
				}
			}
			if it.Page != nil {
				b.funcs.BeginPage(it.Page)
			}
			data, ids, err := b.produce(p.m, it, memo)
			var named []*images.Output
			if it.Page != nil {
				named = b.funcs.EndPage(it.Page)
			}
			if err != nil {
				report(err)
				continue
			}
			made.Add(1)
			if t != nil {
				if err := t.WriteFile(it.Name, data); err != nil {
					report(err)
					continue
				}
			}
			states[i] = &outState{key: it.Key, ids: ids, body: it.Gen != nil && it.Gen.FromBodies, images: named}
		}
	})
	if err := ctx.Err(); err != nil {
		return written{}, err
	}
	if len(problems) == 0 {
		items, more := b.templateImages(p, states, t, update, report)
		if len(items) > 0 {
			p.items = mergeItems(p.items, items)
			states = mergeStates(p.items, states, items, more)
		}
		if update {
			b.removeTemplateImages(t, items, report)
		}
	}
	if len(problems) > 0 {
		return written{}, diag.Sorted(diag.Distinct(problems)...)
	}
	w := written{states: make(map[string]*outState, len(states)), made: int(made.Load())}
	for i, s := range states {
		w.states[p.items[i].Name] = s
	}
	published := links.Known(func(name string) (links.IDs, bool) {
		s, ok := w.states[name]
		if !ok {
			return nil, false
		}
		return s.ids, true
	})
	if broken := b.checkLinks(p.m, published); len(broken) > 0 {
		if b.cfg.BrokenLinks == config.BrokenLinksWarn {
			w.linkWarnings = broken
			return w, nil
		}
		return written{}, diag.Sorted(broken...)
	}
	return w, nil
}

// written is what writeAll published: the state of every output by name,
// how many were made rather than published again, and the broken links
// when site.yaml makes them warnings.
type written struct {
	states       map[string]*outState
	made         int
	linkWarnings []error
}

// memoBudget is how many bytes of partial output one writeAll keeps for
// reuse: the partials run on pages other than the one rendered, such as the
// card of a page on each list that shows it (render.Memo). The cards of a
// site of 10,000 pages take about 5 MB; on a much larger site it holds
// those rendered first.
//
// Nothing a template reads of a page changes while the pages are written:
// the structured data (JSONLD) of a page is made once per write, whichever
// render asks for it first (jsonld.Pages).
const memoBudget = 16 << 20

func isPage(data any) bool {
	_, ok := data.(*model.Page)
	return ok
}

// produce makes the bytes of one output, and the ids of an HTML file as
// rendered (links are checked against those: the minifier drops the quotes
// around ids, which the id scanner needs).
func (b *Builder) produce(m *keptmodel.Model, it *keptmodel.Item, memo *render.Memo) ([]byte, links.IDs, error) {
	switch {
	case it.Page != nil:
		return b.renderPage(m, it, memo)
	case it.Gen != nil && it.Gen.Opaque && b.checking:
		return nil, nil, nil
	case it.Gen != nil:
		data, err := b.makeFile(m, it.Gen)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", it.Name, err)
		}
		ids := idsOf(it.Name, data)
		if data, err = b.minifyHTML(data, it.Gen.HTML); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", it.Name, err)
		}
		return data, ids, nil
	case it.Resource != nil:
		data, err := b.resourceBytes(m, it.Resource)
		return data, idsOf(it.Name, data), err
	case it.Image != nil:
		data, err := b.images.Bytes(it.Image)
		if err != nil {
			return nil, nil, convert.ImageError(m.Pages, it.Image, err)
		}
		return data, nil, nil
	}
	data, err := b.assetBytes(m, it.Asset)
	return data, idsOf(it.Name, data), err
}

func idsOf(name string, data []byte) links.IDs {
	if path.Ext(name) != ".html" {
		return nil
	}
	return links.ScanIDs(data)
}

func (b *Builder) renderPage(m *keptmodel.Model, it *keptmodel.Item, memo *render.Memo) ([]byte, links.IDs, error) {
	p := it.Page
	ld := m.Structured
	if _, errs := ld.Of(p); len(errs) > 0 && !m.NeedLD {
		// (With needLD they were reported with every page's.)
		return nil, nil, errors.Join(errs...)
	}
	if !b.life.plansAgain() && !m.NeedLD {
		// Only this page's templates read it, as far as the analysis
		// knows, and a Builder that builds once renders the page once.
		defer ld.Forget(p)
	}
	out, err := b.renderer.Render(it.Tmpl, p, memo)
	if err != nil {
		return nil, nil, renderingError(err, p)
	}
	ids := links.ScanIDs(out)
	data, err := b.minifyHTML(out, true)
	if err != nil {
		return nil, nil, fmt.Errorf("%w (minifying %s)", err, model.Describe(p))
	}
	return data, ids, nil
}

// makeFile makes a generated file; a feed from its entries, each made once
// for as long as what it is made from does not change (internal/feedentries).
func (b *Builder) makeFile(m *keptmodel.Model, g *generate.File) ([]byte, error) {
	if g.Feed == nil {
		return g.Make()
	}
	k := b.keyer(m)
	return generate.Feed(g.Feed, model.FeedList(g.Feed).Site, func(p *model.Page) ([]byte, error) {
		return b.entries.Entry(p.Site, p, k.EntryKey(p))
	})
}

// minifyHTML minifies data when it is HTML and site.yaml asks for it.
func (b *Builder) minifyHTML(data []byte, isHTML bool) ([]byte, error) {
	if !b.cfg.MinifyHTML || !isHTML {
		return data, nil
	}
	return b.minifier.HTML(data)
}

// renderingError is the error of rendering p: the template's problem at
// its place in the layout, saying which page it met it on.
func renderingError(err error, p *model.Page) error {
	var d *diag.Error
	if !errors.As(err, &d) {
		return fmt.Errorf("%w (rendering %s)", err, model.Describe(p))
	}
	c := *d
	c.Msg += " (rendering " + model.Describe(p) + ")"
	return &c
}

// checkLinks reports every link in Markdown that points to nothing the
// build wrote. The links of a page are resolved against it
// (links.CheckPage) once for as long as the model keeps the page and its
// links, and checked on every core, as it runs after every edit in serve;
// in a one-shot build with a cache, a page whose links and the files they
// name are as the last check saw them is not checked again
// (internal/linkrecord).
func (b *Builder) checkLinks(m *keptmodel.Model, written *links.Site) []error {
	if m.Refs == nil {
		m.Refs = map[*model.Page]*links.Page{}
	}
	pages := make([]*links.Page, len(m.Pages))
	for i, p := range m.Pages {
		if p.File == "" || len(model.Links(p)) == 0 {
			continue
		}
		r := m.Refs[p]
		if r == nil || !r.Same(model.Links(p)) {
			r = &links.Page{File: p.File, URL: model.SitePath(p), Links: model.Links(p)}
			m.Refs[p] = r
		}
		pages[i] = r
	}
	if b.cache == nil || !b.life.keepsRecord() {
		return written.CheckPages(pages)
	}
	if b.linksChecked == nil {
		b.linksChecked = linkrecord.Keep(b.cache, b.linkRecordKey())
	}
	return b.linksChecked.Check(written, pages)
}

// lookupKind maps a page kind to the template kind of internal/render.
func lookupKind(kind string) string {
	if kind == model.KindPage {
		return "single"
	}
	return kind
}
