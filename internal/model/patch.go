package model

import (
	"reflect"
	"slices"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// This file is what of a page's front matter the pipeline may give a
// model in place, when the page's file changes, instead of making the
// model anew: the fields that give the model no other shape. Everything
// else a page's front matter holds places it (its URL, section, language,
// terms, relations, feeds, translations, pagers), or makes other parts of
// the model (the title and weight of a section order the sections and
// name its feed; the skills of a role guide's career path are in
// Term.Roles), and a change of it makes the model anew.
//
// A regular page's slug and url may change as CanMove lets them
// (moveurl.go): MoveURL gives the page its new URL and output file.
//
// A regular page's tags and skills may change as CanRetag lets them
// (retag.go): Retag moves the page between the terms, makes and drops
// terms with their pages, and gives a term's list a pager more or fewer.
//
// Some of what may change orders pages (the title, date and weight of a
// regular page): when the page no longer compares with every other page
// as it did (KeepsOrder), Reorder sorts the lists that hold it again
// (reorder.go), so that every list is in the order Index would give it.
// The pipeline must also make again what it made from these fields
// besides the model: the sitemap's dates, the titles of redirect pages
// and the page's social card.

// Patchable reports whether cur, a page's file parsed anew, differs from
// old, the parse a model's page was made from, only in its body and in
// what Index copies into that page alone: its description, given in both
// or in neither (without one, the home page has the site's), and its
// params that are no taxonomy of cfg (taxonomy.go reads those); and, on a
// regular page (no _index.md), its title, date, updated and weight, its
// tags and skills, its career data, when it is of the same kind and
// names the same pages (the career path of a role guide the same skills:
// Term.Roles reads them), and its slug and url. Then PatchFrontMatter
// gives the model's page what Index would make of cur, but for its order
// among other pages (see KeepsOrder and Reorder), its tags and skills
// (see Retags and Retag, retag.go) and its URL (see Moves and MoveURL,
// moveurl.go). Any other difference, a position of a value in the file
// among them, makes it false.
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
	if !a.IsIndex && !b.IsIndex {
		if !career.SameReferences(a.Career, b.Career) || !sameStepSkills(a.Career.Role, b.Career.Role) {
			return false
		}
		a.Title, b.Title = "", ""
		a.Date, b.Date = time.Time{}, time.Time{}
		a.Updated, b.Updated = time.Time{}, time.Time{}
		a.Weight, b.Weight = 0, 0
		a.Tags, b.Tags = nil, nil
		a.Skills, b.Skills = nil, nil
		a.Career, b.Career = career.Data{}, career.Data{}
		a.URL, b.URL = "", ""
		a.Slug, b.Slug = "", ""
		a.FrontMatter.URL, b.FrontMatter.URL = "", ""
	}
	return reflect.DeepEqual(a, b)
}

// sameStepSkills reports whether two role guides' career paths list the
// same skills, step by step; true of two pages that are no role guides.
func sameStepSkills(a, b *career.Role) bool {
	if a == nil || b == nil {
		return a == b
	}
	return slices.EqualFunc(a.CareerPath, b.CareerPath, func(x, y career.Step) bool { return slices.Equal(x.Skills, y.Skills) })
}

// PatchFrontMatter gives p, a page made from a parse old of its file, the
// fields of src, a parse such that Patchable(cfg, old, src), a job's
// posting state at now among them. The fields of its body are Refill's.
func PatchFrontMatter(p *Page, src *content.Page, now time.Time) {
	if src.Description != "" {
		p.Description = src.Description
	}
	p.Params = src.Params
	if src.IsIndex {
		return
	}
	fm := src.FrontMatter
	p.Title, p.Date, p.Updated, p.Lastmod, p.Weight = fm.Title, fm.Date, fm.Updated, fm.Date, fm.Weight
	if !fm.Updated.IsZero() {
		p.Lastmod = fm.Updated
	}
	p.Job, p.Role, p.Certification = src.Career.Job, src.Career.Role, src.Career.Certification
	postings([]*Page{p}, now)
}

// KeepsOrder reports whether page p of pages, given the title, date and
// weight of src (a parse of its file such that Patchable), would compare
// with every other page as it does, in each order lists sort pages in (a
// section's by weight, the others' by date, related pages by date after
// what they share). Then, once patched, every list that holds it, the
// pagers of those lists, its neighbours, the feeds' cut at feed_limit and
// the pages it is related to are what Index would make.
func KeepsOrder(pages []*Page, p *Page, src *content.Page) bool {
	if src.IsIndex || (p.Title == src.Title && p.Date.Equal(src.Date) && p.Weight == src.Weight) {
		return true
	}
	after := *p
	after.Title, after.Date, after.Weight = src.Title, src.Date, src.Weight
	return keepsOrder(pages, p, &after)
}

// keepsOrder reports whether after, page p of pages with other fields,
// compares with every other page as p does, by weight and by date.
func keepsOrder(pages []*Page, p, after *Page) bool {
	for _, q := range pages {
		if q != p && (byWeight(after, q) != byWeight(p, q) || byDate(after, q) != byDate(p, q)) {
			return false
		}
	}
	return true
}
