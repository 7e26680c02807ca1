package linkrecord

import (
	"testing"

	"github.com/careersite/careersite/internal/cache"
)

// TestKept: a Kept Record is read back by the next Keep of the same key
// (a later build's first check finds the last build's results), is put
// back only when a check found something new, and reports what checking
// every page reports.
func TestKept(t *testing.T) {
	c, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	key := cache.Key{2}
	first := Keep(c, key)
	if broken := first.Check(site(withPay), pages()); len(broken) != 0 {
		t.Fatalf("first check: %v", broken)
	}
	first.Save()

	next := Keep(c, key)
	broken := next.Check(site(withoutPay), pages())
	if len(broken) != 1 {
		t.Fatalf("after the anchor went: %v, want one broken link", broken)
	}
	if next.record == nil || next.saved == nil || next.record == next.saved {
		t.Fatal("the second Keep did not read the first one's Record, or kept it as the new one")
	}
	next.Save()
	if next.record != next.saved {
		t.Error("Save did not put the new Record")
	}
	saved := next.saved
	next.Check(site(withoutPay), pages())
	next.Save()
	if next.saved != saved {
		t.Error("a check that found nothing new put its Record again")
	}
}
