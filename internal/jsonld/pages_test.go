package jsonld

import (
	"errors"
	"html/template"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/careersite/careersite/internal/model"
)

// TestPagesMakesEachOnce: however many goroutines ask for a page's
// structured data, it is made once, until it is forgotten; every error is
// reported by All.
func TestPagesMakesEachOnce(t *testing.T) {
	pages := []*model.Page{{Title: "a"}, {Title: "b"}, {Title: "c"}}
	var made atomic.Int32
	s := NewPages(func(p *model.Page) ([]template.JS, []error) {
		made.Add(1)
		if p.Title == "c" {
			return nil, []error{errors.New("c: broken")}
		}
		return []template.JS{template.JS(`{"name":"` + p.Title + `"}`)}, nil
	})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, p := range pages {
				s.JSONLD(p)
			}
		})
	}
	wg.Wait()
	if n := made.Load(); n != 3 {
		t.Fatalf("made %d times for 3 pages, want 3", n)
	}
	var reported []error
	var mu sync.Mutex
	s.All(pages, func(err error) { mu.Lock(); reported = append(reported, err); mu.Unlock() })
	if len(reported) != 1 || reported[0].Error() != "c: broken" {
		t.Errorf("All reported %v, want [c: broken]", reported)
	}
	if got := s.JSONLD(pages[0]); len(got) != 1 || got[0] != `{"name":"a"}` {
		t.Errorf("JSONLD(a) = %q", got)
	}
	s.Forget(pages[0])
	s.JSONLD(pages[0])
	if n := made.Load(); n != 4 {
		t.Errorf("made %d times after Forget and one more read, want 4", n)
	}
}
