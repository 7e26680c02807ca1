// Package scaffold writes new content: the front-matter template of a new
// page of each kind (`careersite new`) and a new site (`careersite init`).
//
// # New pages
//
// Page returns a new page of a kind: its title and date set, and every
// other field of the kind written out as a YAML comment with its type,
// allowed values, whether it is required and what it means. The fields come
// from internal/fields, the same definitions as the validator and
// docs/content-model.md use: the yaml and required tags, Go types and
// enumerations of content.FrontMatter and of career.Job, career.Role and
// career.Certification, and the comments on their fields. With only its title and date, the page
// builds; uncommenting a field and filling it in is all it takes to use it.
//
// New writes such a page to content/<section>/<slug>.md, in the section
// site.yaml maps the kind to, and never overwrites a file.
//
// # New sites
//
// Init writes a new site into an empty or missing folder: site.yaml, a home
// page, the sections, and one example page of each kind, with dates
// relative to the day it runs so that nothing is stale or closed. The site
// builds with the embedded theme with no errors and no warnings.
package scaffold
