package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// Page bundles. A folder whose page is an index.md is a leaf bundle, one
// whose page is an _index.md a branch bundle (Hugo's words). The files of
// a bundle that are not Markdown are its page's resources, published
// beside the page (internal/site):
//
//   - a leaf bundle owns every such file in its folder and in its
//     subfolders, at any depth, but those of a nested bundle: a subfolder
//     with an index.md or an _index.md of its own owns its files;
//   - a branch bundle owns only the files directly in its folder, since
//     its subfolders hold other pages;
//   - a file that no bundle owns (beside a page that is not an index.md,
//     in a section folder without _index.md, below a branch's folder) is
//     not published, as before bundles.
//
// Markdown files are always pages, never resources: a notes.md inside a
// leaf bundle is a page of its own (Hugo would make it a resource).
// Hidden files and folders, and symbolic links Load refuses, are never
// resources; a link to a folder is not walked into.

// Resource is a file of a page bundle that is not Markdown.
type Resource struct {
	Path string // the file: "content/guides/caching/img/team.jpg"
	Page string // the page of its bundle: "content/guides/caching/index.md"
	Name string // its path below the bundle's folder, and below the page's URL: "img/team.jpg"
}

// IsResourceFile reports whether the slash-separated path, relative to the
// site root, is one that Walk would list among the resources if it existed.
func IsResourceFile(p string) bool {
	return path.Ext(p) != ".md" && visible(p)
}

// BundleOf returns the resource that the file at p (a path Walk lists among the resources
// returns) is, when some bundle owns it; isPage reports whether a page
// file exists. See the rules above.
func BundleOf(p string, isPage func(string) bool) (Resource, bool) {
	dir := path.Dir(p)
	for d := dir; d == Dir || strings.HasPrefix(d, Dir+"/"); d = path.Dir(d) {
		if page := d + "/index.md"; isPage(page) {
			return Resource{Path: p, Page: page, Name: p[len(d)+1:]}, true
		}
		if page := d + "/_index.md"; isPage(page) {
			if d != dir {
				return Resource{}, false // below a branch bundle's folder
			}
			return Resource{Path: p, Page: page, Name: p[len(d)+1:]}, true
		}
	}
	return Resource{}, false
}

// Check reports a resource whose name cannot be published as it is: a
// segment that is no safe file name on every system (CheckSegments). The
// error is at the file, without a line.
func (r Resource) Check() *diag.Error {
	if err := CheckSegments(r.Name); err != nil {
		return &diag.Error{File: r.Path, Msg: "cannot be published as a resource of " + r.Page + ": " + err.Error()}
	}
	return nil
}

// ResourceLimit is the largest resource file ReadResource reads under
// cfg: limits.resource.
func ResourceLimit(cfg *config.Config) config.Size { return limitsOf(cfg).Resource }

// ReadResource reads the resource file name of fsys by the rules of
// ReadFile, with cfg's limits.resource in place of limits.page: a
// symbolic link Load leaves out reads as a file that does not exist, a
// file over the limit is a *diag.Error at the file and is not read past
// the limit.
func ReadResource(fsys fs.FS, name string, cfg *config.Config) ([]byte, error) {
	if rl, ok := fsys.(fs.ReadLinkFS); ok {
		if info, err := rl.Lstat(name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if msg := linkProblem(fsys, name); msg != "" {
				return nil, &fs.PathError{Op: "read", Path: name, Err: &refusedLink{msg}}
			}
		}
	}
	limit := ResourceLimit(cfg)
	data, err := readLimited(fsys, name, limit)
	if errors.As(err, new(*tooLarge)) {
		return nil, &diag.Error{File: name, Msg: fmt.Sprintf(
			"the file is larger than the limit of %s for a page resource (limits.resource in site.yaml)", limit)}
	}
	return data, err
}
