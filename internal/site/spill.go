package site

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/careersite/careersite/internal/spill"
)

// spillBudget is how many bytes of converted HTML a one-shot build (Build)
// holds in memory; the rest waits in a temporary file beside the
// destination until the pages are rendered, so that the memory a build
// takes stops growing with the size of the site's HTML. A Builder kept for
// a session (serve, watch) holds it all: it converts a body once per edit.
const spillBudget = 64 << 20

// spiller moves converted HTML out of memory once a budget is spent.
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

// keep moves the HTML of c to the file when the budget is spent. Where the
// file cannot be made or written, the HTML stays in memory: spilling saves
// memory, it never fails a build.
func (s *spiller) keep(c *conversion) {
	if s == nil || c == nil || c.res == nil || c.spilled != nil || c.content == "" {
		return
	}
	if s.held.Add(int64(len(c.content))) <= s.budget {
		return
	}
	s.once.Do(func() {
		if os.MkdirAll(s.dir, 0o755) == nil {
			s.file, _ = spill.New(s.dir)
		}
	})
	if s.file == nil {
		return
	}
	ref, err := s.file.Put([]byte(c.content))
	if err != nil {
		return
	}
	s.held.Add(-int64(len(c.content)))
	c.content, c.spilled, c.ref = "", s.file, ref
}

// close lets the file go: the build that read it is over, committed or
// not, so nothing is lost if closing fails.
func (s *spiller) close() {
	if s != nil && s.file != nil {
		s.file.Close()
	}
}
