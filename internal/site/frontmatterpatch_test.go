package site

import (
	"context"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/testsite"
)

// TestFrontMatterPatch: an edit of the front matter that only its page
// shows (model.Patchable: the description, a param that is no taxonomy)
// patches the model, in a Builder that writes and in a session's checks,
// and the output is byte-identical to a fresh build's; any other edit of
// the front matter makes the model anew.
func TestFrontMatterPatch(t *testing.T) {
	e := newEditor(t, 7)
	ctx := context.Background()
	mem := output.NewMemory()
	b, err := New(e.options(""))
	if err != nil {
		t.Fatal(err)
	}
	checks, err := New(e.options(""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.BuildTo(ctx, nil, mem); err != nil {
		t.Fatal(err)
	}
	if _, err := checks.Check(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// addParam adds key: value at the end of the front matter, where no
	// other value moves.
	addParam := func(text, kv string) string {
		head, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
		return "---\n" + head + "\n" + kv + "\n---\n" + body
	}
	job, section := testsite.Path(0), "content/jobs/_index.md"
	for _, step := range []struct {
		what, name string
		edit       func(string) string
		how        string
	}{
		{"the description of a job", job, func(s string) string { return setKey(s, "description", "A job, described anew.") }, "patch"},
		{"the description of a section", section, func(s string) string { return setKey(s, "description", "Every job, described anew.") }, "patch"},
		{"a param", job, func(s string) string { return addParam(s, "team: Platform") }, "patch"},
		{"the param again", job, func(s string) string { return setKey(s, "team", "Payments") }, "patch"},
		{"the title", job, func(s string) string { return setKey(s, "title", "Retitled") }, "full"},
		{"the description, emptied", job, func(s string) string { return setKey(s, "description", `""`) }, "full"},
	} {
		e.write(step.name, step.edit(e.read(step.name)))
		want, _, err := e.fullBuild(ctx)
		if err != nil {
			t.Fatalf("%s: the fresh build: %v", step.what, err)
		}
		if _, err := b.BuildTo(ctx, []string{step.name}, mem); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if b.stats.how != step.how {
			t.Errorf("%s: built by %q, want %q", step.what, b.stats.how, step.how)
		}
		compareTrees(t, 0, step.what, want, memoryFiles(mem))
		if _, err := checks.Check(ctx, []string{step.name}); err != nil {
			t.Fatalf("%s: check: %v", step.what, err)
		}
		if checks.stats.how != step.how {
			t.Errorf("%s: checked by %q, want %q", step.what, checks.stats.how, step.how)
		}
	}
}
