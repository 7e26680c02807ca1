package deps

import (
	"testing"

	"github.com/careersite/careersite/internal/model"
)

// TestTermReads: what model.Retag changes in place is recorded where the
// pipeline looks for it: a page's .Terms on the page, a taxonomy's
// .ByCount and .Terms on its page (gOrder: Retag makes and drops terms,
// and moves pages between them), a taxonomy's .Term on its page too, of
// its own group (gTermSet), which only a term made or dropped changes, a
// page's translations on the page, of their own group (gTranslations: a
// term page made or dropped changes them on its term's other pages, and
// no sorting of lists does), a term's count on the term's page
// (gTermCount), and a term's name alone on no page.
func TestTermReads(t *testing.T) {
	p, taxPage, termPage := &model.Page{Title: "p"}, &model.Page{Title: "tags"}, &model.Page{Title: "go"}
	tax := &model.Taxonomy{Name: "tags", Page: taxPage}
	term := &model.Term{Name: "go", Taxonomy: tax, Page: termPage}
	for _, tt := range []struct {
		what string
		o    any
		s    string
		page *model.Page
		sees Changes // and not the others of ListsReordered and TermsMadeOrDropped
	}{
		{"a page's terms", p, "Terms", p, Changes{}},
		{"a taxonomy's terms by count", tax, "ByCount", taxPage, Changes{}},
		{"a taxonomy's terms by slug", tax, "Terms", taxPage, Changes{}},
		{"a taxonomy's term by name", tax, "Term", taxPage, TermsMadeOrDropped()},
		{"a page's translations", p, "Translations", p, Retranslated()},
		{"a page's translations and itself", p, "AllTranslations", p, Retranslated()},
		{"a taxonomy's title", tax, "Title", nil, Changes{}},
		{"the terms by count of a taxonomy the site lacks", (*model.Taxonomy)(nil), "ByCount", nil, Changes{}},
		{"the pages of a term the site lacks", (*model.Term)(nil), "Pages", nil, Changes{}},
		{"the pages of no site", (*model.Site)(nil), "Pages", nil, Changes{}},
		{"the next page of no page", (*model.Page)(nil), "Next", nil, Changes{}},
	} {
		reads := appendOrderRead(nil, tt.o, step{name: tt.s})
		sees := tt.sees
		if sees.None() {
			sees = ListsReordered()
		}
		var other Changes // every change of the three but the one it sees
		for _, c := range []Changes{ListsReordered(), TermsMadeOrDropped(), Retranslated()} {
			if c != sees {
				other.groups |= c.groups
			}
		}
		switch {
		case tt.page == nil && len(reads) > 0:
			t.Errorf("%s: recorded %v", tt.what, reads)
		case tt.page != nil && (len(reads) != 1 || reads[0].Page != tt.page || !reads[0].Sees(sees) || reads[0].Sees(other)):
			t.Errorf("%s: recorded %v, want %v of %s", tt.what, reads, sees, tt.page.Title)
		}
	}
	if reads := appendTermRead(nil, term, gTermLink|gTermCount); len(reads) != 1 || reads[0].Page != termPage || !reads[0].Sees(TermsCounted()) || reads[0].Sees(ListsReordered()) {
		t.Errorf("a term's name and count: recorded %v, want its count on its page", reads)
	}
	if reads := appendTermRead(nil, term, gTermLink); len(reads) != 0 {
		t.Errorf("a term's name: recorded %v", reads)
	}
}
