package keptmodel

import (
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
)

// An Item is one output file and its key.
type Item struct {
	Name     string
	Key      deps.Digest
	Page     *model.Page // a page, rendered with Tmpl
	Tmpl     string
	Gen      *generate.File  // or a generated file
	Asset    *assets.File    // or an asset
	Resource *model.Resource // or a page's resource (internal/bundlefiles)
	Image    *images.Output  // or an image a page body shows
	Deferred bool            // publish the file of the last commit as it is (internal/site: Options.Defer)
}

// SortItems sorts items by name.
func SortItems(items []*Item) {
	slices.SortFunc(items, func(a, b *Item) int { return strings.Compare(a.Name, b.Name) })
}

// FindItem returns the index of the item named name in items, sorted by
// name, and whether it is there.
func FindItem(items []*Item, name string) (int, bool) {
	return slices.BinarySearchFunc(items, name, func(it *Item, name string) int { return strings.Compare(it.Name, name) })
}

// ImageItems are the files of the images the bodies of pages show, once
// each, by name.
func ImageItems(pages []*model.Page) []*Item {
	seen := map[string]bool{}
	var items []*Item
	for _, p := range pages {
		for _, o := range convert.Of(p).Images() {
			if !seen[o.Name] {
				seen[o.Name] = true
				items = append(items, &Item{Name: o.Name, Image: o})
			}
		}
	}
	return items
}

// SameImageFiles reports whether two conversions of a body publish the
// same image files: then an edit of the body keeps the model's items, and
// the build is patched.
func SameImageFiles(old, cur *convert.Conversion) bool {
	a, b := old.Images(), cur.Images()
	return slices.EqualFunc(a, b, func(x, y *images.Output) bool { return x.Name == y.Name })
}
