package generate

import (
	"testing"

	"github.com/careersite/careersite/internal/model"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"one two, three", 10, "one two…"},
		{"abcdefghijkl", 5, "abcd…"},
		{"ééé ééé ééé", 6, "ééé…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestInSearchDefaultLanguageOnly(t *testing.T) {
	en, de := &model.Language{Code: "en"}, &model.Language{Code: "de"}
	site := &model.Site{Languages: []*model.Language{en, de}, DefaultLanguage: en}
	page := func(l *model.Language) *model.Page {
		return &model.Page{Kind: model.KindPage, Site: site, Language: l}
	}
	if !InSearch(page(en)) {
		t.Error("a page of the default language is left out of the search index")
	}
	if InSearch(page(de)) {
		t.Error("a page of another language is in the one search index, matched by English rules")
	}
	if !InSearch(&model.Page{Kind: model.KindPage, Site: &model.Site{}}) {
		t.Error("a page of a site of one language is left out of the search index")
	}
}
