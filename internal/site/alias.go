package site

import (
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

// The redirects themselves, and their pages, are made by internal/generate
// (redirect.go); this file reports the ones that cannot be written, at the
// alias in its file, which it reads again to find (content.Locator).

// checkAliases reports the aliases of src that generate.AliasPath rejects.
func checkAliases(src *content.Page, locate content.Locator) []error {
	var errs []error
	for _, a := range src.Aliases {
		if _, err := generate.AliasPath(a); err != nil {
			errs = append(errs, locate(src, "aliases", a).Wrap("aliases: ", err))
		}
	}
	return errs
}

// checkRedirects reports every redirect whose path is the URL of a page or
// of an earlier redirect: two outputs cannot share a file, and the build
// would otherwise keep whichever was written last.
func checkRedirects(pages []*model.Page, redirects []*generate.Redirect, locate content.Locator) []error {
	owner := map[string]*model.Page{}
	for _, p := range pages {
		owner[model.SitePath(p)] = p
	}
	taken := map[string]*generate.Redirect{}
	var errs []error
	for _, r := range redirects {
		if p, ok := owner[r.From]; ok {
			errs = append(errs, redirectPlace(r, locate).Errorf("%s%q is the URL of %s", redirectNoun(r), r.From, model.Describe(p)))
			continue
		}
		if first, ok := taken[r.From]; ok {
			errs = append(errs, redirectPlace(r, locate).Errorf("%s%q is also %s", redirectNoun(r), r.From, first.Describe()))
			continue
		}
		taken[r.From] = r
	}
	return errs
}

// redirectPlace is where an error about r is reported: at the alias in its
// file, or, for the redirect from a first pager, at no file.
func redirectPlace(r *generate.Redirect, locate content.Locator) diag.Place {
	if r.Src == nil {
		return diag.Place{What: "the first pager of " + model.Describe(r.To)}
	}
	return locate(r.Src, "aliases", r.Raw)
}

// redirectNoun begins the message of an error about r: "alias " for an
// alias.
func redirectNoun(r *generate.Redirect) string {
	if r.Src == nil {
		return ""
	}
	return "alias "
}
