package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestPagers(t *testing.T) {
	tests := []struct {
		number, total int
		want          string
	}{
		{1, 1, "[1]"},
		{1, 3, "[1] 2 3"},
		{2, 7, "1 [2] 3 4 … 7"},
		{4, 7, "1 2 3 [4] 5 6 7"},
		{5, 8, "1 2 3 4 [5] 6 7 8"},
		{6, 9, "1 … 4 5 [6] 7 8 9"},
		{4, 9, "1 2 3 [4] 5 6 … 9"},
		{6, 50, "1 … 4 5 [6] 7 8 … 50"},
		{50, 50, "1 … 48 49 [50]"},
	}
	for _, tt := range tests {
		pagers := make([]*Page, tt.total)
		for i := range pagers {
			pagers[i] = &Page{URL: fmt.Sprintf("/jobs/page/%d/", i+1)}
		}
		pg := &Paginator{number: tt.number, pagers: pagers}
		var got []string
		for _, p := range pg.Pagers() {
			switch {
			case p.Gap:
				got = append(got, "…")
			case p.Current:
				got = append(got, fmt.Sprintf("[%d]", p.Number))
			default:
				got = append(got, fmt.Sprint(p.Number))
			}
			if !p.Gap && p.URL != pagers[p.Number-1].URL {
				t.Errorf("pager %d of %d: URL %q, want %q", p.Number, tt.total, p.URL, pagers[p.Number-1].URL)
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("Pagers() on pager %d of %d = %s, want %s", tt.number, tt.total, s, tt.want)
		}
	}
}

// TestPaginateOnlyWhatAsks: a list whose template reads .Paginator is cut
// into pagers; any other is one pager holding its whole list, and makes no
// /page/N/ copies.
func TestPaginateOnlyWhatAsks(t *testing.T) {
	list := func(section string, n int) *Page {
		p := &Page{Kind: KindSection, Section: section, URL: "/" + section + "/"}
		for range n {
			p.Pages = append(p.Pages, &Page{Kind: KindPage})
		}
		return p
	}
	jobs, guides := list("jobs", 25), list("guides", 25)
	copies := paginate(10, func(p *Page) bool { return p.Section == "jobs" }, []*Page{jobs, guides})
	var urls []string
	for _, c := range copies {
		urls = append(urls, c.URL)
	}
	if got, want := strings.Join(urls, " "), "/jobs/page/2/ /jobs/page/3/"; got != want {
		t.Errorf("pager copies = %s, want %s", got, want)
	}
	if pg := jobs.Paginator; pg.TotalPages() != 3 || len(pg.Pages) != 10 || pg.PageSize() != 10 {
		t.Errorf("jobs: %d pagers, %d pages on the first, size %d; want 3, 10, 10", pg.TotalPages(), len(pg.Pages), pg.PageSize())
	}
	if pg := guides.Paginator; pg.TotalPages() != 1 || len(pg.Pages) != 25 || pg.PageSize() != 25 || pg.HasNext() {
		t.Errorf("guides: %d pagers, %d pages on it, size %d; want 1, 25, 25 and no next", pg.TotalPages(), len(pg.Pages), pg.PageSize())
	}
}
