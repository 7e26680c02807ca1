package model

import (
	"fmt"
	"testing"
	"time"
)

// TestRelatedIgnoresTermsOnTooManyPages checks the limit that keeps related
// pages from costing the square of the page count: a tag on every page
// relates nothing, a rarer one still does.
func TestRelatedIgnoresTermsOnTooManyPages(t *testing.T) {
	var pages []*Page
	for i := range relatedTermLimit + 1 {
		p := &Page{Title: fmt.Sprintf("p%03d", i), URL: fmt.Sprintf("/p%03d/", i), Date: time.Unix(int64(i), 0), Tags: []string{"everywhere"}}
		pages = append(pages, p)
	}
	pages[0].Skills = []string{"Rare"}
	pages[1].Skills = []string{"rare"}
	relate(pages)
	if got := pages[0].Related; len(got) != 1 || got[0] != pages[1] {
		t.Errorf("related of p000 = %v, want only p001 (the tag on every page must not count)", titles(got))
	}
	if got := pages[2].Related; len(got) != 0 {
		t.Errorf("related of p002 = %v, want none", titles(got))
	}
}

func titles(ps []*Page) []string {
	var ts []string
	for _, p := range ps {
		ts = append(ts, p.Title)
	}
	return ts
}
