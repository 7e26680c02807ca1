package site

import (
	"bytes"
	"context"
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
	if err := s.writeAll(ctx, out); err != nil {
		return nil, joinSorted(append(flatten(err), flatten(out.Abort())...))
	}
	if err := out.Commit(); err != nil {
		return nil, err
	}
	return &Result{Pages: len(s.pages), Files: len(s.pages) + len(s.assets.files)}, nil
}

// writeAll renders pages on all cores, then checks the links of every page
// against what was written; every error is collected.
func (s *loaded) writeAll(ctx context.Context, out Target) error {
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
			data := s.assets.files[name].data
			written.AddFile(name, data)
			return out.WriteFile(name, data)
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
	}
	return joinSorted(problems)
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
	name, err := s.renderer.Find(render.Lookup{Kind: lookupKind(p.Kind), Section: p.Section, Type: p.Type, Layout: p.layout})
	if err != nil {
		return fmt.Errorf("%s: %w", where(p), err)
	}
	var buf bytes.Buffer
	if err := s.renderer.Execute(&buf, name, p); err != nil {
		return fmt.Errorf("%w (rendering %s)", err, describe(p))
	}
	written.AddFile(p.out, buf.Bytes())
	return out.WriteFile(p.out, buf.Bytes())
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
