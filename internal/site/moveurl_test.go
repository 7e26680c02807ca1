package site

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/testsite"
)

// TestMoveMarksLinks: a slug typed into a page that another links to
// patches a session's model (keptmodel's move), and the link check finds
// the link to the old URL broken, at the linking page, as a fresh check
// does; the slug taken away again, the link is whole again.
func TestMoveMarksLinks(t *testing.T) {
	e := newEditor(t, 7)
	ctx := context.Background()
	checks, err := New(e.options(""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := checks.Check(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// Page 23 links to page 0, the job (testsite's "See also", in each
	// of its three parts).
	job, linking := testsite.Path(0), testsite.Path(23)
	text := e.read(job)
	head, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	for _, step := range []struct {
		what, text string
		broken     bool
	}{
		{"a slug", "---\n" + head + "\nslug: moved\n---\n" + body, true},
		{"a letter typed into it", "---\n" + head + "\nslug: moveds\n---\n" + body, true},
		{"the slug taken away", text, false},
	} {
		e.write(job, step.text)
		warnings, err := checks.Check(ctx, []string{job})
		if err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if checks.stats.how != "patch" {
			t.Errorf("%s: checked by %q, want patch", step.what, checks.stats.how)
		}
		var at []string
		for _, w := range texts(warnings) {
			if strings.Contains(w, testsite.URL(0)) {
				at = append(at, w)
			}
		}
		elsewhere := slices.ContainsFunc(at, func(w string) bool { return !strings.HasPrefix(w, linking+":") })
		if (len(at) > 0) != step.broken || elsewhere {
			t.Errorf("%s: the warnings about %s are %q, want some at %s only: %v", step.what, testsite.URL(0), at, linking, step.broken)
		}
		_, want, err := e.fullBuild(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(texts(warnings), texts(want.Warnings)) {
			t.Errorf("%s: warnings\n%s\nwant\n%s", step.what, strings.Join(texts(warnings), "\n"), strings.Join(texts(want.Warnings), "\n"))
		}
	}
}
