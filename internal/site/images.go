package site

import (
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
)

// imageError places err, the failure to make o (a corrupt or truncated
// file), at the first place a page of m shows its source: the smallest
// path, line and column, so that the message is the same in every run.
func imageError(m *siteModel, o *images.Output, err error) error {
	var at *diag.Error
	for _, p := range m.pages {
		c := convert.Of(p)
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

// distinct is errs without repeats of one message: the files made from one
// broken image fail alike, and the image is reported once.
func distinct(errs []error) []error {
	seen := map[string]bool{}
	out := errs[:0:0]
	for _, err := range errs {
		if msg := err.Error(); !seen[msg] {
			seen[msg] = true
			out = append(out, err)
		}
	}
	return out
}
