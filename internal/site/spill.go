package site

import (
	"path/filepath"

	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/spill"
)

// spillBudget is how many bytes of converted HTML (and of the files made
// from every page's body) a one-shot build (Build) holds in memory; the
// rest waits in a temporary file beside the destination until it is
// written, so that the memory a build takes stops growing with the size
// of the site's HTML. A Builder kept for
// a session (serve, watch) holds it all: it converts a body once per edit.
// The budget is small: what it holds is live through the whole build, and
// the collector lets the heap grow to twice what is live, so 64 MiB of
// HTML cost a cold build of 10,000 documentation pages about 130 MB of
// its peak RSS; spilled, the HTML costs a copy into the file's buffer, a
// write a megabyte and a read a page (spill.File).
const spillBudget = 4 << 20

// spiller moves converted HTML, and files made from it, out of memory once
// a budget is spent (spill.Budget); a nil spiller keeps everything in
// memory.
type spiller struct{ budget *spill.Budget }

func newSpiller(dest string, budget int64) *spiller {
	return &spiller{spill.NewBudget(filepath.Dir(dest), budget)}
}

// spillConversion moves the HTML of c, its content and its table of
// contents, to the file when the budget is spent.
func (s *spiller) spillConversion(c *convert.Conversion) {
	if s != nil {
		c.Spill(s.budget.PutString)
	}
}

// spillFile moves the bytes of a generated file made already (bodyFiles:
// the search index, at 100,000 pages over 100 MB) to the file when the
// budget is spent; g then reads them back when it is written.
func (s *spiller) spillFile(g *generate.File) error {
	if s == nil {
		return nil
	}
	data, err := g.Make()
	if err != nil {
		return err
	}
	if file, ref, ok := s.budget.Put(data); ok {
		g.Make = func() ([]byte, error) { return file.Get(ref) }
	}
	return nil
}

// close lets the file go: the build that read it is over.
func (s *spiller) close() {
	if s != nil {
		s.budget.Close()
	}
}
