package site

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/searchindex"
	"github.com/careersite/careersite/internal/testsite"
)

// buildOnceWith builds like Build, and returns the Builder.
func buildOnceWith(t *testing.T, opts Options) *Builder {
	t.Helper()
	b, err := newOnce(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.spill.close()
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return b
}

// indexed counts the pages the search index holds.
func indexed(m *keptmodel.Model) int {
	n := 0
	for _, p := range m.Pages {
		if generate.InSearch(p) {
			n++
		}
	}
	return n
}

// appendTo adds text to the file of page i of a generated site.
func appendTo(t *testing.T, src string, i int, text string) string {
	t.Helper()
	rel := testsite.Path(i)
	name := filepath.Join(src, filepath.FromSlash(rel))
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(data, text...), 0o644); err != nil {
		t.Fatal(err)
	}
	return rel
}

// searchFilesOf returns the search index in a destination folder.
func searchFilesOf(t *testing.T, dest string) map[string][]byte {
	t.Helper()
	return dirFiles(t, filepath.Join(dest, filepath.FromSlash(generate.SearchDir)))
}

// TestSearchAnalysesCached builds a site as runs of `careersite build`
// do: the first analyses every page for the search index and keeps the
// analyses; after one page changed, the next analyses that page alone and
// makes the index a build without the cache makes. A pack that does not
// decode is not used.
func TestSearchAnalysesCached(t *testing.T) {
	opts := cachedSite(t, 24)
	b := buildOnceWith(t, opts)
	pages := indexed(b.m)
	if b.analyses == nil || b.analyses.Stats().Made != pages {
		t.Fatalf("the first build analysed %v pages, want %d", b.analyses, pages)
	}
	if b.analyses.Stats().Kept != 0 {
		t.Error("a Builder that builds once kept the analyses after its index")
	}

	appendTo(t, opts.Source, 5, "\nOne more sentence about caching.\n")
	b = buildOnceWith(t, opts)
	if b.analyses.Stats().Made != 1 {
		t.Errorf("after one page changed the build analysed %d pages, want 1", b.analyses.Stats().Made)
	}
	fresh := opts
	fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
	buildOnceWith(t, fresh)
	want := searchFilesOf(t, fresh.Dest)
	if got := searchFilesOf(t, opts.Dest); !reflect.DeepEqual(got, want) {
		compareTrees(t, 0, "search index from cached analyses", want, got)
	}

	// A pack that passes the cache's checks but does not decode (one of
	// another format) is not used.
	appendTo(t, opts.Source, 6, "\nAnother sentence.\n")
	b.cache.Put(searchindex.Kind, b.analyses.PackKey(), []byte{1, 2, 3})
	b = buildOnceWith(t, opts)
	if b.analyses.Stats().Made != pages {
		t.Errorf("with a pack that does not decode the build analysed %d pages, want %d", b.analyses.Stats().Made, pages)
	}
	fresh.Dest = filepath.Join(t.TempDir(), "public")
	buildOnceWith(t, fresh)
	if got, want := searchFilesOf(t, opts.Dest), searchFilesOf(t, fresh.Dest); !reflect.DeepEqual(got, want) {
		compareTrees(t, 0, "search index after a pack that does not decode", want, got)
	}
}

// TestSearchAnalysesInSession edits pages under a Builder kept for a
// session, with and without a persistent cache: each index analyses the
// changed page alone, and a change of a page's title or skills is a
// change of its analysis.
func TestSearchAnalysesInSession(t *testing.T) {
	for _, cached := range []bool{true, false} {
		opts := cachedSite(t, 16)
		if !cached {
			opts.CacheDir = ""
		}
		b, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if _, err := b.Build(ctx, nil); err != nil {
			t.Fatal(err)
		}
		for i, edit := range []string{"\nA body edit.\n", "\nAnother one.\n"} {
			changed := appendTo(t, opts.Source, 3+i, edit)
			before := b.analyses.Stats().Indexes
			if _, err := b.Build(ctx, []string{changed}); err != nil {
				t.Fatal(err)
			}
			if st := b.analyses.Stats(); st.Indexes != before+1 || st.Made != 1 {
				t.Errorf("cache %v, edit %d: %d indexes made, the last analysed %d pages; want 1 and 1", cached, i, st.Indexes-before, st.Made)
			}
		}
		name := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(2)))
		data, _ := os.ReadFile(name)
		renamed := strings.Replace(string(data), "\ntitle: ", "\ntitle: Renamed ", 1)
		if renamed == string(data) {
			t.Fatalf("%s has no title", name)
		}
		os.WriteFile(name, []byte(renamed), 0o644)
		before := b.analyses.Stats().Indexes
		if _, err := b.Build(ctx, []string{testsite.Path(2)}); err != nil {
			t.Fatal(err)
		}
		if st := b.analyses.Stats(); st.Indexes != before+1 || st.Made != 1 {
			t.Errorf("cache %v, a new title: %d indexes made, the last analysed %d pages; want 1 and 1", cached, st.Indexes-before, st.Made)
		}
		fresh := opts
		fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
		buildOnce(t, fresh)
		if got, want := searchFilesOf(t, opts.Dest), searchFilesOf(t, fresh.Dest); !reflect.DeepEqual(got, want) {
			compareTrees(t, 0, "search index of a session", want, got)
		}
	}
}

// TestSearchAnalysesPackLeftForFewChanges: on a site of more than 64
// pages, a build that analysed one page anew leaves the pack as it is,
// so the next build, after another page changed, analyses both, and the
// index is still the one a build without the cache makes.
func TestSearchAnalysesPackLeftForFewChanges(t *testing.T) {
	opts := cachedSite(t, 80)
	b := buildOnceWith(t, opts)
	if pages := indexed(b.m); pages < 64 {
		t.Fatalf("the site has %d pages in its index, want 64 or more", pages)
	}
	for i := range 2 {
		appendTo(t, opts.Source, 5+i, "\nOne more sentence about caching.\n")
		b = buildOnceWith(t, opts)
		if b.analyses.Stats().Made != i+1 {
			t.Errorf("build %d after one page changed analysed %d pages, want %d", i+1, b.analyses.Stats().Made, i+1)
		}
	}
	fresh := opts
	fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
	buildOnceWith(t, fresh)
	if got, want := searchFilesOf(t, opts.Dest), searchFilesOf(t, fresh.Dest); !reflect.DeepEqual(got, want) {
		compareTrees(t, 0, "search index with a pack left as it was", want, got)
	}
}
