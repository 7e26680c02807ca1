package site

import (
	"path"
	"strings"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/images"
)

// This file tells the image pipeline about page bundles: a Markdown
// image or a template's image "team.jpg" of a bundle's page names the
// bundle's resource first (images.BundleFiles), and assets/ after it.

// imageResolver is the Resolver of the Builder's images: the page's
// bundle, then assets/ of the site and the theme.
func (b *Builder) imageResolver() images.Resolver {
	return images.Chain(
		images.BundleFiles(b.fsys, images.Bundle{Owner: b.bundleOwner, Folder: b.pageFolder}),
		images.Assets(b.fsys, b.opts.Theme),
	)
}

// bundleOwner is the page whose bundle owns file, and its name there.
func (b *Builder) bundleOwner(file string) (page, name string, ok bool) {
	r, ok := content.BundleOf(file, b.isSource)
	return r.Page, r.Name, ok
}

// isSource reports whether the content file p is one the Builder read.
func (b *Builder) isSource(p string) bool {
	_, ok := b.sources[p]
	return ok
}

// pageFolder is the folder of the site the page is published in, as
// model.AttachResources places its resources: "guides/caching/".
func (b *Builder) pageFolder(page string) (string, bool) {
	s := b.sources[page]
	if s == nil || s.Page == nil {
		return "", false
	}
	u := s.Page.URL
	if !strings.HasSuffix(u, "/") {
		u = path.Dir(u) + "/"
	}
	return strings.TrimPrefix(u, "/"), true
}
