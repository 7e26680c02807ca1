package convert

import (
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
)

// ImageError places err, the failure to make o (a corrupt or truncated
// file), at the first place the body of one of pages shows its source
// (Conversion.ImageUses): the smallest path, line and column, so that the
// message is the same in every run.
func ImageError(pages []*model.Page, o *images.Output, err error) error {
	var at *diag.Error
	for _, p := range pages {
		c := Of(p)
		if c == nil {
			continue
		}
		for _, u := range c.ImageUses() {
			if u.Path != o.Source.Loc.Path {
				continue
			}
			e := &diag.Error{File: p.File, Line: u.Line, Col: u.Col}
			if at == nil || diag.Compare(e, at) < 0 {
				at = e
			}
		}
	}
	if at == nil {
		return diag.Wrap("", 0, 0, o.Name+": ", err)
	}
	return diag.Wrap(at.File, at.Line, at.Col, "image: ", err)
}

// CleanError is err, the failure to publish the image file src under its
// own name (images.Set.Clean), placed as ImageError places the failure of
// a file made from it when a body of pages shows it (then the two are one
// message, reported once), else err as it is: at the file.
func CleanError(pages []*model.Page, src string, err error) error {
	if err == nil {
		return nil
	}
	for _, p := range pages {
		c := Of(p)
		if c == nil {
			continue
		}
		for _, u := range c.ImageUses() {
			if u.Path == src {
				return ImageError(pages, &images.Output{Source: &images.Source{Loc: images.Location{Path: src}}}, err)
			}
		}
	}
	return err
}
