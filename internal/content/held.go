package content

import (
	"crypto/sha256"

	"github.com/careersite/careersite/internal/career"
)

// A page may hold its body lazily: a page brought back from an earlier
// build without reading its file (internal/pagepack) has a nil Body until
// LoadBody reads it, which its consumers ask for only when they need the
// Markdown. Such a page's Body is nil, but BodySum is that of the body it
// will have.

// A HeldBody is where the body of a page that holds it lazily is.
type HeldBody interface {
	// Load returns the body of the page of file path, exactly as the page
	// was made from it, or an error at path (a *diag.Error).
	Load(path string) ([]byte, error)
	// Sum is the SHA-256 of the body Load returns.
	Sum() [32]byte
}

// HoldBody makes the page hold its body lazily, in h: Body is nil until
// LoadBody.
func (p *Page) HoldBody(h HeldBody) { p.Body, p.held = nil, h }

// LoadBody reads the body of a page that holds it lazily into Body; for
// any other page it does nothing. It must not run concurrently with
// itself or a reader of Body.
func (p *Page) LoadBody() error {
	if p.held == nil {
		return nil
	}
	body, err := p.held.Load(p.Path)
	if err != nil {
		return err
	}
	p.Body, p.held = body, nil
	return nil
}

// BodySum is the SHA-256 of the page's body: of Body, or, while the page
// holds its body lazily, of the body it will have.
func (p *Page) BodySum() [32]byte {
	if p.held != nil {
		return p.held.Sum()
	}
	return sha256.Sum256(p.Body)
}

// Places are where those of a page's values that its checks report at
// are in its file, as its exported fields do not keep them: what a page
// stored between builds keeps to have them again (SetPlaces).
type Places struct {
	Description [2]int // line and column of the description's value
	Career      []career.Position
}

// Places returns the page's places.
func (p *Page) Places() Places {
	return Places{Description: [2]int{p.description.line, p.description.col}, Career: p.Career.Positions()}
}

// SetPlaces gives the page the places of another made from the same file.
func (p *Page) SetPlaces(pl Places) {
	p.description = pos{pl.Description[0], pl.Description[1]}
	p.Career.SetPositions(pl.Career)
}
