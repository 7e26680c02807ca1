package model

import (
	"cmp"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// Language is a page's language as templates see it (.Language): its BCP
// 47 code, its name in itself and its direction, for <html lang dir>, the
// hreflang of alternates and the language switcher.
type Language struct {
	Code string // "de", "pt-BR"
	Name string // "Deutsch", "português"
	Dir  string // "ltr" or "rtl"
}

// languageSite is the part of the model of one language: its configured
// language and the content of it.
type languageSite struct {
	lang    config.Language
	sources []*content.Page
	bodies  []Body
}

// byLanguage splits the sources of a build by language, in the order of
// cfg.LanguageList; a site of one language has one part with every page.
func byLanguage(cfg *config.Config, sources []*content.Page, bodies []Body) []languageSite {
	langs := cfg.LanguageList()
	parts := make([]languageSite, len(langs))
	at := map[string]int{}
	for i, l := range langs {
		parts[i].lang = l
		at[l.Code] = i
	}
	for i, src := range sources {
		j, ok := at[src.Language]
		if !ok || !cfg.Multilingual() {
			j = 0 // a site of one language, or a page parsed without a config
		}
		parts[j].sources = append(parts[j].sources, src)
		parts[j].bodies = append(parts[j].bodies, bodies[i])
	}
	return parts
}

// inLanguage is cfg as one language sees it: its title, description, menu
// and code.
func inLanguage(cfg *config.Config, l config.Language) *config.Config {
	c := *cfg
	c.Title, c.Description, c.Menu, c.Language = l.Title, l.Description, l.Menu, l.Code
	return &c
}

// prefixMadeUp puts the language's prefix in front of the URL of every
// page the build made up (the home page and sections without an
// _index.md, taxonomies, terms, the 404 page): the URL of a page from a
// file has it already (internal/content). The default language's 404
// page stays at the root even under a prefix, so that a site always has
// /404.html, which every host serves.
func prefixMadeUp(pages []*Page, prefix string, isDefault bool) {
	if prefix == "" {
		return
	}
	for _, p := range pages {
		if p.File == "" && !(isDefault && p.Kind == KindNotFound) {
			p.URL = "/" + prefix + strings.TrimPrefix(p.URL, "/")
		}
	}
}

// translationKey pairs a page with its translations: a content page's
// translation_key (by default its file's path without the language), a
// home or section page's section, and for every other page the build made
// up its URL without the language's prefix.
func translationKey(p *Page, prefix string) string {
	switch {
	case p.Kind == KindHome || p.Kind == KindSection:
		return "section:" + p.Section
	case p.File != "":
		return "key:" + p.translationKey
	}
	return "url:/" + strings.TrimPrefix(strings.TrimPrefix(p.URL, "/"), prefix)
}

// translated is a page with its translation key, for linkTranslations.
type translated struct {
	page *Page
	key  string
	lang int // the index of its language in cfg.LanguageList
}

// linkTranslations sets .Translations and .AllTranslations of every page
// that has a page of the same key in another language (in the order of
// the languages), and reports two content pages of one language with one
// key, naming both. Pagers after the first are left out: they are copies
// of their list.
func linkTranslations(pages []translated) []error {
	byKey := map[string][]translated{}
	var keys []string
	var errs []error
	for _, t := range pages {
		if t.page.Paginator != nil && t.page.Paginator.number > 1 {
			continue
		}
		list := byKey[t.key]
		if i := slices.IndexFunc(list, func(o translated) bool { return o.lang == t.lang }); i >= 0 {
			errs = append(errs, problemAt(t.page, "translation key %q is also that of %s, in the same language (%s): a page has one translation in each language",
				strings.TrimPrefix(t.key, "key:"), Describe(list[i].page), t.page.Language.Code))
			continue
		}
		if list == nil {
			keys = append(keys, t.key)
		}
		byKey[t.key] = append(list, t)
	}
	for _, k := range keys {
		list := byKey[k]
		if len(list) < 2 {
			continue
		}
		slices.SortFunc(list, func(a, b translated) int { return cmp.Compare(a.lang, b.lang) })
		all := make([]*Page, len(list))
		for i, t := range list {
			all[i] = t.page
		}
		for _, t := range list {
			t.page.AllTranslations = all
			t.page.Translations = slices.DeleteFunc(slices.Clone(all), func(q *Page) bool { return q == t.page })
		}
	}
	return errs
}

// checkAcross reports every page of one language whose URL a page of a
// language indexed before has (a url: in front matter can make that), and
// adds the language's URLs to taken. Within a language, index reports.
func checkAcross(taken map[string]*Page, pages []*Page) []error {
	var errs []error
	for _, p := range pages {
		if first, ok := taken[p.sitePath]; ok {
			errs = append(errs, problemAt(p, "URL %q is also the URL of %s", p.URL, Describe(first)))
		}
	}
	for _, p := range pages {
		if _, ok := taken[p.sitePath]; !ok {
			taken[p.sitePath] = p
		}
	}
	return errs
}

// defaultOf is the default language among languages.
func defaultOf(languages []*Language, cfg *config.Config) *Language {
	for _, l := range languages {
		if l.Code == cfg.Language {
			return l
		}
	}
	return languages[0]
}
