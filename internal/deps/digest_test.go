package deps

import (
	"crypto/sha256"
	"encoding/binary"
	"html/template"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
)

// TestHasherChunksGiveTheDigestOfTheWhole checks that hashing a chunk at a
// time gives the SHA-256 of everything written, at every length around
// the chunk: the keys of large lists are hashed in chunks, the others at
// once, and both must be the digest of the same values.
func TestHasherChunksGiveTheDigestOfTheWhole(t *testing.T) {
	for _, n := range []int{0, 1, 100, hashChunk - 9, hashChunk - 1, hashChunk, hashChunk + 1, 3*hashChunk + 7} {
		long := strings.Repeat("x", n)
		h := NewHasher()
		var want []byte
		for i := range 50 {
			h.Int(int64(i)).Str(long).Bytes([]byte("ab")).Bool(i%2 == 0)
			want = binary.LittleEndian.AppendUint64(want, uint64(i))
			want = binary.AppendUvarint(want, uint64(n))
			want = append(want, long...)
			want = append(want, 2, 'a', 'b')
			if i%2 == 0 {
				want = append(want, 1)
			} else {
				want = append(want, 0)
			}
		}
		if got := h.Sum(); got != sha256.Sum256(want) {
			t.Errorf("strings of %d bytes: the Digest is not the SHA-256 of what was written", n)
		}
	}
}

func TestHasherTellsSplitsApart(t *testing.T) {
	if NewHasher().Str("ab").Str("c").Sum() == NewHasher().Str("a").Str("bc").Sum() {
		t.Error(`("ab", "c") and ("a", "bc") have the same Digest`)
	}
}

// TestChanged: the changes of a page are the groups whose fields differ,
// and a read sees them only when it reads one of those groups.
func TestChanged(t *testing.T) {
	page := func(title, description string) *PageDigests {
		return DigestPage(&model.Page{Kind: model.KindPage, Title: title, Description: description}, PageParts{})
	}
	old := page("T", "D")
	link, meta := Read{groups: gLink}, Read{groups: gMeta | gSummary}
	for _, tt := range []struct {
		name       string
		cur        *PageDigests
		link, meta bool
	}{
		{"nothing", page("T", "D"), false, false},
		{"the description", page("T", "E"), false, true},
		{"the title", page("U", "D"), true, false},
	} {
		c := Changed(old, tt.cur)
		if c.None() == (tt.link || tt.meta) {
			t.Errorf("after a change of %s: None() = %v", tt.name, c.None())
		}
		if link.Sees(c) != tt.link || meta.Sees(c) != tt.meta {
			t.Errorf("after a change of %s: a read of links sees it: %v, want %v; a read of front matter: %v, want %v", tt.name, link.Sees(c), tt.link, meta.Sees(c), tt.meta)
		}
	}
}

// ContentDigest hashes a page's table of contents with a hasher kept for
// reuse, whose buffer has grown already, rather than growing a new one's
// for every page.
func TestContentDigestAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop Hashers put back, so a borrowed one is sometimes new")
	}
	toc := template.HTML(strings.Repeat("<li><a href=\"#a\">A heading of the page</a></li>\n", 200))
	headings := []markdown.Heading{{Level: 2, ID: "a", Text: "A"}}
	if n := testing.AllocsPerRun(20, func() { ContentDigest(Digest{}, toc, headings) }); n != 0 {
		t.Errorf("ContentDigest allocated %v times, want 0", n)
	}
}
