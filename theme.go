// Package careersite holds the default theme that the careersite binary
// embeds: the repository's own layouts/ and assets/, which are also the
// example site's. A site's files at the same paths take precedence (see
// internal/render for the template lookup order).
package careersite

import (
	"embed"
	"io/fs"
)

// The "all:" prefix keeps files and folders whose names begin with "_" or
// ".", such as layouts/_default/.
//
//go:embed all:layouts all:assets
var theme embed.FS

// Theme returns the default theme: a file system holding layouts/ and assets/.
func Theme() fs.FS { return theme }
