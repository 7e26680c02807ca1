// Package deps decides when an output of a build must be made again: it
// works out, without running them, what each page template can read
// (analysis.go), and turns that into each output's dependency key
// (keys.go), a SHA-256 of everything the output is made from. An output
// whose key is the one it had at the last commit has the same bytes, and
// the pipeline (internal/site) publishes the old file again instead of
// making it.
//
// Everything here is a pure function of the templates (internal/render)
// and of one build's model (internal/model), with the few digests the
// pipeline holds given in explicitly: Inputs for a Keyer (the binary's
// version, the configuration, the asset table, the page digests), and
// PageParts for DigestPage (the digests of a page's body and career data,
// which the pipeline keeps with its conversions and memos). It does no
// I/O and imports nothing of the pipeline.
//
// # What a key hashes
//
// For a page rendered with a page template (Keyer.Page): the binary's
// version; site.yaml and the build's options (which make every .Site
// field but the lists); the name and text of every layout file its
// template runs; the digests of all its own fields; the asset table when
// its templates call asset; and, for every path of members its templates
// can follow from the page or from .Site (.Parent, .Paginator.Pages,
// .Related, .Site.Sections, .Terms "skills", .Term.Roles …), the
// identities of the objects at the end of the path on this build's model,
// in order, with how many objects each step led to, and the digests of the
// groups of fields read on them; a lookup of a term by a name that is no
// constant leads to the terms that the names templates looked up find
// (lookups.go). Where the analysis cannot follow a value, the key holds
// the digest of the whole model instead.
//
// For a generated file (Keyer.File): what its digest func writes — a feed
// its own fields and the key of each entry (Keyer.Feed, Keyer.EntryKey),
// the sitemap its URLs and dates, a file made already its bytes' digest.
// For an asset (Keyer.Asset): its name and published bytes.
//
// # The digest groups
//
// The fields of a model object that templates read together form a group,
// and an output that reads a field of another object depends on the
// digest of that field's group only (digest.go; DigestPage makes a page's):
//
//   - link: what a link to a page shows — URL, permalink, title, kind,
//     type, section, file;
//   - meta: front matter and career data — dates, description, tags,
//     skills, authors, weight, params, the posting's state;
//   - summary: summary, word count, reading time;
//   - content: content, table of contents, headings;
//   - derived: what the structured data (JSON-LD) is made from;
//   - feeds: the feeds a page links to;
//   - the site's data: .Site.Data, the digest of the data files
//     (Inputs.Data), in the key of an output whose templates read it;
//   - other: the exported fields of Page the table does not list;
//   - of terms, taxonomies and pagers: their link fields, a term's count,
//     a pager's number, size and pager URLs.
//
// Following a relation reads only which objects are at its other end, their
// identities (a page's output file, a term's taxonomy and slug …).
//
// # What templates can read
//
// members.go is the one table of what templates can read: every field and
// method of Page, Site, Taxonomy, Term and Paginator, what it leads to and
// the group it reads. The analysis of templates, the steps keys take along
// relations, the walk of the whole model and the "other" group are all
// derived from it, and its tests fail the day an exported member of a
// model type is missing from it, or a relation is listed as data.
//
// The analysis (analysis.go) is an abstract interpretation of the parse
// trees that follows variables, with, range, dict, partials and
// {{template}}. Where it cannot follow a value — a page printed whole or
// given to a function it does not know, a partial whose name is not a
// constant, a member the table does not list — the template may read
// anything, and its outputs depend on the whole model. Being wrong in that
// direction costs only time; the other way would publish a stale page.
//
// # Who reads what
//
// Readers (readers.go) is the other way round: from the reads every
// output's key recorded, which outputs see a given change of a page, so
// that a pipeline that patches a page in its model keys again only those.
// A walk also records the lists it followed, on the page that owns each
// (order.go), so that a pipeline that sorts a model's lists again keys
// again the outputs that followed a list whose order changed, and
// records what they read now in place of what they read before.
package deps
