package site

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/model"
)

// This file publishes the resources of page bundles (content.BundleOf):
// the files under content/ that are not Markdown are content files to
// the Builder as pages are, read again only when they changed (and, in
// a new process, only when their stamps say they may have: filestamp);
// those that a published page's bundle owns are attached to its model page
// (model.AttachResources), and each is an output of its own, keyed by the
// digest of its bytes and published as it is, or again by Target.Reuse
// when its key did not change. Links in Markdown to them are checked
// like links to pages, since they are outputs. Adding, editing or
// removing a resource makes the model anew (its page's .Resources
// changes), which makes again only the outputs whose keys changed: the
// resource, and the pages whose templates read .Resources.

// resourceFile is a file under content/ that may be a resource, as the
// Builder last read it. Only a file that some bundle owns is read: the
// others are not published, and their size is no one's concern.
type resourceFile struct {
	read bool        // sum, size and err are known
	sum  deps.Digest // of its bytes
	size int64
	err  error // it could not be read, or is over limits.resource: reported when a published page owns it
}

// readResources brings b.resources up to date, after the pages were read:
// every file when all is set, else the files among changed. It returns
// the paths that changed (added, edited or removed).
func (b *Builder) readResources(ctx context.Context, all bool, changed []string) ([]string, error) {
	var paths []string
	if all {
		files, err := content.ResourceFiles(b.fsys)
		if err != nil {
			return nil, err
		}
		paths = withGone(files, maps.Keys(b.resources))
	} else {
		paths = ofKind(changed, content.IsResourceFile)
	}
	read := make([]*resourceFile, len(paths))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			read[i] = b.readResource(p)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var diff []string
	for i, p := range paths {
		old, cur := b.resources[p], read[i]
		switch {
		case cur == nil && old == nil:
			continue
		case cur == nil:
			delete(b.resources, p)
		case old != nil && sameResource(old, cur):
			continue
		default:
			b.resources[p] = cur
		}
		diff = append(diff, p)
	}
	return diff, nil
}

// sameResource reports whether two reads of a file found the same bytes,
// or both found a file no bundle owned.
func sameResource(a, b *resourceFile) bool {
	return a.read == b.read && a.sum == b.sum && a.err == nil && b.err == nil
}

// readResource reads the file p when a bundle owns it, and only looks
// that it is there otherwise; nil when it is not a file (any more).
func (b *Builder) readResource(p string) *resourceFile {
	info, err := fs.Stat(b.fsys, p)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f := &resourceFile{}
	if _, owned := content.BundleOf(p, b.isSource); owned {
		b.hashResource(p, f)
	}
	return f
}

// isSource reports whether the content file p is one the Builder read.
func (b *Builder) isSource(p string) bool {
	_, ok := b.sources[p]
	return ok
}

// hashResource reads the file p into f: its digest from b.stamps when
// the file's stamp is one they know, so that a build reads no resource
// that did not change, else from its bytes, kept there for the next
// build.
func (b *Builder) hashResource(p string, f *resourceFile) {
	st := b.stamps.Stamp(resourceStampKind, b.fsys, p)
	if v, ok := b.stamps.Get(st); ok && len(v) == len(f.sum) && st.Size() <= int64(content.ResourceLimit(b.cfg)) {
		*f = resourceFile{read: true, sum: deps.Digest(v), size: st.Size()}
		return
	}
	data, err := content.ReadResource(b.fsys, p, b.cfg)
	*f = resourceFile{read: true, sum: deps.HashBytes(data), size: int64(len(data)), err: err}
	if err == nil {
		b.stamps.Put(st, f.sum[:])
	}
}

// resourceStampKind is the kind of the resources' digests in b.stamps.
const resourceStampKind = "resource"

// attachResources gives the published pages of m the resources their
// bundles own, reading those that were not read while no bundle owned
// them, and returns the problems: a resource that cannot be read, is over
// limits.resource or has a name that cannot be published.
func (b *Builder) attachResources(m *siteModel) []error {
	var problems []error
	byPage := map[string][]model.ResourceFile{}
	for _, p := range slices.Sorted(maps.Keys(b.resources)) {
		r, owned := content.BundleOf(p, b.isSource)
		if !owned || !m.published[r.Page] {
			continue
		}
		f := b.resources[p]
		if !f.read {
			b.hashResource(p, f)
		}
		var de *diag.Error
		switch {
		case errors.Is(f.err, fs.ErrNotExist):
			continue // gone since, or a symbolic link left out (content.LinkWarnings)
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
	model.AttachResources(m.pages, byPage)
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

// resourceKey writes what a resource's output is made from: its bytes.
func (b *Builder) resourceKey(r *model.Resource) func(*deps.Hasher, *deps.Keyer) {
	sum := b.resources[model.ResourceSource(r)].sum
	return func(h *deps.Hasher, _ *deps.Keyer) { h.Str("resource").Digest(sum) }
}

// readResourceOutput reads the bytes of a resource to publish them.
func (b *Builder) readResourceOutput(r *model.Resource) ([]byte, error) {
	data, err := content.ReadResource(b.fsys, model.ResourceSource(r), b.cfg)
	if err != nil && !errors.As(err, new(*diag.Error)) {
		err = diag.Wrap(model.ResourceSource(r), 0, 0, "cannot read: ", unwrapPathError(err))
	}
	return data, err
}
