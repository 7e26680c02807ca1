package site

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

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
const spillBudget = 64 << 20

// spiller moves converted HTML, and files made from it, out of memory once
// a budget is spent.
type spiller struct {
	dir    string // the folder of the file, made on first need
	budget int64
	held   atomic.Int64 // bytes of HTML kept in memory

	once sync.Once
	file *spill.File // nil until made, and when it cannot be
}

func newSpiller(dest string, budget int64) *spiller {
	return &spiller{dir: filepath.Dir(dest), budget: budget}
}

// spillConversion moves the HTML of c, its content and its table of
// contents, to the file when the budget is spent.
func (s *spiller) spillConversion(c *convert.Conversion) {
	if s == nil {
		return
	}
	c.Spill(func(data []byte) (*spill.File, spill.Ref, bool) {
		ref, ok := s.put(data)
		return s.file, ref, ok
	})
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
	if ref, ok := s.put(data); ok {
		file := s.file
		g.Make = func() ([]byte, error) { return file.Get(ref) }
	}
	return nil
}

// put writes data to the file once the budget is spent. Where the file
// cannot be made or written, the data stays in memory (ok is false):
// spilling saves memory, it never fails a build.
func (s *spiller) put(data []byte) (ref spill.Ref, ok bool) {
	if s.held.Add(int64(len(data))) <= s.budget {
		return ref, false
	}
	s.once.Do(func() {
		if os.MkdirAll(s.dir, 0o755) == nil {
			s.file, _ = spill.New(s.dir)
		}
	})
	if s.file == nil {
		return ref, false
	}
	ref, err := s.file.Put(data)
	if err != nil {
		return ref, false
	}
	s.held.Add(-int64(len(data)))
	return ref, true
}

// close lets the file go: the build that read it is over, committed or
// not, so nothing is lost if closing fails.
func (s *spiller) close() {
	if s != nil && s.file != nil {
		s.file.Close()
	}
}
