package content

import (
	"crypto/sha256"
	"errors"
	"io/fs"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// A page may hold its body lazily: a page that PackCache.Unchanged gave,
// its file's stamp being the one it was packed with, has a nil Body
// until LoadBody reads the file, which its consumers ask for only when
// they need the Markdown (a conversion that the persistent cache does
// not hold). A build with nothing changed then reads, hashes and keeps
// no body it does not convert.
//
// A body so held is never stale: LoadBody reads the file again and
// refuses bytes other than those the page was packed from (their SHA-256
// is kept), reporting that the file changed while the site was built.
// The next build, or a session's build for the change, reads the file.

// lazyBody is where the body of a page that holds it lazily is.
type lazyBody struct {
	fsys  fs.FS
	cfg   *config.Config // for the limits ReadFile enforces
	sum   [32]byte       // of the file's bytes, as packed
	start int            // the offset of the body in them
	body  [32]byte       // SHA-256 of the body
}

// LoadBody reads the body of a page that holds it lazily into Body, from
// its file, which must be as it was packed; for any other page it does
// nothing. It must not run concurrently with itself or a reader of Body.
func (p *Page) LoadBody() error {
	l := p.lazy
	if l == nil {
		return nil
	}
	data, err := ReadFile(l.fsys, p.Path, l.cfg)
	if de := (*diag.Error)(nil); errors.As(err, &de) {
		return de
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message
		}
		return diag.Wrap(p.Path, 0, 0, "cannot read: ", err)
	}
	if sha256.Sum256(data) != l.sum || l.start > len(data) {
		return diag.At(p.Path, 0, 0, "the file changed while the site was built; build again")
	}
	p.Body, p.lazy = data[l.start:], nil
	return nil
}

// BodySum is the SHA-256 of the page's body: of Body, or, while the page
// holds its body lazily, of the body it was packed with.
func (p *Page) BodySum() [32]byte {
	if p.lazy != nil {
		return p.lazy.body
	}
	return sha256.Sum256(p.Body)
}
