package pagepack

import (
	"errors"
	"io/fs"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// A body held lazily is never stale: Load reads the file again and
// refuses bytes other than those the page was packed from (their SHA-256
// is kept), reporting that the file changed while the site was built.
// The next build, or a session's build for the change, reads the file.

// heldBody is where the body of a page of a pack, held lazily, is: the
// tail of its file's bytes (content.HeldBody).
type heldBody struct {
	fsys     fs.FS
	cfg      *config.Config // for the limits ReadFile enforces
	sum      [32]byte       // of the file's bytes, as packed (content.FileDigests)
	bodyLine int            // the line sum splits them at
	start    int            // the offset of the body in them
	body     [32]byte       // SHA-256 of the body
}

// Load reads the file path, which must be as it was packed, and returns
// its body.
func (h *heldBody) Load(path string) ([]byte, error) {
	data, err := content.ReadFile(h.fsys, path, h.cfg)
	if de := (*diag.Error)(nil); errors.As(err, &de) {
		return nil, de
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message
		}
		return nil, diag.Wrap(path, 0, 0, "cannot read: ", err)
	}
	if content.DigestFile(data, h.bodyLine).Sum != h.sum || h.start > len(data) {
		return nil, diag.At(path, 0, 0, "the file changed while the site was built; build again")
	}
	return data[h.start:], nil
}

// Sum is the SHA-256 of the body as packed.
func (h *heldBody) Sum() [32]byte { return h.body }
