package searchindex

import (
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// The pack reads back as it was written, and a pack cut short is
// rejected, never read as a shorter one. (The cache's Get refuses an
// entry whose length or checksum is wrong before a decoder sees it; this
// test is the second line.)
func TestAnalysesPackRecord(t *testing.T) {
	list, err := search.Analyze([]search.Doc{
		{URL: "jobs/sre/", Title: "Site reliability engineer", Kind: "job", Body: "<p>On call, and proud of it.</p>"},
		{URL: "roles/dba/", Title: "Database administrator", Kind: "role", Body: "<p>Backups.</p>"},
	}, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var e cache.Encoder
	e.Int(len(list))
	e.Digest(deps.Digest{1})
	e.Digest(deps.Digest{2})
	b := append(e.Encoded(), search.EncodeAnalyses(list)...)
	known, err := decodeAnalysesPack(b)
	if err != nil || len(known) != 2 || known[deps.Digest{1}] == nil || known[deps.Digest{2}] == nil {
		t.Fatalf("decodeAnalysesPack = %v, %v; want the analyses of digests 1 and 2", known, err)
	}
	for n := range len(b) {
		p := b[:n:n]
		if known, err := decodeAnalysesPack(p); err == nil {
			t.Errorf("an analyses pack cut to %d of %d bytes read as %d analyses, want an error", n, len(b), len(known))
		}
	}
}

// A session's analyses are kept for the pages of every language, and a
// page's analysis is keyed by its language's rules: the same page under
// English rules and plain ones is analysed twice, and the next indexes
// analyse none again.
func TestAnalysesPerLanguage(t *testing.T) {
	en, de := &model.Site{Language: "en"}, &model.Site{Language: "de"}
	var pages []*model.Page
	for _, s := range []*model.Site{en, de} {
		pages = append(pages, &model.Page{Site: s, Kind: model.KindPage, Title: "Entwickler developers"})
	}
	an := New(nil, deps.Digest{}, true)
	if _, err := Files(pages, an, englishWords); err != nil {
		t.Fatal(err)
	}
	if got, want := an.Stats(), (Stats{Indexes: 1, Made: 2, Kept: 2}); got != want {
		t.Errorf("after the first indexes: %+v, want %+v", got, want)
	}
	if _, err := Files(pages, an, englishWords); err != nil {
		t.Fatal(err)
	}
	if got, want := an.Stats(), (Stats{Indexes: 2, Made: 0, Kept: 2}); got != want {
		t.Errorf("after the second indexes: %+v, want %+v", got, want)
	}
}

// englishWords are the strings of a site without i18n files: the kinds'
// labels are English.
func englishWords(string) model.Words { return noStrings{} }

type noStrings struct{}

func (noStrings) Or(_, fallback string) string { return fallback }
