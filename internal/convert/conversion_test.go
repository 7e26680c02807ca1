package convert

import (
	"testing"

	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/spill"
)

// TestSpill checks that a conversion keeps its HTML in memory when the
// pipeline's put keeps none, and reads it back from the spill file when
// put kept it there.
func TestSpill(t *testing.T) {
	f, err := spill.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kept := func(data string) (*spill.File, spill.Ref, bool) {
		ref, err := f.PutString(data)
		return f, ref, err == nil
	}
	none := func(string) (*spill.File, spill.Ref, bool) { return nil, spill.Ref{}, false }
	small, large := newConv("<p>a</p>"), newConv("<p>bcdefgh</p>")
	small.Spill(none)
	large.Spill(kept)
	if small.spilled != nil || small.content != "<p>a</p>" {
		t.Errorf("the first conversion, within budget, was spilled")
	}
	if large.spilled == nil || large.content != "" {
		t.Fatalf("the second conversion, over budget, stayed in memory")
	}
	if h, err := large.HTML(); err != nil || h != "<p>bcdefgh</p>" {
		t.Errorf("spilled html() = %q, %v", h, err)
	}
	if html, toc := large.Spilled(); !html || toc {
		t.Errorf("Spilled() = %v, %v; want true, false (no table of contents)", html, toc)
	}
}

func newConv(html string) *Conversion {
	return newConversion(deps.Digest{}, &markdown.Result{HTML: []byte(html)}, nil)
}
