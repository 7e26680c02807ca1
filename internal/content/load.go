package content

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// Dir is the directory under the site root that holds the pages.
const Dir = "content"

// Load reads every page under content/ in fsys (the site root). It returns
// the pages that parsed, sorted by Path, and every problem of every file,
// joined and sorted by path, line and column. It returns ctx.Err() alone if
// ctx is cancelled first.
func Load(ctx context.Context, fsys fs.FS, cfg *config.Config) ([]*Page, error) {
	pages, err := LoadAll(ctx, fsys, cfg)
	return slices.DeleteFunc(pages, func(p *Page) bool { return p.Invalid }), err
}

// LoadAll is Load, but it also returns the pages whose front matter has
// problems, marked Invalid, as far as they could be decoded (a value that
// failed to decode is left zero). A file that cannot be read, or whose front
// matter cannot be parsed at all, has no page. A check that must report
// every problem in one run uses it: a broken page's references and URL
// still take part in checking the others.
func LoadAll(ctx context.Context, fsys fs.FS, cfg *config.Config) ([]*Page, error) {
	files, err := find(fsys)
	if err != nil {
		return nil, err
	}
	pages := make([]*Page, len(files))
	errs := make([][]*diag.Error, len(files))
	// A fixed pool of workers takes files in turn: no goroutine per file, and
	// each result goes to its own slot, so nothing needs a lock.
	g, ctx := errgroup.WithContext(ctx)
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		g.Go(func() error {
			var s parser
			for {
				if err := ctx.Err(); err != nil {
					return err
				}
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return nil
				}
				pages[i], errs[i] = s.load(fsys, files[i], cfg)
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return collect(pages, errs)
}

// A Tree is what one walk of content/ finds, each list sorted: the pages
// (every *.md file, as Load finds them), the other files, which may be
// resources (which of them are depends on the pages beside them:
// BundleOf), and a warning for each symbolic link left out. Hidden files
// and folders (names that begin with ".") are skipped; a site without
// content/ has none.
//
//	content/jobs/x.md: symbolic link to "/etc/passwd" leads outside the site; left out
type Tree struct {
	Pages, Resources []string
	LinkWarnings     []*diag.Error
}

// Walk walks content/ in fsys once and returns what it finds.
func Walk(fsys fs.FS) (*Tree, error) {
	w, err := walk(fsys)
	slices.Sort(w.pages)
	return &Tree{Pages: w.pages, Resources: w.others, LinkWarnings: w.refused}, err
}

// find returns the paths of the *.md files under content/, skipping hidden
// files and directories and refused symbolic links. A site without
// content/ has none.
func find(fsys fs.FS) ([]string, error) {
	w, err := walk(fsys)
	return w.pages, err
}

// walked is what walk found under content/.
type walked struct {
	pages   []string      // the *.md files
	others  []string      // every other file: the candidate resources (resource.go)
	refused []*diag.Error // a warning for each symbolic link left out (symlink.go)
}

// walk finds the files under content/, skipping hidden files and
// directories and refused symbolic links, in lexical order.
func walk(fsys fs.FS) (walked, error) {
	var w walked
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		hidden := strings.HasPrefix(d.Name(), ".") && p != Dir
		switch {
		case d.IsDir() && hidden:
			return fs.SkipDir
		case hidden:
		case d.Type()&fs.ModeSymlink != 0 && p != Dir:
			if msg := linkProblem(fsys, p); msg != "" {
				w.refused = append(w.refused, &diag.Error{File: p, Msg: msg, Kind: "symbolic links left out"})
			} else if path.Ext(p) == ".md" {
				w.pages = append(w.pages, p)
			} else if info, err := fs.Stat(fsys, p); err == nil && info.Mode().IsRegular() {
				w.others = append(w.others, p) // a link to a folder is not walked into
			}
		case !d.IsDir() && path.Ext(p) == ".md":
			w.pages = append(w.pages, p)
		case d.Type().IsRegular():
			w.others = append(w.others, p)
		}
		return nil
	})
	return w, err
}

func (s *parser) load(fsys fs.FS, file string, cfg *config.Config) (*Page, []*diag.Error) {
	data, err := readLimited(fsys, file, limitsOf(cfg).Page)
	var big *tooLarge
	if errors.As(err, &big) {
		return nil, []*diag.Error{{File: file, Line: 1, Col: 1, Msg: big.Error()}}
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message
		}
		return nil, []*diag.Error{{File: file, Msg: "cannot read: " + err.Error()}}
	}
	p, errs := s.parse(file, data, cfg)
	if p != nil && len(errs) > 0 {
		p.Invalid = true
	}
	return p, errs
}

// collect drops the files that gave no page, sorts the pages by Path and
// joins every error in path, line, column order.
func collect(pages []*Page, errs [][]*diag.Error) ([]*Page, error) {
	pages = slices.DeleteFunc(pages, func(p *Page) bool { return p == nil })
	slices.SortFunc(pages, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	all := slices.Concat(errs...)
	if len(all) == 0 {
		return pages, nil
	}
	slices.SortStableFunc(all, diag.Compare)
	list := make([]error, len(all))
	for i, e := range all {
		list[i] = e
	}
	return pages, errors.Join(list...)
}
