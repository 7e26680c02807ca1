package images

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/careersite/careersite/internal/imaging"
)

// A Location is where an image is read from and where what is made from
// it is published.
type Location struct {
	FS   fs.FS  // the file system to read it from
	Path string // its path in FS, also its name in messages: "assets/img/team.jpg"
	Dir  string // the folder of the site its files are published in: "img/"; "" for the root
}

// A Resolver finds the image that ref, as written in page ("content/x.md";
// "" for a template), names. It returns ErrExternal for a reference that
// is not the build's to process, and an error wrapping fs.ErrNotExist for
// an image that is not there.
type Resolver func(page, ref string) (Location, error)

// ErrExternal is a reference that is not a file the build processes: an
// external URL, a path relative to the page, a file that is not an image.
var ErrExternal = errors.New("not an image of the site")

// Assets returns the Resolver that looks in assets/ of the site, then of
// the theme (either may be nil): "/img/team.jpg" and "assets/img/team.jpg"
// both name assets/img/team.jpg, published in img/.
func Assets(site, theme fs.FS) Resolver {
	return func(page, ref string) (Location, error) {
		rel, ok := assetPath(ref)
		if !ok {
			return Location{}, ErrExternal
		}
		for _, fsys := range []fs.FS{site, theme} {
			if fsys == nil {
				continue
			}
			if _, err := fs.Stat(fsys, "assets/"+rel); err == nil {
				return Location{FS: fsys, Path: "assets/" + rel, Dir: dirOf(rel)}, nil
			}
		}
		return Location{}, notFound(fmt.Sprintf("no image %s: there is no assets/%s in the site or the theme", ref, rel))
	}
}

// assetPath is the path below assets/ that ref names, if it names one:
// root-relative, or starting with assets/, with an image's extension.
func assetPath(ref string) (string, bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", false
	}
	p, rooted := strings.CutPrefix(u.Path, "/")
	p, inAssets := strings.CutPrefix(p, "assets/")
	if !rooted && !inAssets {
		return "", false // relative to the page: BundleFiles's
	}
	if _, ok := imaging.FormatByExt(p); !ok || !fs.ValidPath(p) {
		return "", false
	}
	return p, true
}

// dirOf is the folder of rel with a final "/", "" for the root.
func dirOf(rel string) string {
	if d := path.Dir(rel); d != "." {
		return d + "/"
	}
	return ""
}

// notFound is the error for an image that is not there: its message
// alone, and fs.ErrNotExist to errors.Is.
type notFound string

func (e notFound) Error() string        { return string(e) }
func (e notFound) Is(target error) bool { return target == fs.ErrNotExist }
