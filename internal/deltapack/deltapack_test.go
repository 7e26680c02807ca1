package deltapack

import (
	"io"
	"testing"

	"github.com/careersite/careersite/internal/cache"
)

func bytesOf(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func open(t *testing.T, c *cache.Cache) (p *Pack, base, delta string) {
	t.Helper()
	p, b, d := Open(c, "kind", cache.Key{3})
	if b == nil && d != nil {
		t.Fatalf("a delta %q without a base", d)
	}
	return p, string(b), string(d)
}

// A delta is read with the base it was written for, and with no other:
// a base written again leaves it unread.
func TestDeltaBelongsToItsBase(t *testing.T) {
	c, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	p, base, delta := open(t, c)
	if p.HasBase() || base != "" || delta != "" {
		t.Fatalf("an empty cache gave a base %q and a delta %q", base, delta)
	}
	if err := p.PutDelta(bytesOf("first")); err != nil { // no base: a base
		t.Fatal(err)
	}
	p, base, delta = open(t, c)
	if !p.HasBase() || base != "first" || delta != "" {
		t.Fatalf("after a delta with no base: base %q, delta %q; want the base first", base, delta)
	}
	if err := p.PutDelta(bytesOf("d1")); err != nil {
		t.Fatal(err)
	}
	if err := p.PutDelta(bytesOf("d2")); err != nil {
		t.Fatal(err)
	}
	p, base, delta = open(t, c)
	if base != "first" || delta != "d2" {
		t.Fatalf("after two deltas: base %q, delta %q; want first and d2", base, delta)
	}

	// Another build writes a base: the delta d2 is not its.
	other, _, _ := open(t, c)
	if err := other.PutBase(bytesOf("second")); err != nil {
		t.Fatal(err)
	}
	p.PutDelta(bytesOf("d3, of the first base")) // the first build, late
	if _, base, delta = open(t, c); base != "second" || delta != "" {
		t.Fatalf("after a new base: base %q, delta %q; want second and none", base, delta)
	}
	if err := other.PutDelta(bytesOf("d4")); err != nil {
		t.Fatal(err)
	}
	if _, base, delta = open(t, c); base != "second" || delta != "d4" {
		t.Fatalf("base %q, delta %q; want second and d4", base, delta)
	}
}
