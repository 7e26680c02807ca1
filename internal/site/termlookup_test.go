package site

import (
	"context"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/testsite"
)

// TestTermLookups: a role guide's career path looks its steps' skills up
// by name (.Term $name); a skill edit that makes and drops terms whose
// slugs no template looked up does not make the role guides again, and
// one that makes or drops a term a step names does, its link with it.
// Every build is a fresh build's, in a Builder and in a session's checks.
func TestTermLookups(t *testing.T) {
	e := newEditor(t, 7)
	guide := "content/roles/zig.md"
	e.write(guide, "---\ntitle: Zig developer\ndate: 2025-03-02\nskills: [Go]\nguide: career-path\ncareer_path:\n"+
		"  - title: Junior Zig\n    level: junior\n    track: ic\n    skills: [Zig Lang, Go]\n"+
		"  - title: Senior Zig\n    level: senior\n    track: ic\n    skills: [Zig Lang, Rust]\n---\nText.\n")
	ctx := context.Background()
	b, mem, checks := buildAndCheck(t, e)
	job := testsite.Path(0)
	const out = "roles/zig/index.html"
	// skills gives the job's skills the value first.
	skills := func(first string) func(string) string {
		return func(s string) string {
			return strings.Replace(s, "\nskills: [", "\nskills: ["+first+", ", 1)
		}
	}
	orig := e.read(job)
	for _, step := range []struct {
		what   string
		text   string
		remade bool // the guide's page is made again
	}{
		// The first plan keyed the guide by every term, before its
		// templates looked any up: it is keyed and made again once.
		{"a skill of a term of its own", skills("Qa")(orig), true},
		{"a letter of it changed: a term made, one dropped, neither looked up", skills("Qb")(orig), false},
		{"another", skills("Qc")(orig), false},
		{"a skill a step of the guide names, of a term of its own", skills("Zig Lang")(orig), true},
		{"a letter of it changed: the term the step names dropped", skills("Zig Langs")(orig), true},
		{"taken away: a term dropped that no step names", orig, false},
	} {
		e.write(job, step.text)
		want, _, err := e.fullBuild(ctx)
		if err != nil {
			t.Fatalf("%s: the fresh build: %v", step.what, err)
		}
		before := b.outs[out]
		if _, err := b.BuildTo(ctx, []string{job}, mem); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if b.stats.how != "patch" {
			t.Errorf("%s: built by %q, want a patch", step.what, b.stats.how)
		}
		if remade := b.outs[out] != before; remade != step.remade {
			t.Errorf("%s: the guide made again: %v, want %v", step.what, remade, step.remade)
		}
		compareTrees(t, 0, step.what, want, memoryFiles(mem))
		if _, err := checks.Check(ctx, []string{job}); err != nil {
			t.Fatalf("%s: check: %v", step.what, err)
		}
	}
	if !strings.Contains(string(memoryFiles(mem)[out]), `<a href="/skills/rust/">Rust</a>`) {
		t.Errorf("the guide does not link its step's skill Rust:\n%s", memoryFiles(mem)[out])
	}
}
