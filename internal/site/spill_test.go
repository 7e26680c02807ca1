package site

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/generate"
)

// TestSpilledHTMLBuildsTheSame builds a site holding all its HTML in
// memory and again with a budget of one byte, so that every page's HTML
// (its content and its table of contents) waits in the spill file: the outputs must be the same bytes, and the
// file must be gone afterwards.
func TestSpilledHTMLBuildsTheSame(t *testing.T) {
	opts := cachedSite(t, 60)
	opts.CacheDir = ""
	opts.spillBudget = 1 << 40
	buildOnce(t, opts)
	want := readTree(t, opts.Dest, "")

	spilled := opts
	spilled.Dest = filepath.Join(filepath.Dir(opts.Dest), "spilled", "public")
	spilled.spillBudget = 1
	b, err := newOnce(spilled)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	n, tocs := 0, 0
	for _, s := range b.sources {
		if s.Conv == nil {
			continue
		}
		html, toc := s.Conv.Spilled()
		if html {
			n++
		}
		if toc {
			tocs++
		}
	}
	if n < 60 {
		t.Errorf("%d pages had their HTML spilled, want every one of the 60 (budget of one byte)", n)
	}
	if tocs == 0 {
		t.Error("no page had its table of contents spilled")
	}
	b.spill.close()
	got := readTree(t, spilled.Dest, "")
	if !maps.EqualFunc(want, got, func(a, b []byte) bool { return string(a) == string(b) }) {
		for name := range want {
			if string(want[name]) != string(got[name]) {
				t.Errorf("%s differs with the HTML spilled", name)
			}
		}
		t.Fatalf("%d files in memory, %d spilled", len(want), len(got))
	}
	entries, err := os.ReadDir(filepath.Dir(spilled.Dest))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".careersite-spill-") {
			t.Errorf("the spill file %s is left", e.Name())
		}
	}
}

// TestSpillKeepsFiles checks that a generated file over the budget is read
// back from the spill file, not from the bytes it was made with.
func TestSpillKeepsFiles(t *testing.T) {
	s := newSpiller(filepath.Join(t.TempDir(), "public"), 4)
	defer s.close()
	small, large := []byte("{}"), []byte(`{"term":[1,2,3]}`)
	gs := []generate.File{{Name: "a.json", Make: generate.BytesOf(small)}, {Name: "b.json", Make: generate.BytesOf(large)}}
	for i := range gs {
		if err := s.spillFile(&gs[i]); err != nil {
			t.Fatal(err)
		}
	}
	small[0], large[0] = 'X', 'X' // what stayed in memory changes; what was spilled does not
	if data, err := gs[0].Make(); err != nil || string(data) != "X}" {
		t.Errorf("the file within budget gives %q, %v: want its bytes in memory", data, err)
	}
	if data, err := gs[1].Make(); err != nil || string(data) != `{"term":[1,2,3]}` {
		t.Errorf("the file over budget gives %q, %v: want the bytes put in the spill file", data, err)
	}
}

// TestEncodeFilesRoundTrip writes body files for the cache, some of them
// spilled, and reads them back: names, owners and bytes must be the same.
func TestEncodeFilesRoundTrip(t *testing.T) {
	s := newSpiller(filepath.Join(t.TempDir(), "public"), 8)
	defer s.close()
	for _, n := range []int{0, 1, 3} {
		var files []generate.File
		for i := range n {
			data := []byte(strings.Repeat("x", i*10) + "}")
			files = append(files, generate.File{Name: "search/t/" + string(rune('a'+i)) + ".json", Owner: "the search index", Make: generate.BytesOf(data)})
			if err := s.spillFile(&files[i]); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := generate.EncodeFiles(&buf, files); err != nil {
			t.Fatal(err)
		}
		got, ok := generate.DecodeFiles(buf.Bytes())
		if !ok || len(got) != n {
			t.Fatalf("%d files: decoded %d, %v", n, len(got), ok)
		}
		for i, g := range got {
			want, _ := files[i].Make()
			data, _ := g.Make()
			if g.Name != files[i].Name || g.Owner != files[i].Owner || !bytes.Equal(data, want) || !g.FromBodies {
				t.Errorf("file %d: %s %q %q, want %s %q %q", i, g.Name, g.Owner, data, files[i].Name, files[i].Owner, want)
			}
		}
	}
}
