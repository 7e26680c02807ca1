package model

import (
	"reflect"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// This file is what of a page's front matter the pipeline may give a
// model in place, when the page's file changes, instead of making the
// model anew: the fields that no part of the model but the page's own
// fields is made from. Everything else a page's front matter holds places
// it (its URL, section, language, lists, order, terms, relations, feeds,
// translations, pagers) or is read by other pages (its title, dates,
// career data, picture), and a change of it makes the model anew.

// Patchable reports whether cur, a page's file parsed anew, differs from
// old, the parse a model's page was made from, only in its body and in
// what Index copies into that page alone: its description, given in both
// or in neither (without one, the home page has the site's), and its
// params that are no taxonomy of cfg (taxonomy.go reads those). Then
// PatchFrontMatter gives the model's page what Index would make of cur.
// Any other difference, a position of a value in the file among them,
// makes it false.
func Patchable(cfg *config.Config, old, cur *content.Page) bool {
	if (old.Description == "") != (cur.Description == "") {
		return false
	}
	for _, name := range cfg.Taxonomies {
		if !reflect.DeepEqual(old.Params[name], cur.Params[name]) {
			return false
		}
	}
	a, b := *old, *cur
	a.Description, b.Description = "", ""
	a.Params, b.Params = nil, nil
	a.Body, b.Body = nil, nil
	a.BodyLine, b.BodyLine = 0, 0
	return reflect.DeepEqual(a, b)
}

// PatchFrontMatter gives p, a page made from a parse old of its file, the
// fields of src, a parse such that Patchable(cfg, old, src). The fields
// of its body are Refill's.
func PatchFrontMatter(p *Page, src *content.Page) {
	if src.Description != "" {
		p.Description = src.Description
	}
	p.Params = src.Params
}
