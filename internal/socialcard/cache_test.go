package socialcard

import (
	"bytes"
	"testing"

	"github.com/careersite/careersite/internal/cache"
)

// A Cache with a persistent cache draws a card once; a second Cache over
// the same cache, as another process, draws none and finds it fits.
func TestCacheDrawsOnce(t *testing.T) {
	c0, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	c := Card{Site: "Careers", Kind: "Job description", Title: "Data engineer", Colors: DefaultColors()}
	key := c.Key()
	cold := NewCache(c0)
	cold.Open()
	if err := cold.Check(c); err != nil {
		t.Fatal(err)
	}
	first, drawn, err := cold.PNG(c, key)
	if err != nil || !drawn {
		t.Fatalf("cold PNG: drawn = %v, err = %v; want drawn", drawn, err)
	}
	cold.Close()
	warm := NewCache(c0)
	warm.Open()
	defer warm.Close()
	again, drawn, err := warm.PNG(c, key)
	if err != nil || drawn || !bytes.Equal(again, first) {
		t.Fatalf("warm PNG: drawn = %v, err = %v, same bytes = %v; want taken from the cache", drawn, err, bytes.Equal(again, first))
	}
	if _, ok := warm.fit.Load(key); ok {
		t.Fatal("fit known before Check")
	}
	if err := warm.Check(c); err != nil {
		t.Fatal(err)
	}
	if _, ok := warm.fit.Load(key); !ok {
		t.Error("Check with the PNG in the cache did not remember that the card fits")
	}
}

// Without a persistent cache every PNG is drawn.
func TestCacheWithoutStore(t *testing.T) {
	c := Card{Site: "Careers", Kind: "Role guide", Title: "Analyst", Colors: DefaultColors()}
	cc := NewCache(nil)
	for range 2 {
		if _, drawn, err := cc.PNG(c, c.Key()); err != nil || !drawn {
			t.Fatalf("PNG without a store: drawn = %v, err = %v; want drawn", drawn, err)
		}
	}
}
