package config

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/careersite/careersite/internal/diag"
)

// Language is one language of a multilingual site: an entry of site.yaml's
// languages, keyed by its BCP 47 code ("en", "de", "pt-BR").
type Language struct {
	Code        string     `yaml:"-"`           // the key it is listed under, canonical BCP 47
	Name        string     `yaml:"name"`        // in the language itself: "Deutsch"; default CLDR's
	Title       string     `yaml:"title"`       // the site's title in it; default the site's title
	Description string     `yaml:"description"` // the site's description in it; default the site's
	Weight      int        `yaml:"weight"`      // the order of the language switcher, then Code
	Menu        []MenuItem `yaml:"menu"`        // the menu in this language; default the site's menu
	Dir         string     `yaml:"-"`           // "ltr" or "rtl", from the language's script
	Prefix      string     `yaml:"-"`           // "" or "de/": where its pages go under the base URL
}

// LanguageList returns the site's languages sorted by weight, then code; a
// site without languages: has one, made from language, title, description
// and menu, whose prefix is "".
func (c *Config) LanguageList() []Language {
	if len(c.Languages) == 0 {
		return []Language{c.single()}
	}
	list := slices.Collect(maps.Values(c.Languages))
	slices.SortFunc(list, func(a, b Language) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Code, b.Code))
	})
	return list
}

// Multilingual reports whether site.yaml lists languages.
func (c *Config) Multilingual() bool { return len(c.Languages) > 0 }

// LanguageOf returns the language of code and whether the site has it.
func (c *Config) LanguageOf(code string) (Language, bool) {
	if len(c.Languages) == 0 {
		l := c.single()
		return l, code == l.Code
	}
	l, ok := c.Languages[code]
	return l, ok
}

// single is the one language of a site without languages:.
func (c *Config) single() Language {
	return Language{Code: c.Language, Name: selfName(c.Language), Title: c.Title, Description: c.Description,
		Menu: c.Menu, Dir: Direction(c.Language)}
}

// rtlScripts are the scripts written right to left that CLDR gives as the
// likely script of a living language (Arabic, Hebrew, Thaana, Syriac, N'Ko,
// Adlam): Arabic for ar, fa and ur, Hebrew for he and yi, Thaana for dv.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true}

// Direction returns "rtl" when the language of code is written right to
// left, else "ltr". An explicit script in the code wins ("az-Arab");
// otherwise the script is CLDR's likely script for the language, as
// golang.org/x/text/language infers it.
func Direction(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return "ltr"
	}
	if script, _ := tag.Script(); rtlScripts[script.String()] {
		return "rtl"
	}
	return "ltr"
}

// checkLanguages checks languages (node n) and default_language (node def):
// every code well-formed and canonical BCP 47, the default one of them.
func (c *Config) checkLanguages(n, def *yaml.Node) []*diag.Error {
	if len(c.Languages) == 0 {
		if def != nil && c.DefaultLanguage != "" && c.DefaultLanguage != c.Language {
			return []*diag.Error{at(def, "default_language", "is set, but languages: lists no language")}
		}
		return nil
	}
	var errs []*diag.Error
	for _, code := range slices.Sorted(maps.Keys(c.Languages)) {
		if msg := codeProblem(code); msg != "" {
			errs = append(errs, at(key(n, code), "languages", msg))
			continue
		}
	}
	if _, ok := c.Languages[c.defaultLanguage()]; !ok {
		msg := fmt.Sprintf("%q is not one of languages: %s", c.defaultLanguage(), strings.Join(slices.Sorted(maps.Keys(c.Languages)), ", "))
		if def == nil {
			msg = fmt.Sprintf("missing: the default language %q (from language) is not one of languages: %s",
				c.defaultLanguage(), strings.Join(slices.Sorted(maps.Keys(c.Languages)), ", "))
		}
		errs = append(errs, at(def, "default_language", msg))
	}
	return errs
}

// codeProblem says why code is not a well-formed, canonical BCP 47 tag, or
// returns "". Canonical ("pt-BR", not "pt-br" or "pt_BR") because the code
// is also a URL prefix and a file-name part, which must be spelt one way.
func codeProblem(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return fmt.Sprintf("%q is not a BCP 47 language code (want en, de, pt-BR, …)", code)
	}
	if tag.String() != code {
		return fmt.Sprintf("write the language code %q as %q", code, tag.String())
	}
	return ""
}

// defaultLanguage is default_language, else language.
func (c *Config) defaultLanguage() string {
	return cmp.Or(c.DefaultLanguage, c.Language)
}

// normalizeLanguages fills in each language's code, direction, prefix and
// the site's title, description and menu where it sets none, and makes
// Language the default language.
func (c *Config) normalizeLanguages() {
	if len(c.Languages) == 0 {
		c.DefaultLanguage = ""
		return
	}
	c.DefaultLanguage = c.defaultLanguage()
	c.Language = c.DefaultLanguage
	for code, l := range c.Languages {
		l.Code = code
		l.Name = cmp.Or(l.Name, selfName(code))
		l.Dir = Direction(code)
		l.Title = cmp.Or(l.Title, c.Title)
		l.Description = cmp.Or(l.Description, c.Description)
		if l.Menu == nil {
			l.Menu = slices.Clone(c.Menu)
		}
		sortMenu(l.Menu)
		if code != c.DefaultLanguage || c.DefaultLanguageInSubdir {
			l.Prefix = code + "/"
		}
		c.Languages[code] = l
	}
}

// selfName is CLDR's name of the language of code in that language
// ("Deutsch" for de, "português" for pt-BR), or code when CLDR has none.
func selfName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	return cmp.Or(display.Self.Name(tag), code)
}
