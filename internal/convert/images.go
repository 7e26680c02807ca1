package convert

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/render"
)

// This file puts a body's images through the site's image pipeline
// (internal/images) and the render hook, layouts/_markup/render-image.html
// (the site's over the theme's, which holds the default markup): for each
// Markdown image the build processes, the hook runs with the image, and
// what it writes takes the image's place.
//
// What the conversion of a body with images depends on besides the body
// (imageKey, in its key): the hook's file, whether it is the theme's, its
// text and, when it calls a partial or a template, every partial's; and
// site.yaml (images.widths and quality). And the images themselves: a
// conversion keeps the digest of every image it showed, and is stale
// when one of them changed (imagesStale), so the pages that show an image
// are converted again when it changes, and no others. The hook and the
// body's shortcodes may open more images with the template function
// image (hookData and shortcode.Context are images.Bodies): those are
// recorded in the same Uses, and count alike.

// HookFile is the render hook of Markdown images.
const HookFile = "layouts/_markup/render-image.html"

// hookTemplate is the render hook of one Renderer.
type hookTemplate struct {
	r      *render.Renderer
	digest deps.Digest
}

func newHookTemplate(r *render.Renderer) *hookTemplate {
	src := r.Source(HookFile)
	if src == "" {
		return nil
	}
	h := deps.NewHasher().Str("image hook").Str(HookFile).Bool(r.FromTheme(HookFile)).Str(src)
	if render.MayRunOthers(src) {
		for _, name := range r.Partials() {
			if file, ok := r.PartialFile(name); ok {
				h.Str(file).Str(r.Source(file))
			}
		}
	}
	return &hookTemplate{r: r, digest: h.Sum()}
}

// SetImages sets the site's images, which the Markdown images of bodies
// are processed by; nil leaves them to Markdown.
func (cv *Converter) SetImages(s *images.Set) { cv.images = s }

// hasImages reports whether body may hold a Markdown image.
func hasImages(body []byte) bool { return bytes.Contains(body, []byte("![")) }

// HasImages reports whether a body may hold a Markdown image: then it is
// converted once the templates are read, as a body with shortcodes is.
func HasImages(body []byte) bool { return hasImages(body) }

// imageKey is the digest of what the images of page p depend on besides
// their files (see the top of this file); zero for a body without images.
func (cv *Converter) imageKey(p *content.Page) deps.Digest {
	if cv.images == nil || cv.hook == nil || !hasImages(p.Body) {
		return deps.Digest{}
	}
	return deps.NewHasher().Str("images").Digest(cv.hook.digest).Digest(cv.cfgDigest).Sum()
}

// imagesStale reports whether an image conversion c showed changed.
func (cv *Converter) imagesStale(c *Conversion) bool {
	return c != nil && len(c.imgRefs) > 0 && (cv.images == nil || !cv.images.Current(c.page, c.imgRefs))
}

// hookData is what the render hook sees.
type hookData struct {
	Destination string // as written
	Title       string
	Text        string // the alt text
	PlainText   string // the alt text (plain text, as Text)
	Ordinal     int    // 0 for the first Markdown image of the body
	Lazy        bool   // every image of the page but the first, the figure shortcode's too: loading="lazy" decoding="async"
	Page        any    // the page, as shortcodes see it
	Image       *images.Image

	uses      *images.Uses // the body's images, for the template function image
	line, col int          // the Markdown image's place in the body
}

// ImageUses is where the template function image opens images in the
// hook: in the record of the body's, at the Markdown image (images.Body).
func (d hookData) ImageUses() (u *images.Uses, line, col int) { return d.uses, d.line, d.col }

// imageHook is the markdown.ImageHook of the body of page p, of the file
// path, recording its images in uses; nil when there is no hook.
func (cv *Converter) imageHook(path string, p *content.Page, uses *images.Uses) markdown.ImageHook {
	if cv.hook == nil || uses == nil {
		return nil
	}
	return func(mi markdown.Image) (*markdown.Hooked, error) {
		lazy := uses.MarkdownLazy(mi.Line, mi.Col) // an external image is the first too
		img, err := uses.Open(mi.Destination, mi.Line, mi.Col)
		if errors.Is(err, images.ErrExternal) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		largest, err := img.Largest("")
		if err != nil {
			return nil, err
		}
		fallback, err := largest.Output()
		if err != nil {
			return nil, err
		}
		data := hookData{Destination: mi.Destination, Title: mi.Title, Text: mi.Text, PlainText: mi.Text,
			Ordinal: mi.Ordinal, Lazy: lazy, Page: p, Image: img, uses: uses, line: mi.Line, col: mi.Col}
		html, err := cv.hook.r.Render(HookFile, data, nil)
		if err != nil {
			return nil, fmt.Errorf("image %s: %w", mi.Destination, err)
		}
		return &markdown.Hooked{HTML: bytes.TrimSpace(html), Check: "/" + fallback.Name}, nil
	}
}

// newUses is the record of the images of the body of page p, of the file
// path, with its shortcodes e (nil for none): the Markdown images the
// hook shows and the files the shortcodes' templates name with image. It
// is nil when neither can be: the body's images are left to Markdown.
func (cv *Converter) newUses(path string, p *content.Page, e *expanded) *images.Uses {
	if cv.images == nil || (e == nil && (cv.hook == nil || !hasImages(p.Body))) {
		return nil
	}
	return cv.images.Uses(path)
}

// setImages keeps in c what uses recorded.
func (c *Conversion) setImages(page string, uses *images.Uses) {
	c.page = page
	if uses != nil {
		c.uses, c.imgRefs, c.imgNamed = uses, uses.Refs(), uses.Named()
	}
}

// Images are the files the body's images are published as, sorted by
// name: outputs of the build.
func (c *Conversion) Images() []*images.Output {
	if c == nil || c.uses == nil {
		return nil
	}
	return c.uses.Outputs()
}

// ImageUses are the images the body showed, with their places.
func (c *Conversion) ImageUses() []images.Use { return c.imgRefs }

// UsesImages reports whether the body showed images the build processes:
// then it is converted again when one of them changes (Converter.Stale),
// and the pipeline keeps its Markdown.
func (c *Conversion) UsesImages() bool { return c != nil && len(c.imgRefs) > 0 }
