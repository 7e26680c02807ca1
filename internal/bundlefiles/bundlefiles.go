// Package bundlefiles keeps the resources of page bundles
// (content.BundleOf) from build to build and publishes them as outputs.
//
// A Set holds every file under content/ that is not Markdown
// (content.Tree.Resources), as a build last found it. Read brings it up to
// date, every file or those among the paths that changed, and returns the
// paths whose bytes changed: added, edited or removed. A file is read only
// when a bundle owns it (the others are not published, and their size is
// no one's concern), and its digest is taken from its filestamp stamp when
// the stamp is one a build knows, so that a build reads no resource that
// did not change; a digest learnt from the bytes is kept under the stamp
// for the next build.
//
// Attach gives the published pages of a model the resources their
// bundles own (model.AttachResources), reading those that were not read
// while no bundle owned them, and returns the problems, each at the
// resource's file: a resource that cannot be read, is over limits.resource
// (content.ReadResource) or has a name that cannot be published. Each
// resource is an output of its own: Key writes what it is made from, the
// digest of its bytes, and Bytes reads the bytes it is published with, as
// they are. Hash writes the path and digest of every file, for the outputs
// that read them all (the template functions asset and image).
//
// Adding, editing or removing a resource makes the caller's model anew
// (its page's .Resources changes), which makes again only the outputs
// whose keys changed: the resource, and the pages whose templates read
// .Resources.
package bundlefiles

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/filestamp"
	"github.com/careersite/careersite/internal/model"
)

// A Set is the files under content/ that are not pages, as the last Read
// found them. Read and Attach must not run while another method does;
// Key, Bytes and Hash may run from many goroutines at once between them.
type Set struct {
	fsys   fs.FS
	stamps *filestamp.Stamps
	isPage func(string) bool
	files  map[string]*file
}

// file is a file under content/ that may be a resource, as the Set last
// read it.
type file struct {
	read bool        // sum, size and err are known
	sum  deps.Digest // of its bytes
	size int64
	err  error // it could not be read, or is over limits.resource: reported when a published page owns it
}

// stampKind is the kind of the resources' digests in the Stamps.
const stampKind = "resource"

// New returns an empty Set of the site in fsys, whose digests are kept by
// stamps (nil keeps none); isPage reports whether a content file is a
// page the caller read, which decides the bundles that own files.
func New(fsys fs.FS, stamps *filestamp.Stamps, isPage func(string) bool) *Set {
	return &Set{fsys: fsys, stamps: stamps, isPage: isPage, files: map[string]*file{}}
}

// Read brings s up to date under cfg's limits, after the pages were read:
// every file of all, a walk of content/ (content.Walk), when it is given,
// else the files among changed. It returns
// the paths that changed (added, edited or removed), sorted.
func (s *Set) Read(ctx context.Context, cfg *config.Config, all *content.Tree, changed []string) ([]string, error) {
	paths := s.toRead(all, changed)
	read := make([]*file, len(paths))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			read[i] = s.readFile(cfg, p)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var diff []string
	for i, p := range paths {
		old, cur := s.files[p], read[i]
		switch {
		case cur == nil && old == nil:
			continue
		case cur == nil:
			delete(s.files, p)
		case old != nil && same(old, cur):
			continue
		default:
			s.files[p] = cur
		}
		diff = append(diff, p)
	}
	return diff, nil
}

// toRead returns the paths Read looks at, sorted, each once: given the
// walk all of content/, every resource file there is and every one s
// knows (gone, if it is not there), else the resource files among changed.
func (s *Set) toRead(all *content.Tree, changed []string) []string {
	var paths []string
	if all != nil {
		paths = slices.AppendSeq(slices.Clone(all.Resources), maps.Keys(s.files))
	} else {
		paths = slices.DeleteFunc(slices.Clone(changed), func(p string) bool { return !content.IsResourceFile(p) })
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}

// same reports whether two reads of a file found the same bytes, or both
// found a file no bundle owned.
func same(a, b *file) bool {
	return a.read == b.read && a.sum == b.sum && a.err == nil && b.err == nil
}

// readFile reads the file p when a bundle owns it, and only looks that it
// is there otherwise; nil when it is not a file (any more).
func (s *Set) readFile(cfg *config.Config, p string) *file {
	info, err := fs.Stat(s.fsys, p)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f := &file{}
	if _, owned := content.BundleOf(p, s.isPage); owned {
		s.hash(cfg, p, f)
	}
	return f
}

// hash reads the file p into f: its digest from s.stamps when the file's
// stamp is one they know, so that a build reads no resource that did not
// change, else from its bytes, kept there for the next build.
func (s *Set) hash(cfg *config.Config, p string, f *file) {
	st := s.stamps.Stamp(stampKind, s.fsys, p)
	if v, ok := s.stamps.Get(st); ok && len(v) == len(f.sum) && st.Size() <= int64(content.ResourceLimit(cfg)) {
		*f = file{read: true, sum: deps.Digest(v), size: st.Size()}
		return
	}
	data, err := content.ReadResource(s.fsys, p, cfg)
	*f = file{read: true, sum: deps.HashBytes(data), size: int64(len(data)), err: err}
	if err == nil {
		s.stamps.Put(st, f.sum[:])
	}
}

// Attach gives the pages whose paths published holds the resources their
// bundles own, reading under cfg's limits those that were not read while
// no bundle owned them, and returns the problems: a resource that cannot
// be read, is over limits.resource or has a name that cannot be
// published.
func (s *Set) Attach(cfg *config.Config, pages []*model.Page, published map[string]bool) []error {
	var problems []error
	byPage := map[string][]model.ResourceFile{}
	for _, p := range slices.Sorted(maps.Keys(s.files)) {
		r, owned := content.BundleOf(p, s.isPage)
		if !owned || !published[r.Page] {
			continue
		}
		f := s.files[p]
		if !f.read {
			s.hash(cfg, p, f)
		}
		var de *diag.Error
		switch {
		case errors.Is(f.err, fs.ErrNotExist):
			continue // gone since, or a symbolic link left out (content.Tree.LinkWarnings)
		case errors.As(f.err, &de):
			problems = append(problems, de)
			continue
		case f.err != nil:
			problems = append(problems, diag.Wrap(p, 0, 0, "cannot read: ", unwrapPathError(f.err)))
			continue
		}
		if err := r.Check(); err != nil {
			problems = append(problems, err)
			continue
		}
		byPage[r.Page] = append(byPage[r.Page], model.ResourceFile{Resource: r, Size: f.size})
	}
	model.AttachResources(pages, byPage)
	return problems
}

// unwrapPathError drops the *fs.PathError around err: the path is in the
// message already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Key writes what the output of r, a resource Attach gave a page, is made
// from: its bytes.
func (s *Set) Key(r *model.Resource) func(*deps.Hasher, *deps.Keyer) {
	sum := s.files[model.ResourceSource(r)].sum
	return func(h *deps.Hasher, _ *deps.Keyer) { h.Str("resource").Digest(sum) }
}

// Bytes reads the bytes of the resource r under cfg's limits, to publish
// them; an error names r's file.
func (s *Set) Bytes(cfg *config.Config, r *model.Resource) ([]byte, error) {
	data, err := content.ReadResource(s.fsys, model.ResourceSource(r), cfg)
	if err != nil && !errors.As(err, new(*diag.Error)) {
		err = diag.Wrap(model.ResourceSource(r), 0, 0, "cannot read: ", unwrapPathError(err))
	}
	return data, err
}

// Hash writes to h the path and the digest of every file of s, sorted by
// path (the digest of a file no bundle owns is zero: it was not read).
func (s *Set) Hash(h *deps.Hasher) {
	for _, p := range slices.Sorted(maps.Keys(s.files)) {
		h.Str(p).Digest(s.files[p].sum)
	}
}
