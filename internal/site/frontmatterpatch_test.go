package site

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/testsite"
)

// TestFrontMatterPatch: an edit of the front matter that gives the model
// no other shape (model.Patchable: the description, a param that is no
// taxonomy, a regular page's title, dates, weight and career data, its
// lists sorted again when it moves among the others: model.Reorder; its
// tags and skills, when they name the site's terms: model.Retag)
// patches the model, in a Builder that writes and in a session's
// checks, and the output is byte-identical to a fresh build's; any other
// edit of the front matter makes the model anew.
func TestFrontMatterPatch(t *testing.T) {
	e := newEditor(t, 7)
	// A skill the German pages alone list: the English term page made
	// for it translates the German one.
	e.write("content/guides/nur.de.md", "---\ntitle: Nur deutsch\ndate: 2025-05-10\nskills: [Nur Deutsch]\n---\nText.\n")
	ctx := context.Background()
	b, mem, checks := buildAndCheck(t, e)
	// addParam adds key: value at the end of the front matter, where no
	// other value moves.
	addParam := func(text, kv string) string {
		head, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
		return "---\n" + head + "\n" + kv + "\n---\n" + body
	}
	// replace replaces the first match of the regexp re.
	replace := func(re, with string) func(string) string {
		return func(s string) string {
			r := regexp.MustCompile(re)
			if !r.MatchString(s) {
				t.Fatalf("no %s in %q", re, s)
			}
			done := false
			return r.ReplaceAllStringFunc(s, func(m string) string {
				if done {
					return m
				}
				done = true
				return with
			})
		}
	}
	// join adds to the values of taxonomy tax in the file name the name of
	// the first term of the site (by slug) that the page does not list;
	// leave takes the last value away.
	join := func(name, tax string) func(string) string {
		return func(text string) string {
			p := b.m.ByFile[name][0]
			values := model.TermValues(p, tax)
			for _, term := range p.Site.Taxonomy(tax).Terms {
				if !slices.Contains(p.Terms(tax), term) {
					return setKey(text, tax, "["+strings.Join(append(slices.Clone(values), term.Name), ", ")+"]")
				}
			}
			t.Fatalf("%s lists every term of %s", name, tax)
			return ""
		}
	}
	leave := func(name, tax string) func(string) string {
		return func(text string) string {
			values := model.TermValues(b.m.ByFile[name][0], tax)
			return setKey(text, tax, "["+strings.Join(values[:len(values)-1], ", ")+"]")
		}
	}
	// The job is the 4th newest of 24 generated pages (2025-02-19), after
	// the role of 2025-01-24, before the guide of 2025-03-14.
	job, role, section := testsite.Path(0), testsite.Path(1), "content/jobs/_index.md"
	for _, step := range []struct {
		what, name string
		edit       func(string) string
		how        string
	}{
		{"the description of a job", job, func(s string) string { return setKey(s, "description", "A job, described anew.") }, "patch"},
		{"the description of a section", section, func(s string) string { return setKey(s, "description", "Every job, described anew.") }, "patch"},
		{"a param", job, func(s string) string { return addParam(s, "team: Platform") }, "patch"},
		{"the param again", job, func(s string) string { return setKey(s, "team", "Payments") }, "patch"},
		{"an alias", job, func(s string) string { return addParam(s, "aliases: [/old-job/]") }, "full"},
		// The alias's redirect page shows the title; the card too.
		{"the title", job, func(s string) string { return setKey(s, "title", "Retitled") }, "patch"},
		// The sitemap and the feeds show the dates.
		{"updated, added", job, func(s string) string { return addParam(s, "updated: 2026-02-01") }, "patch"},
		{"updated", job, func(s string) string { return setKey(s, "updated", "2026-02-03") }, "patch"},
		{"the date, in its place", job, func(s string) string { return setKey(s, "date", "2025-02-20") }, "patch"},
		// Every list, pager, neighbour, related page and feed that holds
		// it is sorted again.
		{"the date, to another place", job, func(s string) string { return setKey(s, "date", "2025-12-31") }, "patch"},
		{"the date, back", job, func(s string) string { return setKey(s, "date", "2025-02-19") }, "patch"},
		{"the date, to the end", job, func(s string) string { return setKey(s, "date", "2020-01-01") }, "patch"},
		{"the weight, to another place", job, func(s string) string { return addParam(s, "weight: 1") }, "patch"},
		{"the weight, taken away", job, func(s string) string { return replace(`(?m)^weight: 1\n`, "")(s) }, "patch"},
		{"the date, a tie broken by the title", role, func(s string) string { return setKey(s, "date", "2025-02-19") }, "patch"},
		{"the title, past its tie", job, func(s string) string { return setKey(s, "title", "AAA first") }, "patch"},
		// The card and the structured data show the salary.
		{"a job's salary", job, replace(`(?m)^  max: .*$`, "  max: 190000"), "patch"},
		{"a job's seniority", job, replace(`(?m)^seniority: .*$`, "seniority: lead"), "patch"},
		{"a role's salary", role, replace(`(?m)^  min: .*$`, "  min: 61000"), "patch"},
		{"a role's career path", role, replace(`title: Junior step 1`, "title: First step"), "patch"},
		{"a role's career path's skills", role, replace(`(?m)^    skills: \[.*\]$`, "    skills: [Go, Rust]"), "full"},
		{"the title of a section", section, func(s string) string { return setKey(s, "title", "Work") }, "full"},
		{"a tag, another of the site's", job, join(job, "tags"), "patch"},
		{"the tag, taken away", job, leave(job, "tags"), "patch"},
		{"a skill of a role guide, another of the site's", role, join(role, "skills"), "patch"},
		{"a skill of a job, another of the site's", job, join(job, "skills"), "patch"},
		{"the skill, taken away", job, leave(job, "skills"), "patch"},
		// A term made and dropped: its term page, its card and the
		// sitemap with them, the taxonomy's list of terms.
		{"a tag of a term of its own", job, replace(`(?m)^tags: \[`, "tags: [A term of its own, "), "patch"},
		{"a letter typed into it: a term made, one dropped", job, replace(`(?m)^tags: \[A`, "tags: [Xa"), "patch"},
		{"a skill of a term of its own, first by slug", job, replace(`(?m)^skills: \[`, "skills: [0 first skill, "), "patch"},
		{"the skill, taken away: its term dropped", job, replace(`(?m)^skills: \[0 first skill, `, "skills: ["), "patch"},
		{"the tag, taken away: its term dropped", job, replace(`(?m)^tags: \[Xa term of its own, `, "tags: ["), "patch"},
		{"a skill the German pages alone list: its term page translates theirs", job, replace(`(?m)^skills: \[`, "skills: [Nur Deutsch, "), "patch"},
		{"the skill, taken away: the German term page translates none", job, replace(`(?m)^skills: \[Nur Deutsch, `, "skills: ["), "patch"},
		{"a tag another spelling of the site's, named anew", job, replace(`(?m)^tags: \[`, "tags: [ZZZ, ZZZ, ZZZ, "), "patch"},
		// Its output, its card, its redirect page and the list of
		// redirects, the sitemap, the feeds and the search index move
		// with its URL; the link to it from the page before it breaks.
		{"a slug", job, func(s string) string { return addParam(s, "slug: moved-job") }, "patch"},
		{"a letter typed into the slug", job, replace(`(?m)^slug: moved-job$`, "slug: moved-jobs"), "patch"},
		{"a url, over the slug", job, func(s string) string { return addParam(s, "url: /work/with-us/") }, "patch"},
		{"the url taken away", job, replace(`(?m)^url: .*\n`, ""), "patch"},
		// A tie of date and title is broken by the URL: a url moves it
		// past the role in the lists (model.Reorder).
		{"the date and title of the role, a tie", job, func(s string) string {
			r := b.m.ByFile[role][0]
			return setKey(setKey(s, "date", r.Date.Format("2006-01-02")), "title", r.Title)
		}, "patch"},
		{"a url past the role's, its tie", job, func(s string) string { return addParam(s, "url: /zzz/") }, "patch"},
		{"the url taken away, back before the role", job, replace(`(?m)^url: .*\n`, ""), "patch"},
		{"the slug of a bundle's page: its resources move", bundlePage, func(s string) string { return addParam(s, "slug: moved-bundle") }, "full"},
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

// TestReorderRereads: the outputs keyed again after a page moved among
// the others read other pages than before, and an edit of one of those
// later makes them again. The job moves to the top of its section, so that
// its next page is another; then that page is retitled, which the job's
// page shows.
func TestReorderRereads(t *testing.T) {
	e := newEditor(t, 7)
	ctx := context.Background()
	mem := output.NewMemory()
	b, err := New(e.options(""))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.BuildTo(ctx, nil, mem); err != nil {
		t.Fatal(err)
	}
	job := testsite.Path(0)
	next := b.m.ByFile[job][0].Next
	head, body, _ := strings.Cut(strings.TrimPrefix(e.read(job), "---\n"), "\n---\n")
	e.write(job, "---\n"+head+"\nweight: 1\n---\n"+body)
	if _, err := b.BuildTo(ctx, []string{job}, mem); err != nil {
		t.Fatal(err)
	}
	first := b.m.ByFile[job][0].Next
	if b.stats.how != "patch" || first == next || first == nil {
		t.Fatalf("the weight: built by %q, the next page %v, before %v", b.stats.how, first, next)
	}
	e.write(first.File, setKey(e.read(first.File), "title", "Next, retitled"))
	want, _, err := e.fullBuild(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.BuildTo(ctx, []string{first.File}, mem); err != nil {
		t.Fatal(err)
	}
	if b.stats.how != "patch" {
		t.Errorf("the title of the next page: built by %q, want patch", b.stats.how)
	}
	compareTrees(t, 0, "the title of the next page", want, memoryFiles(mem))
}
