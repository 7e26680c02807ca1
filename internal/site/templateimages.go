package site

import (
	"fmt"
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/parallel"
)

// This file publishes the image files that the template function image
// (internal/sitefuncs) names. Every file a page's templates name is
// recorded with the page's output (outState.images, from
// sitefuncs.Funcs.EndPage) and published with it, made once per build
// however many pages name it, from the persistent cache when it is
// there. A page that is not rendered again, its key unchanged, names the
// files it named before, so they stay published; a file no page names
// any more is removed.
//
// A page whose templates call image has the asset table and the digests
// of every page resource in its key (deps: image is read like asset), so
// it is rendered again when an image it may show changes.

// templateImageKey is the key of a file a template named: its name holds
// the digest of its source and spec already.
func templateImageKey(b *Builder, o *images.Output) deps.Digest {
	return deps.NewHasher().Digest(b.version).Str("template image").Str(o.Name).Bytes(o.Key[:]).Sum()
}

// templateImages publishes the image files the pages of p named, those
// not among p's items already: made or reused as every output is, on all
// cores. It returns their items and states, sorted by name.
func (b *Builder) templateImages(p *plan, states []*outState, t Target, update bool, report func(error)) ([]*keptmodel.Item, []*outState) {
	byName := map[string]*images.Output{}
	for _, s := range states {
		if s == nil {
			continue
		}
		for _, o := range s.images {
			if _, found := keptmodel.FindItem(p.items, o.Name); !found {
				byName[o.Name] = o
			}
		}
	}
	items := make([]*keptmodel.Item, 0, len(byName))
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		o := byName[name]
		items = append(items, &keptmodel.Item{Name: name, Image: o, Key: templateImageKey(b, o)})
	}
	out := make([]*outState, len(items))
	parallel.For(len(items), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			it := items[i]
			prev := b.outs[it.Name]
			if prev != nil && prev.key == it.Key {
				if update || t == nil {
					out[i] = prev
					continue
				}
				ok, err := t.Reuse(it.Name, prev.stamp)
				if err != nil {
					report(err)
					continue
				}
				if ok {
					out[i] = &outState{key: it.Key, stamp: prev.stamp, byTemplate: true}
					continue
				}
			}
			data, err := b.images.Bytes(it.Image)
			if err != nil {
				report(fmt.Errorf("%s: %w", it.Name, err))
				continue
			}
			if t != nil {
				if err := t.WriteFile(it.Name, data); err != nil {
					report(err)
					continue
				}
			}
			out[i] = &outState{key: it.Key, byTemplate: true}
		}
	})
	return items, out
}

// removeTemplateImages removes from t, which is updated in place, the
// image files templates named at the last commit and name no more.
func (b *Builder) removeTemplateImages(t Target, items []*keptmodel.Item, report func(error)) {
	for name, s := range b.outs {
		if !s.byTemplate {
			continue
		}
		if _, found := keptmodel.FindItem(items, name); !found {
			if err := t.Remove(name); err != nil {
				report(err)
			}
		}
	}
}

// mergeItems returns a new list of the items of a and b, both sorted by
// name and without a name in common, sorted by name.
func mergeItems(a, b []*keptmodel.Item) []*keptmodel.Item {
	out := make([]*keptmodel.Item, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	keptmodel.SortItems(out)
	return out
}

// mergeStates returns the states of items (a merge of the items of
// states and of more, whose states are moreStates), in items' order.
func mergeStates(items []*keptmodel.Item, states []*outState, more []*keptmodel.Item, moreStates []*outState) []*outState {
	by := make(map[*keptmodel.Item]*outState, len(more))
	for i, it := range more {
		by[it] = moreStates[i]
	}
	out := make([]*outState, len(items))
	j := 0
	for i, it := range items {
		if s, ok := by[it]; ok {
			out[i] = s
			continue
		}
		out[i] = states[j]
		j++
	}
	return out
}

// imageInputsDigest is what the template functions asset and image read
// (deps.Inputs.Assets): the asset table, whose integrity values cover
// every file of assets/, and the bytes of every page resource, sorted by
// path.
func (b *Builder) imageInputsDigest() deps.Digest {
	h := deps.NewHasher().Digest(b.assetDigest)
	b.resources.Hash(h)
	return h.Sum()
}
