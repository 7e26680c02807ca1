// Package careersite holds the default theme that the careersite binary
// embeds: the repository's own layouts/, its i18n/ (the theme's strings
// in English and German, internal/i18n) and the theme's part of its
// assets/ (css/, js/, favicon.svg), which are also the example site's. The
// example site's own pictures (assets/img/) are its content, not the
// theme's, and are not embedded: every site would publish them. A site's
// files at the same paths take precedence (see internal/render for the
// template lookup order).
package careersite

import (
	"embed"
	"io/fs"
)

// The "all:" prefix keeps files and folders whose names begin with "_" or
// ".", such as layouts/_default/.
//
//go:embed all:layouts all:assets/css all:assets/js assets/favicon.svg i18n
var theme embed.FS

// Theme returns the default theme: a file system holding layouts/ and assets/.
func Theme() fs.FS { return theme }
