package hugoimport

import (
	"fmt"
	"slices"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
)

// checkURLs lists every URL Hugo publishes — each published page, the home
// page, each section, each taxonomy and term — with the URL careersite
// publishes for it, and reports an alias that is another page's URL.
// Pager pages (/page/2/), feeds and the sitemap are left out.
func (s *siteImport) checkURLs(pages []*pageImport, parsed map[*pageImport]*content.Page) {
	owner := map[string]string{} // careersite URL → the Hugo file of its page
	for _, p := range pages {
		if cp := parsed[p]; cp != nil {
			owner[dirURL(cp.URL)] = p.src
		}
	}
	aliasOwner := map[string]string{} // alias → the Hugo file of the first page that has it
	s.addURL(URLCheck{Hugo: "/", Ours: "/", Status: URLSame})
	sections := map[string]bool{}
	terms := map[string]map[string]bool{} // taxonomy → terms
	for _, p := range pages {
		if !p.published() {
			continue
		}
		if sec := p.hugo.Section(); sec != "" {
			sections[sec] = true
		}
		if p.isIndex() && p.hugo.Section() == "" {
			continue // the home page
		}
		s.addURL(p.urlCheck(parsed[p]))
		s.checkAliases(p, parsed[p], owner, aliasOwner)
		for _, tax := range s.taxonomies {
			for _, t := range listOf(p.fm.values[tax]) {
				if terms[tax] == nil {
					terms[tax] = map[string]bool{}
				}
				terms[tax][t] = true
			}
		}
	}
	for _, sec := range sortedKeys(sections) {
		s.listURL(s.urls.SectionURL(sec), "/"+sec+"/", "the section's folder content/"+sec)
	}
	for _, tax := range sortedKeys(terms) {
		s.listURL(s.urls.SectionURL(tax), "/"+tax+"/", "the taxonomy "+tax)
		for _, t := range sortedKeys(terms[tax]) {
			s.listURL(s.urls.TermURL(tax, t), "/"+tax+"/"+model.TermSlug(t)+"/", fmt.Sprintf("the term %q", t))
		}
	}
}

// addURL adds c, once: a section's _index.md and its folder name one URL.
func (s *siteImport) addURL(c URLCheck) {
	if !slices.ContainsFunc(s.report.URLs, func(u URLCheck) bool { return u.Hugo == c.Hugo }) {
		s.report.URLs = append(s.report.URLs, c)
	}
}

// listURL checks a list page's URL: careersite's rule, ours, must give
// Hugo's.
func (s *siteImport) listURL(hugo, ours, what string) {
	c := URLCheck{Hugo: hugo, Ours: ours, Status: URLSame}
	if !sameURL(ours, hugo) {
		c = URLCheck{Hugo: hugo, Status: URLLost, Why: fmt.Sprintf("careersite publishes %s at %s", what, ours)}
		s.report.needs("content", 1, fmt.Sprintf("URL %s is lost: %s", hugo, c.Why))
	}
	s.addURL(c)
}

// urlCheck is the check of the page's own URL.
func (p *pageImport) urlCheck(cp *content.Page) URLCheck {
	hugo := p.hugoURL()
	c := URLCheck{Hugo: hugo, File: p.src}
	switch {
	case cp == nil:
		c.Status, c.Why = URLLost, "the page has problems (Needs a person)"
	case sameURL(cp.URL, hugo):
		c.Status, c.Ours = URLSame, cp.URL
	case slices.ContainsFunc(cp.Aliases, func(a string) bool { return sameURL(a, hugo) }):
		c.Status, c.Ours = URLAlias, cp.URL
	default:
		c.Status, c.Why = URLLost, "careersite publishes the page at "+cp.URL
	}
	return c
}

// checkAliases reports an alias of p that is another page's URL or
// another page's alias: Hugo writes one file over the other, careersite
// refuses the build.
func (s *siteImport) checkAliases(p *pageImport, cp *content.Page, owner, aliasOwner map[string]string) {
	if cp == nil {
		return
	}
	for _, a := range cp.Aliases {
		a = dirURL(a)
		if other, ok := owner[a]; ok && other != p.src {
			p.needs("aliases", fmt.Sprintf("alias %s is the URL of %s: Hugo writes one over the other; remove the alias or move %s", a, other, other))
		}
		if other, ok := aliasOwner[a]; ok && other != p.src {
			p.needs("aliases", fmt.Sprintf("alias %s is also an alias of %s: Hugo redirects it to one of the two; remove it from one", a, other))
		} else {
			aliasOwner[a] = p.src
		}
	}
}
