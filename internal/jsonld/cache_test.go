package jsonld

import (
	"reflect"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// A Cache makes a page's documents once per key, and forgets them after
// a successful build that did not use them.
func TestCacheByKey(t *testing.T) {
	s := &model.Site{}
	home := &model.Page{Kind: model.KindHome, Permalink: "https://example.com/"}
	p := &model.Page{Title: "before", Kind: model.KindPage, Permalink: "https://example.com/x/"}
	p.Breadcrumbs = []*model.Page{home, p} // a BreadcrumbList, which names the page by its title
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var c Cache
	first, _ := c.Data(deps.Digest{1}, s, p, now)
	want, _ := Data(s, p, now)
	if !reflect.DeepEqual(first, want) {
		t.Fatalf("Cache.Data = %q, want Data's %q", first, want)
	}
	p.Title = "after" // what the key stands for is unchanged, as far as the Cache knows
	if got, _ := c.Data(deps.Digest{1}, s, p, now); !reflect.DeepEqual(got, first) {
		t.Errorf("same key: %q, want the kept %q", got, first)
	}
	c.Rotate() // the build used it: kept
	if got, _ := c.Data(deps.Digest{1}, s, p, now); !reflect.DeepEqual(got, first) {
		t.Errorf("after one Rotate: %q, want the kept %q", got, first)
	}
	c.Rotate()
	c.Rotate() // a build that did not use it: forgotten
	fresh, _ := Data(s, p, now)
	if reflect.DeepEqual(fresh, first) {
		t.Fatalf("the documents do not change with the title (%q): the test cannot tell", first)
	}
	if got, _ := c.Data(deps.Digest{1}, s, p, now); !reflect.DeepEqual(got, fresh) {
		t.Errorf("after a build that did not use it: %q, want made anew %q", got, fresh)
	}
}
