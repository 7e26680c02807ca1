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
