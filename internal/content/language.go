package content

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// LanguageOf splits the language code off a content file's name on a
// multilingual site: "content/jobs/x.de.md" is "content/jobs/x.md" in "de",
// "content/_index.de.md" is "content/_index.md" in "de", and a name without
// a code is in the default language. A last dotted part that is a BCP 47
// code the site does not list ("x.fr.md" on a site of en and de) is an
// error at 1:1; a dotted part that is no language code at all ("node.js.md")
// is part of the name. On a site of one language every file is in it, and
// its name is kept as written.
func LanguageOf(file string, cfg *config.Config) (base, lang string, err *diag.Error) {
	if cfg == nil {
		return file, "", nil
	}
	if !cfg.Multilingual() {
		return file, cfg.Language, nil
	}
	stem := strings.TrimSuffix(file, ".md")
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || strings.Contains(stem[dot:], "/") {
		return file, cfg.DefaultLanguage, nil
	}
	code := stem[dot+1:]
	if _, ok := cfg.Languages[code]; ok {
		return stem[:dot] + ".md", code, nil
	}
	if tag, perr := language.Parse(code); perr == nil && isLanguageCode(code, tag) {
		codes := slices.Sorted(maps.Keys(cfg.Languages))
		return file, "", &diag.Error{Line: 1, Col: 1, Msg: fmt.Sprintf(
			"the file name gives the language %q, which site.yaml's languages does not list (%s)", code, strings.Join(codes, ", "))}
	}
	return file, cfg.DefaultLanguage, nil
}

// isLanguageCode reports whether code, which parsed as tag, reads as a
// language code someone meant: spelt as CLDR spells it but for case
// ("pt-br"; "tmp" is rewritten to another code), of a language whose
// script CLDR knows ("fr", "ts"; "old" and "net" are well-formed codes of
// no such language, and x/text refuses "js" and "md" outright).
func isLanguageCode(code string, tag language.Tag) bool {
	_, conf := tag.Script()
	return strings.EqualFold(code, tag.String()) && conf != language.No
}

// prefixed puts the language's prefix ("de/") in front of a root-relative
// URL: "/jobs/x/" becomes "/de/jobs/x/".
func prefixed(u string, cfg *config.Config, lang string) string {
	l, ok := cfg.LanguageOf(lang)
	if !ok || l.Prefix == "" {
		return u
	}
	return "/" + l.Prefix + strings.TrimPrefix(u, "/")
}

// defaultTranslationKey is the key that pairs translations whose front
// matter sets none: the file's path without its language, and without the
// name of a bundle's index ("content/jobs/x.md", "content/guides/y/").
func defaultTranslationKey(base string) string {
	dir, name := path.Split(base)
	if name == "index.md" {
		return dir
	}
	return base
}
