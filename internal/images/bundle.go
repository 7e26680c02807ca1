package images

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/careersite/careersite/internal/imaging"
)

// A Bundle tells a bundle Resolver about the site's page bundles: which
// bundle owns a file, and the folder a page is published in.
type Bundle struct {
	// Owner is the page whose bundle owns file ("content/guides/caching/team.jpg"),
	// and file's name below the bundle's folder ("team.jpg").
	Owner func(file string) (page, name string, ok bool)
	// Folder is the folder of the site page is published in, with a
	// final "/": "guides/caching/"; ok is false for a page that is not
	// published.
	Folder func(page string) (folder string, ok bool)
}

// BundleFiles returns the Resolver that looks in the bundle of the page
// first: a path relative to the page ("team.jpg", "img/team.jpg") names a
// resource of its bundle, read from fsys and published in the page's
// folder beside the resource itself. A relative path that is no resource
// of the page's bundle, or names no file, is ErrExternal, left to the next
// Resolver (Chain) or to Markdown, whose link check reports it; so is any
// other reference.
func BundleFiles(fsys fs.FS, b Bundle) Resolver {
	return func(page, ref string) (Location, error) {
		rel, ok := relativePath(ref)
		if page == "" || !ok {
			return Location{}, ErrExternal
		}
		file := path.Join(path.Dir(page), rel)
		owner, name, owned := b.Owner(file)
		if !owned || owner != page || !fs.ValidPath(file) {
			return Location{}, ErrExternal
		}
		folder, published := b.Folder(page)
		if !published {
			return Location{}, ErrExternal
		}
		if _, err := fs.Stat(fsys, file); err != nil {
			// Left to Markdown: a broken link at its line and column,
			// which site.yaml's broken_links may make a warning, as it
			// was before bundles' images were processed.
			return Location{}, ErrExternal
		}
		return Location{FS: fsys, Path: file, Dir: folder + dirOf(name)}, nil
	}
}

// relativePath is the path ref names relative to its page, if it is one:
// no scheme, host, leading "/" or "assets/", no "..", an image's
// extension.
func relativePath(ref string) (string, bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", false
	}
	p := path.Clean(u.Path)
	if strings.HasPrefix(u.Path, "/") || strings.HasPrefix(p, "assets/") || p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	if _, ok := imaging.FormatByExt(p); !ok {
		return "", false
	}
	return p, true
}

// Chain returns the Resolver that asks each of rs in turn, and answers
// with the first that does not return ErrExternal.
func Chain(rs ...Resolver) Resolver {
	return func(page, ref string) (Location, error) {
		for _, r := range rs {
			loc, err := r(page, ref)
			if !errors.Is(err, ErrExternal) {
				return loc, err
			}
		}
		return Location{}, ErrExternal
	}
}
