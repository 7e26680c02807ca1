package model

import (
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// CheckReferences reports every page reference of a career page
// (related_roles, related_certifications, alternatives) that names no page
// of the site, or a page of the wrong kind, at the reference's position. It
// runs once the pages are indexed; references are site paths ("/roles/x/").
// broken holds the URLs and kinds of pages left out for their own errors;
// they still resolve, so one mistake is reported once.
func CheckReferences(sources []*content.Page, pages []*Page, broken map[string]string) []error {
	kinds := maps.Clone(broken)
	for _, p := range pages {
		kind := p.Type
		if p.Kind != KindPage {
			kind = ""
		}
		kinds[p.sitePath] = kind
	}
	resolve := func(u string) (string, bool) {
		kind, ok := kinds[refPath(u)]
		return kind, ok
	}
	var errs []error
	for _, src := range sources {
		if src.Career.IsZero() {
			continue
		}
		for _, e := range career.CheckRefs(src.Path, src.Career, resolve) {
			errs = append(errs, e)
		}
	}
	return errs
}

// resolveRefs sets the pages that the references of every career page
// name, in the order written, from one map of the site's pages: templates
// range over .RelatedRoles instead of searching .Site.Pages for each URL.
// A reference that names no page, or a page of the wrong kind, is left out;
// CheckReferences reports it.
func resolveRefs(pages []*Page) {
	bySitePath := make(map[string]*Page, len(pages))
	for _, p := range pages {
		if p.Kind == KindPage {
			bySitePath[p.sitePath] = p
		}
	}
	find := func(refs []career.Ref, kind string) []*Page {
		var out []*Page
		for _, r := range refs {
			if q := bySitePath[refPath(r.URL)]; q != nil && q.Type == kind {
				out = append(out, q)
			}
		}
		return out
	}
	for _, p := range pages {
		switch {
		case p.Job != nil:
			p.RelatedRoles = find(p.Job.RelatedRoles, config.KindRole)
		case p.Role != nil:
			p.RelatedRoles = find(p.Role.RelatedRoles, config.KindRole)
			p.RelatedCertifications = find(p.Role.RelatedCertifications, config.KindCertification)
		case p.Certification != nil:
			p.Alternatives = find(p.Certification.Alternatives, config.KindCertification)
		}
		p.Related = without(p.Related, p.RelatedRoles, p.RelatedCertifications, p.Alternatives)
	}
}

// without returns pages less those in any of the lists, in order: a page the
// author named as related is not listed a second time among the pages found
// by shared skills.
func without(pages []*Page, lists ...[]*Page) []*Page {
	named := map[*Page]bool{}
	for _, l := range lists {
		for _, p := range l {
			named[p] = true
		}
	}
	if len(named) == 0 {
		return pages
	}
	var out []*Page
	for _, p := range pages {
		if !named[p] {
			out = append(out, p)
		}
	}
	return out
}

// StepsWith returns the steps of a role guide's career path that list the
// skill name, in any spelling of its term ("postgresql" finds
// "PostgreSQL"), in the order written; nil on other pages. A skill page
// uses it to say where on a career path the skill is needed:
// {{ range .StepsWith $.Term.Name }}.
func (p *Page) StepsWith(name string) []career.Step {
	if p.Role == nil {
		return nil
	}
	slug := TermSlug(name)
	var out []career.Step
	for _, s := range p.Role.CareerPath {
		for _, skill := range s.Skills {
			if TermSlug(skill) == slug {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// Roles returns the role guides that need the skill of t: those whose
// front matter lists it, then, for the skills taxonomy, those with a
// career-path step that lists it; each once, newest first. Skill pages
// show it as the roles that need the skill: {{ range .Term.Roles }}.
func (t *Term) Roles() []*Page {
	var out []*Page
	listed := map[*Page]bool{}
	for _, p := range t.Pages {
		if p.Role != nil {
			out = append(out, p)
			listed[p] = true
		}
	}
	if t.Taxonomy == nil || t.Taxonomy.Name != "skills" || t.Page == nil {
		return out
	}
	for _, p := range t.Taxonomy.stepRoles(t.Page.Site)[t.Slug] {
		if !listed[p] {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, byDate)
	return out
}

// stepRoles returns, by term slug, the role guides of site whose career
// path has a step that lists the skill, in the order of site.Pages: made
// once, as every skill page asks, and Roles would otherwise read every
// step of every role guide for each.
func (t *Taxonomy) stepRoles(site *Site) map[string][]*Page {
	t.rolesOnce.Do(func() {
		t.roles = map[string][]*Page{}
		for _, p := range site.Pages {
			if p.Role == nil {
				continue
			}
			seen := map[string]bool{}
			for _, s := range p.Role.CareerPath {
				for _, skill := range s.Skills {
					if slug := TermSlug(skill); !seen[slug] {
						seen[slug] = true
						t.roles[slug] = append(t.roles[slug], p)
					}
				}
			}
		}
	})
	return t.roles
}

// refPath is the site path a reference names: "/roles/x" is "/roles/x/",
// as a page URL always ends in "/" unless its last segment has an extension.
func refPath(u string) string {
	if !strings.HasSuffix(u, "/") && !strings.Contains(path.Base(u), ".") {
		return u + "/"
	}
	return u
}

// postings sets PostingOpen and PostingClosed on every job page at now.
func postings(pages []*Page, now time.Time) {
	for _, p := range pages {
		if p.Job != nil {
			p.PostingOpen = p.Job.PostingOpen(now)
			p.PostingClosed = p.Job.PostingClosed(now)
		}
	}
}

// CareerData is the typed career data of page p; zero on pages of no
// career kind.
func CareerData(p *Page) career.Data {
	return career.Data{Job: p.Job, Role: p.Role, Certification: p.Certification}
}
