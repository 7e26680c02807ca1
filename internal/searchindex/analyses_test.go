package searchindex

import (
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
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
