package deps

import (
	"testing"

	"github.com/careersite/careersite/internal/model"
)

// TestTermReads: what model.Retag changes in place is recorded where the
// pipeline looks for it: a page's .Terms on the page, a taxonomy's
// .ByCount, .Terms and .Term on its page (gOrder: Retag makes and drops
// terms), a page's translations on the page (a term page made or dropped
// changes them on its term's other pages), a term's count on the term's
// page (gTermCount), and a term's name alone on no page.
func TestTermReads(t *testing.T) {
	p, taxPage, termPage := &model.Page{Title: "p"}, &model.Page{Title: "tags"}, &model.Page{Title: "go"}
	tax := &model.Taxonomy{Name: "tags", Page: taxPage}
	term := &model.Term{Name: "go", Taxonomy: tax, Page: termPage}
	for _, tt := range []struct {
		what string
		o    any
		s    string
		page *model.Page
	}{
		{"a page's terms", p, "Terms", p},
		{"a taxonomy's terms by count", tax, "ByCount", taxPage},
		{"a taxonomy's terms by slug", tax, "Terms", taxPage},
		{"a taxonomy's term by name", tax, "Term", taxPage},
		{"a page's translations", p, "Translations", p},
		{"a page's translations and itself", p, "AllTranslations", p},
		{"a taxonomy's title", tax, "Title", nil},
		{"the terms by count of a taxonomy the site lacks", (*model.Taxonomy)(nil), "ByCount", nil},
		{"the pages of a term the site lacks", (*model.Term)(nil), "Pages", nil},
		{"the pages of no site", (*model.Site)(nil), "Pages", nil},
		{"the next page of no page", (*model.Page)(nil), "Next", nil},
	} {
		reads := appendOrderRead(nil, tt.o, step{name: tt.s})
		switch {
		case tt.page == nil && len(reads) > 0:
			t.Errorf("%s: recorded %v", tt.what, reads)
		case tt.page != nil && (len(reads) != 1 || reads[0].Page != tt.page || !reads[0].Sees(ListsReordered())):
			t.Errorf("%s: recorded %v, want the order of %s", tt.what, reads, tt.page.Title)
		}
	}
	if reads := appendTermRead(nil, term, gTermLink|gTermCount); len(reads) != 1 || reads[0].Page != termPage || !reads[0].Sees(TermsCounted()) || reads[0].Sees(ListsReordered()) {
		t.Errorf("a term's name and count: recorded %v, want its count on its page", reads)
	}
	if reads := appendTermRead(nil, term, gTermLink); len(reads) != 0 {
		t.Errorf("a term's name: recorded %v", reads)
	}
}
