package deps

import (
	"fmt"
	"reflect"

	"github.com/careersite/careersite/internal/model"
)

// This file is the one table of what templates can read: for each model
// type a template can be given (Page, Site, Taxonomy, Term, Paginator),
// every field and method a template can name, what it returns, and the
// group of fields it reads (digest.go). Everything that must agree with it
// is derived from it:
//
//   - the analysis of templates (analysis.go, walk.go) looks members up in models: a
//     member that gives data records a read of its group on the path that
//     led to the object; one that leads to other model objects extends
//     the path by a step;
//   - the dependency keys (keys.go) follow such a step with the member's
//     follow func, which gives the objects at the other end;
//   - the digest of the whole model (Keyer.globalDigest) walks every
//     relation of every page in pageRelations;
//   - the exported fields of Page that the table does not list are digested
//     together as gOther (digest.go, otherFields).
//
// The contract, which the tests hold it to: every exported field and
// method of a model type is in the table (TestModelTables), under its own
// name; and every one whose value a template can follow to a model object
// is in it as leading to that object, a relation, rather than as data
// (TestRelationsInTable), but for the few listed in notRelations, with
// the reason. A member left out makes the templates that name it depend on
// the whole site, which is right but slow; a relation listed as data would
// let an output miss a change of the objects it leads to, and be stale.

// A member is one field or method of a model type that templates can name.
type member struct {
	name string

	// to is what it returns: kPlain for data (strings, numbers, times,
	// HTML, career data, Params), else the model type it leads to.
	to   kind
	list bool // it returns a list of to, not one

	// group is, for data, the group of the object's fields it reads;
	// fromConfig for .Site's own fields. Following a relation reads only
	// which objects are at its other end, their identities.
	group group

	// method is set when it takes an argument: the name of a taxonomy or
	// of a term.
	method bool

	// follow gives, for a relation, the objects it leads to from o (of the
	// member's model type), as a list, for the step s: s.arg is a method's
	// constant argument; s.any stands for every argument it could be given.
	follow func(o any, s step) []any
}

// relation reports whether m leads to model objects other than the site,
// whose fields come from site.yaml alone.
func (m member) relation() bool { return m.to != kPlain && m.to != kSite }

// fromConfig is the group of .Site's own fields: set from site.yaml, which
// is part of every key, they read no group of any object.
const fromConfig group = 0

// memberRow is one model type's members.
type memberRow struct {
	kind    kind
	typ     reflect.Type // the pointer type templates are given
	members []member
}

// memberTable is the table, by model type, in the order the types' members
// are documented.
var memberTable = []memberRow{
	{kPage, reflect.TypeFor[*model.Page](), []member{
		data("Kind", gLink), data("Type", gLink), data("Section", gLink), data("Title", gLink),
		data("URL", gLink), data("Permalink", gLink), data("File", gLink), data("Language", gLink),

		data("Description", gMeta), data("Date", gMeta), data("Updated", gMeta), data("Lastmod", gMeta),
		data("Draft", gMeta), data("Tags", gMeta), data("Skills", gMeta), data("Authors", gMeta),
		data("Weight", gMeta), data("Params", gMeta), data("Job", gMeta), data("Role", gMeta),
		data("Certification", gMeta), data("PostingOpen", gMeta), data("PostingClosed", gMeta),
		data("Resources", gMeta),
		dataBy("StepsWith", gMeta), data("Image", gMeta), data("SocialCard", gMeta),

		data("Summary", gSummary), data("WordCount", gSummary), data("ReadingTime", gSummary),
		data("Content", gContent), data("TableOfContents", gContent), data("Headings", gContent),
		data("JSONLD", gDerived), data("Feeds", gFeeds),

		// The relations that Keyer.globalDigest walks from every page, in
		// the order it walks them.
		one("Parent", func(p *model.Page) *model.Page { return p.Parent }),
		one("Prev", func(p *model.Page) *model.Page { return p.Prev }),
		one("Next", func(p *model.Page) *model.Page { return p.Next }),
		many("Pages", func(p *model.Page) []*model.Page { return p.Pages }),
		many("Sections", func(p *model.Page) []*model.Page { return p.Sections }),
		many("Breadcrumbs", func(p *model.Page) []*model.Page { return p.Breadcrumbs }),
		many("Related", func(p *model.Page) []*model.Page { return p.Related }),
		many("RelatedRoles", func(p *model.Page) []*model.Page { return p.RelatedRoles }),
		many("RelatedCertifications", func(p *model.Page) []*model.Page { return p.RelatedCertifications }),
		many("Alternatives", func(p *model.Page) []*model.Page { return p.Alternatives }),
		many("Translations", func(p *model.Page) []*model.Page { return p.Translations }),
		many("AllTranslations", func(p *model.Page) []*model.Page { return p.AllTranslations }),
		one("Taxonomy", func(p *model.Page) *model.Taxonomy { return p.Taxonomy }),
		one("Term", func(p *model.Page) *model.Term { return p.Term }),
		one("Paginator", func(p *model.Page) *model.Paginator { return p.Paginator }),

		manyByName("Terms", (*model.Page).Terms, func(p *model.Page) []*model.Term {
			var out []*model.Term
			for _, t := range p.Site.Taxonomies {
				out = append(out, p.Terms(t.Name)...)
			}
			return out
		}),
		one("Site", func(p *model.Page) *model.Site { return p.Site }),
	}},
	{kSite, reflect.TypeFor[*model.Site](), []member{
		data("Title", fromConfig), data("BaseURL", fromConfig), data("Language", fromConfig),
		data("Description", fromConfig), data("Author", fromConfig), data("Menu", fromConfig),
		data("Params", fromConfig), data("Languages", fromConfig), data("DefaultLanguage", fromConfig), data("Data", gSiteData),

		one("Home", func(s *model.Site) *model.Page { return s.Home }),
		many("Pages", func(s *model.Site) []*model.Page { return s.Pages }),
		many("Sections", func(s *model.Site) []*model.Page { return s.Sections }),
		many("Taxonomies", func(s *model.Site) []*model.Taxonomy { return s.Taxonomies }),
		oneByName("Taxonomy", (*model.Site).Taxonomy, func(s *model.Site) []*model.Taxonomy { return s.Taxonomies }),
	}},
	{kTaxonomy, reflect.TypeFor[*model.Taxonomy](), []member{
		data("Name", gTaxLink), data("Title", gTaxLink), data("URL", gTaxLink), data("Permalink", gTaxLink),

		many("Terms", func(t *model.Taxonomy) []*model.Term { return t.Terms }),
		many("ByCount", (*model.Taxonomy).ByCount),
		oneByName("Term", (*model.Taxonomy).Term, func(t *model.Taxonomy) []*model.Term { return t.Terms }),
		one("Page", func(t *model.Taxonomy) *model.Page { return t.Page }),
	}},
	{kTerm, reflect.TypeFor[*model.Term](), []member{
		data("Name", gTermLink), data("Slug", gTermLink), data("URL", gTermLink), data("Permalink", gTermLink),
		data("Count", gTermCount),

		many("Pages", func(t *model.Term) []*model.Page { return t.Pages }),
		many("Roles", (*model.Term).Roles),
		one("Page", func(t *model.Term) *model.Page { return t.Page }),
		one("Taxonomy", func(t *model.Term) *model.Taxonomy { return t.Taxonomy }),
	}},
	{kPaginator, reflect.TypeFor[*model.Paginator](), []member{
		many("Pages", func(pg *model.Paginator) []*model.Page { return pg.Pages }),

		data("PageNumber", gPaginator), data("TotalPages", gPaginator), data("TotalItems", gPaginator),
		data("PageSize", gPaginator), data("URL", gPaginator), data("First", gPaginator),
		data("Last", gPaginator), data("HasPrev", gPaginator), data("HasNext", gPaginator),
		data("Prev", gPaginator), data("Next", gPaginator), data("Pagers", gPaginator),
	}},
}

// data is a member that gives data of the object's group g.
func data(name string, g group) member { return member{name: name, to: kPlain, group: g} }

// dataBy is a method that gives data of group g for an argument.
func dataBy(name string, g group) member {
	return member{name: name, to: kPlain, group: g, method: true}
}

// one is a member of T that leads to one model object, R.
func one[T, R any](name string, get func(T) R) member {
	return member{name: name, to: modelKind[R](),
		follow: func(o any, _ step) []any { return []any{get(o.(T))} }}
}

// many is a member of T that leads to a list of model objects, []R.
func many[T, R any](name string, get func(T) []R) member {
	return member{name: name, to: modelKind[R](), list: true,
		follow: func(o any, _ step) []any { return anys(get(o.(T))) }}
}

// oneByName is a method of T that leads to the model object R its
// argument names; given an argument that is not a constant, to any of
// every(o).
func oneByName[T, R any](name string, named func(T, string) R, every func(T) []R) member {
	return member{name: name, to: modelKind[R](), method: true,
		follow: func(o any, s step) []any {
			if s.any {
				return anys(every(o.(T)))
			}
			return []any{named(o.(T), s.arg)}
		}}
}

// manyByName is a method of T that leads to the list of model objects its
// argument names; given an argument that is not a constant, to every(o).
func manyByName[T, R any](name string, named func(T, string) []R, every func(T) []R) member {
	return member{name: name, to: modelKind[R](), list: true, method: true,
		follow: func(o any, s step) []any {
			if s.any {
				return anys(every(o.(T)))
			}
			return anys(named(o.(T), s.arg))
		}}
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// kindOf is the kind of model object o is, or may be: a nil *Page is a
// kPage; kPlain for anything else.
func kindOf(o any) kind {
	switch o.(type) {
	case *model.Page:
		return kPage
	case *model.Site:
		return kSite
	case *model.Taxonomy:
		return kTaxonomy
	case *model.Term:
		return kTerm
	case *model.Paginator:
		return kPaginator
	}
	return kPlain
}

// modelKind is the kind of model object a member returning R leads to.
func modelKind[R any]() kind {
	k := kindOf(*new(R))
	if k == kPlain {
		panic(fmt.Sprintf("deps: %v is not a model type", reflect.TypeFor[R]()))
	}
	return k
}

// typeMembers is one model type's members, by name.
type typeMembers struct {
	typ     reflect.Type // the pointer type
	members map[string]member
}

// models is memberTable by kind, and each type's members by name: what
// walk.go and keys.go look members up in.
var models = func() map[kind]typeMembers {
	out := map[kind]typeMembers{}
	for _, row := range memberTable {
		m := typeMembers{typ: row.typ, members: map[string]member{}}
		for _, mem := range row.members {
			if _, dup := m.members[mem.name]; dup {
				panic("deps: " + row.typ.Elem().Name() + "." + mem.name + " is in the table twice")
			}
			m.members[mem.name] = mem
		}
		out[row.kind] = m
	}
	return out
}()

// pageRelations are the relations of Page that Keyer.globalDigest walks
// from every page, in the table's order: those that take no argument. A
// method that takes one (.Terms "skills") gives what the page's own fields
// and the site's taxonomies, which the digest holds, decide.
var pageRelations = func() []member {
	var out []member
	for _, row := range memberTable {
		if row.kind != kPage {
			continue
		}
		for _, m := range row.members {
			if m.relation() && !m.method {
				out = append(out, m)
			}
		}
	}
	return out
}()

// modelTypes are the types whose values lead to other model objects: the
// types of the table.
var modelTypes = func() []reflect.Type {
	var out []reflect.Type
	for _, row := range memberTable {
		out = append(out, row.typ.Elem())
	}
	return out
}()
