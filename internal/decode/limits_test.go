package decode

import (
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/diag"
)

// TestLongBrokenDocument: the line of a syntax error in a long document is
// found by bisection. Trying each line in turn parsed the document once per
// line, and this document (20,000 lines, 120 KB, well under the front
// matter limit) took hours. The deadline only tells the two apart; it is
// not a speed assertion.
func TestLongBrokenDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString("a:\n")
	for range 20_000 {
		b.WriteString("  - x\n")
	}
	b.WriteString("  b: c\n")
	done := make(chan *diag.Error, 1)
	go func() {
		_, e := Parse([]byte(b.String()))
		done <- e
	}()
	select {
	case e := <-done:
		want := "20002:1: invalid YAML: did not find expected '-' indicator"
		if e == nil || e.Error() != want {
			t.Errorf("Parse error = %v, want %s", e, want)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Parse has not returned after 30s")
	}
}
