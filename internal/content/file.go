package content

import (
	"path"
	"strings"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// IsFile reports whether the slash-separated path, relative to the site
// root, is one that Walk would list among the pages if it existed.
func IsFile(p string) bool {
	return path.Ext(p) == ".md" && visible(p)
}

// visible reports whether p is a path under content/ with no hidden (or
// empty) segment: one the walk does not skip.
func visible(p string) bool {
	rest, ok := strings.CutPrefix(p, Dir+"/")
	if !ok {
		return false
	}
	for seg := range strings.SplitSeq(rest, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// ParseFile is one file of LoadAll: it parses data, the text of the file at
// path, and returns the page, marked Invalid when its front matter has
// problems, and the problems sorted by position. The page is nil when the
// front matter cannot be parsed at all.
func ParseFile(path string, data []byte, cfg *config.Config) (*Page, error) {
	p, errs := parseOnce(path, data, cfg)
	if p != nil && len(errs) > 0 {
		p.Invalid = true
	}
	return p, diag.SortJoin(errs)
}
