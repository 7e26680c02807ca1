package deps

import "github.com/careersite/careersite/internal/model"

// This file is what a walk records of the order of the lists it follows,
// so that a pipeline that sorts the pages of a model again in place
// (model.Reorder) keys again only the outputs that followed a list whose
// order changed: the reads of a page's ends record which pages an output
// reached, not in which order, nor through which list.
//
// A step along an ordered relation from a page records a read of that
// page, of the group gOrder (its .Pages, .Prev, .Next, .Related), gPager
// (its .Paginator, whose .Pages is the part of its list the pager shows)
// or gTranslations (its .Translations and .AllTranslations, which a term
// page made or dropped changes on its term's pages in the other
// languages, and no sorting does: every pager of a list sorted again
// reads its own, and is not keyed again for it).
// A list that belongs to no page is recorded on the page that has the
// same list: .Site.Pages on the home page (its .Pages), a term's .Pages
// on the term's page; and a term's .Roles (role guides by date) on the
// term's page too, of the group gRoles.
//
// The terms of a page change in place too (model.Retag), and terms are
// made and dropped: a page's .Terms is recorded on the page, of the group
// gOrder; a taxonomy's .Terms and .ByCount on the taxonomy's page, of the
// group gOrder, which a page joining or leaving a term changes; a
// taxonomy's .Term lookups on the taxonomy's page too, of the group
// gTermSet, which only a term made or dropped changes (a page that looks
// its step's skills up on every role guide is not keyed again when a page
// joins a term); and a read of a term's count on
// the term's page, of the group gTermCount (appendTermRead). A term's
// name does not change in place: a change of it makes the model anew.

// appendOrderRead appends to reads the read of order that the step s from
// the object o makes, if it follows an ordered relation.
func appendOrderRead(reads []Read, o any, s step) []Read {
	if p, g := orderOf(o, s); p != nil {
		return append(reads, Read{Page: p, groups: g})
	}
	return reads
}

// orderOf is the page whose order the step s from o reads, and its group;
// nil when s leads to no list that model.Reorder may sort again, or o is
// nil (a taxonomy the site does not have: .Site.Taxonomies.levels).
func orderOf(o any, s step) (*model.Page, group) {
	switch o := o.(type) {
	case *model.Page:
		switch s.name {
		case "Pages", "Prev", "Next", "Related", "Terms":
			return o, gOrder
		case "Translations", "AllTranslations":
			return o, gTranslations
		case "Paginator":
			return o, gPager
		}
	case *model.Site:
		if o != nil && s.name == "Pages" {
			return o.Home, gOrder
		}
	case *model.Taxonomy:
		switch {
		case o == nil:
		case s.name == "Terms" || s.name == "ByCount":
			return o.Page, gOrder
		case s.name == "Term":
			return o.Page, gTermSet
		}
	case *model.Term:
		if o == nil {
			return nil, 0
		}
		switch s.name {
		case "Pages":
			return o.Page, gOrder
		case "Roles":
			return o.Page, gRoles
		}
	}
	return nil, 0
}

// appendTermRead appends to reads the read of the count of term t that
// the groups g of it make, if they hold it.
func appendTermRead(reads []Read, t *model.Term, g group) []Read {
	if g&gTermCount != 0 {
		return append(reads, Read{Page: t.Page, groups: gTermCount})
	}
	return reads
}
