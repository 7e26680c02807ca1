package site

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/testsite"
)

// TestSessionCheck: a Builder's checks after a change find what a fresh
// Check finds, and make only the outputs the change touched.
func TestSessionCheck(t *testing.T) {
	ctx := context.Background()
	b, name, file, orig := checkedSession(t, 40)
	write := func(text string) {
		if err := os.WriteFile(file, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}

	write(string(orig) + "\nOne more sentence.\n")
	res, err := b.BuildTo(ctx, []string{name}, output.Checked{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Made == 0 || res.Made > res.Files/4 {
		t.Errorf("a check after one page's body changed made %d of %d files", res.Made, res.Files)
	}

	write(string(orig) + "\nA [broken link](/nowhere/).\n")
	_, err = b.Check(ctx, []string{name})
	_, fresh := Check(ctx, b.opts)
	got, want := problemTexts(err), problemTexts(fresh)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("session check found\n%q\na fresh check\n%q", got, want)
	}

	write(string(orig))
	if _, err := b.Check(ctx, []string{name}); err != nil {
		t.Errorf("after the page was mended: %v", err)
	}
}

// problemTexts are the problems of err as a build prints them.
func problemTexts(err error) []string {
	var out []string
	for _, e := range diag.List(err) {
		out = append(out, e.Error())
	}
	return out
}

// TestSessionCheckLeavesSearchIndex: after its first check, a session's
// check of a body edit does not make the search index again, which a
// build of the same edit does.
func TestSessionCheckLeavesSearchIndex(t *testing.T) {
	ctx := context.Background()
	b, name, file, orig := checkedSession(t, 20)
	const index = "search/index.json"
	first := b.outs[index]
	if first == nil {
		t.Fatalf("the first check made no %s", index)
	}
	edit := func(word string) {
		if err := os.WriteFile(file, append(orig, "\nZanzibar "+word+".\n"...), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	edit("quokka")
	if _, err := b.Check(ctx, []string{name}); err != nil {
		t.Fatal(err)
	}
	if got := b.outs[index]; got.key != first.key {
		t.Errorf("a check after a body edit made %s again", index)
	}
	edit("okapi")
	if _, err := b.BuildTo(ctx, []string{name}, output.Checked{}); err != nil {
		t.Fatal(err)
	}
	if got := b.outs[index]; got.key == first.key {
		t.Errorf("a build after a body edit kept %s as it was", index)
	}
}

// TestSessionCheckKeepsModel: a check that finds a broken link, or a
// shortcode that does not exist, keeps its model, so that the checks after
// the next edits patch it rather than make it anew, and find what a fresh
// check finds.
func TestSessionCheckKeepsModel(t *testing.T) {
	ctx := context.Background()
	b, name, file, orig := checkedSession(t, 20)
	for _, tail := range []string{"A [link](/nowhere-1/).", "A [link](/nowhere-2/).", "{{< nosuch >}}", "{{< nosuch2 >}}", ""} {
		if err := os.WriteFile(file, append(slices.Clone(orig), tail...), 0o666); err != nil {
			t.Fatal(err)
		}
		_, err := b.Check(ctx, []string{name})
		_, fresh := Check(ctx, b.opts)
		if got, want := problemTexts(err), problemTexts(fresh); !slices.Equal(got, want) {
			t.Errorf("with %q, the session check found\n%q\na fresh check\n%q", tail, got, want)
		}
		if b.stats.how != "patch" {
			t.Errorf("with %q, the check made its model %s, want patch", tail, b.stats.how)
		}
	}
}

// checkedSession is a Builder, without a cache, over a generated site of
// n pages, after its first check, and the name, file and text of the page
// the session tests edit.
func checkedSession(t *testing.T, n int) (b *Builder, name, file string, orig []byte) {
	t.Helper()
	opts := cachedSite(t, n)
	opts.CacheDir = ""
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Check(context.Background(), nil); err != nil {
		t.Fatalf("first check: %v", err)
	}
	name = testsite.Path(3)
	file = filepath.Join(opts.Source, filepath.FromSlash(name))
	if orig, err = os.ReadFile(file); err != nil {
		t.Fatal(err)
	}
	return b, name, file, orig
}

// TestCheckLeavesPagers: a session's check after a page moved in its lists
// leaves the pagers after the first as they were, and says so;
// CheckPagers then makes them as a fresh check of the site does.
func TestCheckLeavesPagers(t *testing.T) {
	ctx := context.Background()
	b, name, file, orig := checkedSession(t, 120)
	later := func(outs map[string]*outState) map[string]deps.Digest {
		keys := map[string]deps.Digest{}
		for n, st := range outs {
			if laterPagerName.MatchString(n) {
				keys[n] = st.key
			}
		}
		return keys
	}
	before := later(b.outs)
	if len(before) == 0 {
		t.Fatal("the test site has no pager after the first")
	}
	head, rest, ok := strings.Cut(string(orig), "\n---\n")
	if !ok {
		t.Fatalf("%s has no front matter", name)
	}
	if err := os.WriteFile(file, []byte(head+"\nweight: 1\n---\n"+rest), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Check(ctx, []string{name}); err != nil {
		t.Fatal(err)
	}
	if !b.PagersLeft() {
		t.Fatal("a check after a page moved to the top of its lists left no pager")
	}
	if got := later(b.outs); !maps.Equal(got, before) {
		t.Error("the check made pagers after the first")
	}
	if _, err := b.CheckPagers(ctx); err != nil {
		t.Fatal(err)
	}
	if b.PagersLeft() {
		t.Error("CheckPagers left pagers")
	}
	fresh, err := New(b.opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Check(ctx, nil); err != nil {
		t.Fatal(err)
	}
	got, want := later(b.outs), later(fresh.outs)
	if maps.Equal(got, before) || !maps.Equal(got, want) {
		t.Errorf("after CheckPagers, the pagers' keys are not a fresh check's")
	}
}

var laterPagerName = regexp.MustCompile(`/page/([2-9]|[1-9][0-9]+)/index\.html$`)
