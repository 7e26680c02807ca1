package site

import (
	"strings"

	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
)

// This file reads the strings of the site's languages (internal/i18n)
// with the layouts, which call them through T: i18n/CODE.yaml of the
// theme and of the site.

// readStrings loads the strings of every language of the configuration
// again, and gives them to the template functions. Their digest is part
// of every output's key (keyer): the templates' analysis does not follow
// T to the file a string came from.
func (b *Builder) readStrings() error {
	b.strings, b.stringsDigest, b.stringsWarnings = nil, deps.Digest{}, nil
	b.conv.SetStrings(nil)
	if b.cfg == nil {
		return nil
	}
	var codes []string
	for _, l := range b.cfg.LanguageList() {
		codes = append(codes, l.Code)
	}
	c, warnings, err := i18n.Load(b.opts.Theme, b.fsys, codes, b.cfg.Language)
	if c == nil {
		return err
	}
	b.stringsDigest = c.Sum()
	for _, w := range warnings {
		b.stringsWarnings = append(b.stringsWarnings, w)
	}
	b.strings = c
	b.funcs.SetStrings(c)
	// A shortcode's T writes in its page's language: the key of a body
	// with shortcodes holds the digest of that language's strings.
	b.conv.SetStrings(func(lang string) deps.Digest { return c.SumFor(lang) })
	return err
}

// isStrings says whether a changed path is under i18n/.
func isStrings(p string) bool { return strings.HasPrefix(p, i18n.Dir+"/") || p == i18n.Dir }

// configDigest is the digest of site.yaml, the build's options and the
// strings, which every output's key holds.
func (b *Builder) configDigest() deps.Digest {
	return deps.NewHasher().Digest(b.cfgDigest).Digest(b.stringsDigest).Sum()
}

// words are the strings of the language code, for the titles the model
// makes up (model.Words); none when they could not be read, which is an
// error of the build already.
func (b *Builder) words(code string) model.Words {
	if b.strings == nil {
		return noWords{}
	}
	return b.strings.For(code)
}

// noWords are the Words of a site whose strings could not be read.
type noWords struct{}

func (noWords) Or(_, fallback string) string { return fallback }
