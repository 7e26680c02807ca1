package spill

import (
	"path/filepath"
	"testing"
)

// TestBudget checks that HTML up to the budget stays in memory and the
// rest goes to the file. (What a conversion does with what Put kept is
// internal/convert's TestSpill.)
func TestBudget(t *testing.T) {
	b := NewBudget(filepath.Join(t.TempDir(), "spill"), 10)
	defer b.Close()
	if _, _, ok := b.Put([]byte("<p>a</p>")); ok {
		t.Errorf("the first conversion, within budget, was spilled")
	}
	f, ref, ok := b.Put([]byte("<p>bcdefgh</p>"))
	if !ok {
		t.Fatalf("the second conversion, over budget, stayed in memory")
	}
	if h, err := f.Get(ref); err != nil || string(h) != "<p>bcdefgh</p>" {
		t.Errorf("spilled html() = %q, %v", h, err)
	}
}
