package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/render"
)

// write renders every page and publishes the assets into out, then commits
// it. On any error out is aborted, so what it replaces stays as it was.
func (s *loaded) write(ctx context.Context, out Target) (*Result, error) {
	warnings, err := s.writeAll(ctx, out)
	if err != nil {
		return nil, failed(joinSorted(append(flatten(err), flatten(out.Abort())...)), s.warnings)
	}
	if err := out.Commit(); err != nil {
		return nil, err
	}
	all := s.warnings
	for _, w := range warnings {
		all = append(all, errors.New(w))
	}
	return &Result{Pages: len(s.pages), Files: len(s.pages) + len(s.files) + len(s.assets.files), Warnings: messages(joinSorted(all))}, nil
}

// writeAll renders pages on all cores, then checks the links of every page
// against what was written; every error is collected. Broken links come
// back as warnings instead when site.yaml says broken_links: warn.
func (s *loaded) writeAll(ctx context.Context, out Target) ([]string, error) {
	var (
		mu       sync.Mutex
		problems []error
	)
	report := func(err error) {
		mu.Lock()
		problems = append(problems, err)
		mu.Unlock()
	}
	written := links.New()
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, name := range slices.Sorted(maps.Keys(s.assets.files)) {
		g.Go(func() error {
			a := s.assets.files[name]
			written.AddFile(a.out, a.data)
			return out.WriteFile(a.out, a.data)
		})
	}
	for _, f := range s.files {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			data, err := f.make()
			if err == nil {
				written.AddFile(f.name, data)
				data, err = s.minifyHTML(data, f.html)
			}
			if err != nil {
				report(fmt.Errorf("%s: %w", f.name, err))
				return nil
			}
			return out.WriteFile(f.name, data)
		})
	}
	for _, p := range s.pages {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.writePage(out, written, p); err != nil {
				report(err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		problems = append(problems, err)
	}
	if len(problems) == 0 {
		problems = s.checkLinks(written)
		if s.warnLinks && len(problems) > 0 {
			return messages(joinSorted(problems)), nil
		}
	}
	return nil, joinSorted(problems)
}

// messages returns the texts of the errors joined in err.
func messages(err error) []string {
	var out []string
	for _, e := range flatten(err) {
		out = append(out, e.Error())
	}
	return out
}

// minifyHTML minifies data when it is HTML and site.yaml asks for it.
func (s *loaded) minifyHTML(data []byte, isHTML bool) ([]byte, error) {
	if s.minify == nil || !isHTML {
		return data, nil
	}
	return s.minify.HTML(data)
}

// checkLinks reports every link in Markdown that points to nothing the
// build wrote.
func (s *loaded) checkLinks(written *links.Site) []error {
	var problems []error
	for _, p := range s.pages {
		if p.File == "" || len(p.links) == 0 {
			continue
		}
		ls := make([]links.Link, len(p.links))
		for i, l := range p.links {
			ls[i] = links.Link{Dest: l.Dest, Line: l.Line, Col: l.Col}
		}
		for _, b := range written.Check(p.File, p.sitePath, ls) {
			problems = append(problems, b)
		}
	}
	return problems
}

func (s *loaded) writePage(out Target, written *links.Site, p *Page) error {
	name, err := s.renderer.Find(render.Lookup{Kind: lookupKind(p.Kind), Section: p.Section, Type: p.Type, Layout: p.layout, Taxonomy: p.taxonomyName()})
	if err != nil {
		return fmt.Errorf("%s: %w", where(p), err)
	}
	var buf bytes.Buffer
	if err := s.renderer.Execute(&buf, name, p); err != nil {
		return fmt.Errorf("%w (rendering %s)", err, describe(p))
	}
	// Links are checked against the HTML as rendered: the minifier drops
	// the quotes around ids, which the id scanner needs.
	written.AddFile(p.out, buf.Bytes())
	data, err := s.minifyHTML(buf.Bytes(), true)
	if err != nil {
		return fmt.Errorf("%w (minifying %s)", err, describe(p))
	}
	return out.WriteFile(p.out, data)
}

// lookupKind maps a page kind to the template kind of internal/render.
func lookupKind(kind string) string {
	if kind == KindPage {
		return "single"
	}
	return kind
}

// where is the position an error about a whole page is reported at.
func where(p *Page) string {
	if p.File == "" {
		return describe(p)
	}
	return p.File + ":1:1"
}
