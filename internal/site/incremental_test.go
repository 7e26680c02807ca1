package site

// This file is one piece though it is over 600 lines: the random-edit
// test, its editor (one function an edit, each saying what it expects of
// the next build) and the site it edits read together, and the few
// deterministic tests of incremental builds at its end share its helpers.

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/testsite"
)

var (
	seedFlag  = flag.Uint64("seed", 0, "the seed of TestIncrementalMatchesFullBuild (0: a new one, printed)")
	stepsFlag = flag.Int("steps", 0, "the number of edits of TestIncrementalMatchesFullBuild (0: 60, 25 with -short)")
)

// TestIncrementalMatchesFullBuild applies a random sequence of edits to a
// generated site — bodies, front matter, new, deleted and renamed pages,
// templates, stylesheets, site.yaml, errors made and fixed, time passing —
// and after each one compares what two Builders that saw every step
// publish (one into memory, as serve does, one into a folder, as watch and
// build do) with a fresh full build: the same files with the same bytes,
// the same errors, the same warnings. So does a one-shot Build (as
// `careersite build` runs, once per step) that spills every page's HTML
// and keeps a persistent cache, built twice a step: the first reads the
// cache the last step left, the second the one the first wrote, and must
// make no file at all.
//
// It also asserts that the fast paths were taken, not only that the
// results are right: after a build that succeeded, an edit of page bodies
// alone (or a file saved unchanged) must be built by patching the model
// ("patch"), and an edit of templates or stylesheets alone by keeping it
// ("keys"); a full rebuild there would pass every comparison and still be
// wrong. Those edits weigh 43 of the 89 in edit's table, and most of
// editURL's moves of a page (4) are asserted patched too; less the steps
// that follow a failed build, which make the model anew, about 45% of the
// steps are checked. A run fails if fewer than an eighth were (for 25
// steps, 3: at a rate of 40% a chance of 1 in 2,000 by bad luck), since
// then the site was broken for most of the run and it tested little.
//
// The seed is logged first and in every failure; replay with -seed.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	seed := *seedFlag
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	steps := *stepsFlag
	if steps == 0 {
		steps = 60
		if testing.Short() {
			steps = 25
		}
	}
	t.Logf("seed %d (replay with -seed %d)", seed, seed)
	e := newEditor(t, seed)
	ctx := context.Background()

	mem := output.NewMemory()
	deferred := e.options("")
	deferred.Defer = true // as serve builds: the site-wide files in a second commit
	inMemory, err := New(deferred)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	inDir, err := New(e.options(dest))
	if err != nil {
		t.Fatal(err)
	}
	once := e.options(filepath.Join(t.TempDir(), "once", "public"))
	once.CacheDir = filepath.Join(t.TempDir(), "cache")
	once.spillBudget = 1 // every page's HTML waits in the spill file

	hows := map[string]int{}
	checked := 0                 // steps whose kind of build was asserted
	okMem, okDir := false, false // whether each Builder's last build succeeded
	for step := 0; step <= steps; step++ {
		var changed []string
		what, expect := "first build", ""
		if step > 0 {
			what, changed = e.edit()
			expect = e.expect
		}
		now := e.now
		inMemory.opts.Now, inDir.opts.Now = now, now
		t.Logf("step %d: %s %q", step, what, changed)

		want, wantRes, wantErr := e.fullBuild(ctx)
		res, err := inMemory.BuildTo(ctx, changed, mem)
		compareBuilds(t, step, deferringRun, wantRes, wantErr, res, err)
		if res != nil {
			hows[inMemory.stats.how]++
		}
		asserted := checkHow(t, step, "in memory", expect, okMem, res, inMemory)
		okMem = err == nil
		if wantErr == nil && err == nil {
			// Before FinishDeferred, everything but the site-wide files is as a
			// full build makes it.
			compareTrees(t, step, "in memory, before FinishDeferred", withoutSiteWide(want), withoutSiteWide(memoryFiles(mem)))
			if _, err := inMemory.FinishDeferred(ctx, mem); err != nil {
				t.Errorf("step %d: FinishDeferred: %v", step, err)
			}
			compareTrees(t, step, "in memory", want, memoryFiles(mem))
		}
		res, err = inDir.Build(ctx, changed)
		compareBuilds(t, step, "in a folder", wantRes, wantErr, res, err)
		if wantErr == nil && err == nil {
			compareTrees(t, step, "in a folder", want, dirFiles(t, dest))
		}
		if checkHow(t, step, "in a folder", expect, okDir, res, inDir) || asserted {
			checked++
		}
		okDir = err == nil

		once.Now = now
		for _, run := range []string{"one-shot", "one-shot again"} {
			res, err := Build(ctx, once)
			compareBuilds(t, step, run, wantRes, wantErr, res, err)
			if wantErr == nil && err == nil {
				compareTrees(t, step, run, want, dirFiles(t, once.Dest))
				if run == "one-shot again" && res.Made != 0 {
					t.Errorf("step %d, %s: made %d files, want 0: the cache of the build before was not used", step, run, res.Made)
				}
			}
		}
		if t.Failed() {
			t.Fatalf("step %d differs from a full build (replay with -seed %d)", step, seed)
		}
	}
	t.Logf("builds in memory by how the model was made: %v; %d of %d steps asserted incremental", hows, checked, steps)
	if checked < steps/8 {
		t.Fatalf("the kind of build was asserted at %d of %d steps, want at least %d: the site was broken for most of the run (replay with -seed %d)", checked, steps, steps/8, seed)
	}
}

// checkHow checks that a build that had to be incremental was: expect is
// the kind of build the edit allows ("patch", "keys", or "" for any), ok
// whether the Builder's build before this one succeeded (after a failed
// build the model is made anew). It reports whether it checked anything.
func checkHow(t *testing.T, step int, where, expect string, ok bool, res *Result, b *Builder) bool {
	t.Helper()
	if expect == "" || !ok || res == nil {
		return false
	}
	if b.stats.how != expect {
		t.Errorf("step %d, %s: built by %q, want %q", step, where, b.stats.how, expect)
	}
	return true
}

// withoutSiteWide is files less the feeds and the search indexes (the
// default language's and those below a language's prefix), which
// FinishDeferred makes.
func withoutSiteWide(files map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for name, data := range files {
		if !strings.HasSuffix(name, "feed.xml") && !inSearchIndex(name) {
			out[name] = data
		}
	}
	return out
}

// inSearchIndex reports whether name is a file of a search index:
// search/index.json, search/t/….json, de/search/index.json ….
func inSearchIndex(name string) bool {
	for _, pattern := range []string{"search/*.json", "search/*/*.json", "*/search/*.json", "*/search/*/*.json"} {
		if ok, _ := path.Match(pattern, name); ok {
			return true
		}
	}
	return false
}

func compareBuilds(t *testing.T, step int, where string, wantRes *Result, wantErr error, res *Result, err error) {
	t.Helper()
	switch {
	case (err == nil) != (wantErr == nil):
		t.Errorf("step %d, %s: error %v, want %v", step, where, err, wantErr)
	case err != nil && err.Error() != wantErr.Error():
		t.Errorf("step %d, %s: error\n%v\nwant\n%v", step, where, err, wantErr)
	case err == nil && !slices.Equal(texts(res.Warnings), texts(wantRes.Warnings)):
		t.Errorf("step %d, %s: warnings\n%s\nwant\n%s", step, where, strings.Join(texts(res.Warnings), "\n"), strings.Join(texts(wantRes.Warnings), "\n"))
	case err == nil && res.Pages != wantRes.Pages:
		t.Errorf("step %d, %s: %d pages, want %d", step, where, res.Pages, wantRes.Pages)
	case err == nil && res.Files != wantRes.Files && where != deferringRun:
		// The in-memory Builder defers the files made from every page
		// (Options.Defer): its first commit counts the search index of
		// the last build, whose files may be fewer or more; its tree is
		// compared after FinishDeferred.
		t.Errorf("step %d, %s: %d files, want %d", step, where, res.Files, wantRes.Files)
	}
}

// deferringRun is the name compareBuilds knows the deferring Builder by.
const deferringRun = "in memory"

func compareTrees(t *testing.T, step int, where string, want, got map[string][]byte) {
	t.Helper()
	n := 0
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range want {
			if !yield(k) {
				return
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok && !yield(k) {
				return
			}
		}
	}) {
		w, inWant := want[name]
		g, inGot := got[name]
		switch {
		case !inGot:
			t.Errorf("step %d, %s: %s is missing", step, where, name)
		case !inWant:
			t.Errorf("step %d, %s: %s should not be there", step, where, name)
		case !bytes.Equal(w, g):
			t.Errorf("step %d, %s: %s differs from a full build:\n%s", step, where, name, firstDifference(w, g))
		default:
			continue
		}
		if n++; n == 5 {
			t.Errorf("step %d, %s: and more", step, where)
			return
		}
	}
}

// firstDifference shows the lines around the first byte where a and b differ.
func firstDifference(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	around := func(b []byte) string {
		lo, hi := max(0, i-150), min(len(b), i+150)
		return string(b[lo:hi])
	}
	return fmt.Sprintf("at byte %d\nwant …%s…\ngot  …%s…", i, around(want), around(got))
}

func memoryFiles(m *output.Memory) map[string][]byte {
	tree := m.Tree()
	files := map[string][]byte{}
	for _, name := range tree.Names() {
		files[name], _ = tree.Lookup(name)
	}
	return files
}

func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// editor makes random edits to a generated site.
type editor struct {
	t      *testing.T
	r      *rand.Rand
	dir    string
	now    time.Time
	next   int               // the number of the next new page
	broken map[string]string // files broken on purpose, with their good text

	// expect is how the last edit must be built after a build that
	// succeeded: "patch" (bodies only), "keys" (templates or assets only),
	// or "" when the model is made anew or it depends.
	expect string
}

// incrementalConfig is site.yaml of the test site: broken links are
// warnings, so that deleting a page leaves a site that builds.
const incrementalConfig = `title: Incremental
base_url: https://inc.example/
description: A site edited at random.
sections:
  jobs: job
  roles: role
  certifications: certification
  guides: article
taxonomies: [tags, skills]
page_size: 4
broken_links: warn
menu:
  - {name: Jobs, url: /jobs/, weight: 1}
  - {name: Guides, url: /guides/, weight: 2}
languages:
  en: {name: English, weight: 1}
  de: {name: Deutsch, weight: 2}
`

// buildAndCheck builds the site of e into memory with a Builder kept for
// a session, and checks it with another, as serve and the language server
// do: the edits that follow patch both.
func buildAndCheck(t *testing.T, e *editor) (*Builder, *output.Memory, *Builder) {
	t.Helper()
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
	return b, mem, checks
}

func newEditor(t *testing.T, seed uint64) *editor {
	dir := filepath.Join(t.TempDir(), "site")
	const n = 24
	if err := testsite.Write(dir, n, seed); err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, r: rand.New(rand.NewPCG(seed, 1)), dir: dir, next: n,
		now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), broken: map[string]string{}}
	// Code blocks without a language: chroma gives every lexer regexp a
	// wall-clock timeout of 250ms and skips a rule that times out, so on a
	// loaded machine (or under -race) the same block can highlight two
	// ways, in any build. That is a matter for internal/markdown; here it
	// would only hide what this test looks for.
	for _, name := range e.pages(false) {
		e.write(name, fence.ReplaceAllString(e.read(name), "```"))
	}
	e.write("site.yaml", incrementalConfig)
	e.write("assets/css/site.css", "body { color: #111 }\n")
	e.write("content/jobs/posting.md", posting(e.now))
	e.write(teamShortcode, teamTemplates[0])
	e.write(teamData, "lead: Ada\nsize: 4\n")
	e.write(bundlePage, "---\ntitle: Bundle\ndate: 2026-01-10\n---\nThe [notes](notes.txt), ![a diagram](img/d.svg) and ![the team](team.png).\n")
	e.write("content/guides/bundle/notes.txt", "Notes.\n")
	e.write("content/guides/bundle/team.png", string(fixtureImage(t, "png 8x6")))
	e.write("content/guides/bundle/img/d.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`)
	e.write("content/guides/future.md", "---\ntitle: Future\ndate: 2026-03-20\nskills: [Go]\n---\nNot yet.\n")
	return e
}

// posting is a job whose posting opens and closes while the test runs.
func posting(now time.Time) string {
	return fmt.Sprintf(`---
title: Posting
date: 2026-01-05
skills: [Go, SQL]
tags: [hiring]
salary: {currency: USD, min: 90000, max: 120000, period: year}
posting:
  organization: {name: Example}
  date_posted: %s
  valid_through: %s
  location: {country: US}
---
A posting.
`, now.AddDate(0, 0, 3).Format(time.DateOnly), now.AddDate(0, 0, 12).Format(time.DateOnly))
}

func (e *editor) options(dest string) Options {
	return Options{Source: e.dir, Dest: dest, Now: e.now, Theme: careersite.Theme()}
}

func (e *editor) fullBuild(ctx context.Context) (map[string][]byte, *Result, error) {
	m := output.NewMemory()
	res, err := BuildTo(ctx, e.options(""), m)
	return memoryFiles(m), res, err
}

func (e *editor) path(name string) string { return filepath.Join(e.dir, filepath.FromSlash(name)) }

func (e *editor) write(name, data string) {
	e.t.Helper()
	if err := os.MkdirAll(filepath.Dir(e.path(name)), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(e.path(name), []byte(data), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func (e *editor) read(name string) string {
	e.t.Helper()
	data, err := os.ReadFile(e.path(name))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(data)
}

func (e *editor) exists(name string) bool {
	_, err := os.Stat(e.path(name))
	return err == nil
}

func (e *editor) remove(name string) {
	e.t.Helper()
	if err := os.Remove(e.path(name)); err != nil {
		e.t.Fatal(err)
	}
}

// pages lists the content files that are pages, sorted.
func (e *editor) pages(indexes bool) []string {
	var out []string
	filepath.WalkDir(e.path("content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".md" && (indexes || d.Name() != "_index.md") {
			rel, _ := filepath.Rel(e.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func (e *editor) pick(list []string) string { return list[e.r.IntN(len(list))] }

// edit makes one random edit and returns what it did and the files it
// changed, as the watcher reports them.
func (e *editor) edit() (string, []string) {
	e.expect = ""
	if len(e.broken) > 0 && e.r.IntN(2) == 0 {
		for name, good := range e.broken {
			e.write(name, good)
			delete(e.broken, name)
			return "fix the error in", []string{name}
		}
	}
	edits := []struct {
		weight int
		do     func() (string, []string)
	}{
		{30, e.editBody},
		{12, e.editFrontMatter},
		{5, e.addPage},
		{4, e.deletePage},
		{4, e.renamePage},
		{8, e.editTemplate},
		{3, e.editCSS},
		{3, e.editConfig},
		{3, e.breakPage},
		{4, e.passTime},
		{3, e.editIndex},
		{2, e.touch},
		{3, e.editShortcode},
		{3, e.editData},
		{4, e.editResource},
		{6, e.editTranslation},
		{3, e.editStrings},
		{4, e.editURL},
	}
	total := 0
	for _, ed := range edits {
		total += ed.weight
	}
	n := e.r.IntN(total)
	for _, ed := range edits {
		if n < ed.weight {
			return ed.do()
		}
		n -= ed.weight
	}
	panic("unreachable")
}

// bundlePage is a leaf bundle's page: its folder's other files are its
// resources.
const bundlePage = "content/guides/bundle/index.md"

// editResource adds, changes or removes a resource of the bundle, or the
// bundle's page itself when it was deleted or renamed.
func (e *editor) editResource() (string, []string) {
	dir := path.Dir(bundlePage)
	if !e.exists(bundlePage) {
		e.write(bundlePage, "---\ntitle: Bundle again\ndate: 2026-01-10\n---\nThe [notes](notes.txt).\n")
		return "make the bundle's page again", []string{bundlePage}
	}
	var names []string
	filepath.WalkDir(e.path(dir), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) != ".md" {
			rel, _ := filepath.Rel(e.dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	switch n := e.r.IntN(3); {
	case n == 0 || len(names) == 0:
		name := fmt.Sprintf("%s/extra-%d.txt", dir, e.r.IntN(4))
		e.write(name, fmt.Sprintf("extra %d\n", e.r.IntN(100)))
		return "add or rewrite the resource", []string{name}
	case n == 1:
		name := e.pick(names)
		e.write(name, e.read(name)+strings.Repeat("x", e.r.IntN(3))+"\n")
		return "change the resource", []string{name}
	default:
		name := e.pick(names) // notes.txt or img/d.svg: the page's link breaks, a warning
		e.remove(name)
		return "remove the resource", []string{name}
	}
}

var fence = regexp.MustCompile("```[a-z]+")

var bodyStart = regexp.MustCompile(`(?s)^(---\n.*?\n---\n)(.*)$`)

func (e *editor) editBody() (string, []string) {
	name := e.pick(e.pages(true))
	m := bodyStart.FindStringSubmatch(e.read(name))
	if m == nil {
		return "nothing to edit in", nil
	}
	fm, body := m[1], m[2]
	switch e.r.IntN(9) {
	case 7: // a shortcode of the site's, which reads .Site.Data
		body += "\nThe team: {{< team >}}.\n"
	case 8: // a built-in, paired, with Markdown inside
		body += fmt.Sprintf("\n{{< details summary=\"More %d\" >}}\nSome *detail*.\n{{< /details >}}\n", e.r.IntN(10))
	case 0, 6: // the first paragraph: the summary
		body = fmt.Sprintf("A new opening paragraph %d.\n\n", e.r.IntN(1000)) + body
	case 1: // a heading: the table of contents and the anchors
		body += fmt.Sprintf("\n## Heading %d\n\nMore.\n", e.r.IntN(5))
	case 2: // a link to another page, with a fragment that may not exist
		target := e.pick(e.pages(false))
		body += fmt.Sprintf("\nSee [this](/%s/#heading-%d).\n", strings.TrimSuffix(strings.TrimPrefix(target, "content/"), ".md"), e.r.IntN(3))
	case 3: // words: the reading time
		body += strings.Repeat("word ", 150+e.r.IntN(300)) + "\n"
	case 4: // a code block (see newEditor for why without a language)
		body += "\n```\nfunc f() int { return " + fmt.Sprint(e.r.IntN(100)) + " }\n```\n"
	default:
		body = strings.Replace(body, "the", "a", 1)
	}
	e.write(name, fm+body)
	// No edit adds or removes an image, so the image files published
	// stay the same, and a body that shows images is patched as any
	// other (patchPlan).
	e.expect = "patch"
	return "edit the body of", []string{name}
}

// setKey replaces (or adds) a top-level front-matter key.
func setKey(text, key, value string) string {
	// The key's line and the indented lines of its value (a block list).
	re := regexp.MustCompile(`(?m)^` + key + `:.*\n(?:[ \t]+.*\n)*`)
	if re.MatchString(text) {
		return re.ReplaceAllString(text, key+": "+value+"\n")
	}
	return strings.Replace(text, "---\n", "---\n"+key+": "+value+"\n", 1)
}

// salaryMax is the maximum of a salary, in the front matter of the pages
// testsite writes.
var salaryMax = regexp.MustCompile(`(?m)^  max: [0-9]+$`)

func (e *editor) editFrontMatter() (string, []string) {
	name := e.pick(e.pages(false))
	text := e.read(name)
	if !strings.HasPrefix(text, "---\n") {
		return "nothing to edit in", nil
	}
	var what string
	switch e.r.IntN(13) {
	case 0:
		text, what = setKey(text, "title", fmt.Sprintf("Retitled %d", e.r.IntN(1000))), "title"
	case 1:
		if strings.Contains(text, "\ndescription: ") {
			// Only the page shows it: the model is patched
			// (model.Patchable), the description's line replaced.
			e.expect = "patch"
		}
		text, what = setKey(text, "description", fmt.Sprintf("Described anew %d.", e.r.IntN(1000))), "description"
	case 2:
		text, what = setKey(text, "skills", "["+strings.Join(e.some([]string{"Go", "SQL", "Rust", "CSS", "Git", "Kubernetes", "C#", "C++"}), ", ")+"]"), "skills"
	case 3:
		text, what = setKey(text, "tags", "["+strings.Join(e.some([]string{"salary", "remote work", "cloud", "new-tag", "data"}), ", ")+"]"), "tags"
	case 4:
		text, what = setKey(text, "date", fmt.Sprintf("2025-%02d-%02d", 1+e.r.IntN(12), 1+e.r.IntN(28))), "date"
	case 5:
		text, what = setKey(text, "weight", fmt.Sprint(e.r.IntN(4))), "weight"
	case 6:
		draft := "true"
		if strings.Contains(text, "draft: true") || !slices.Contains(e.deletable(), name) {
			// A page that front matter refers to stays published: a
			// reference to a draft is an error, and one left for many
			// steps would leave the site broken until it was undone.
			draft = "false"
		}
		text, what = setKey(text, "draft", draft), "draft"
	case 7: // which lists, feeds, sitemap and search index hold the page
		text, what = setKey(text, "hidden_from", "["+strings.Join(e.some([]string{"lists", "feeds", "sitemap", "search"}), ", ")+"]"), "hidden_from"
	case 8: // the job lists the search index reads (other kinds keep the key in .Params)
		text, what = setKey(text, "responsibilities", fmt.Sprintf("[Answer pager %d, Write runbooks]", e.r.IntN(1000))), "responsibilities"
	case 9: // the sitemap's and the feeds' dates
		text, what = setKey(text, "updated", fmt.Sprintf("2026-%02d-%02d", 1+e.r.IntN(2), 1+e.r.IntN(28))), "updated"
	case 10: // a job's or a role guide's card and structured data show it
		text, what = salaryMax.ReplaceAllString(text, fmt.Sprintf("  max: %d", 150000+1000*e.r.IntN(50))), "salary"
	case 11: // a letter typed into a tag or a skill: a term made, or joined, and the old ones maybe dropped
		key := []string{"tags", "skills"}[e.r.IntN(2)]
		text, what = setKey(text, key, fmt.Sprintf("[%c%d]", 'a'+e.r.IntN(3), e.r.IntN(3))), key+" of a term of its own"
	default:
		text, what = setKey(text, "aliases", fmt.Sprintf("[/old/%s-%d/]", strings.TrimSuffix(filepath.Base(name), ".md"), e.r.IntN(3))), "aliases"
	}
	e.write(name, text)
	return "edit the " + what + " of", []string{name}
}

// slugOrURL is the line of a slug or a url in front matter.
var slugOrURL = regexp.MustCompile(`(?m)^(slug|url): .*\n`)

// editURL types a slug or a url into a page that no front matter refers
// to, added last where no other value moves, or takes them away: the
// page moves (keptmodel's move), and the links to it from other pages
// break (broken_links: warn) and mend.
func (e *editor) editURL() (string, []string) {
	var list []string
	for _, name := range e.deletable() {
		if name != bundlePage && e.broken[name] == "" {
			list = append(list, name)
		}
	}
	if len(list) == 0 {
		return "nothing to move", nil
	}
	name := e.pick(list)
	text := e.read(name)
	head, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !strings.HasPrefix(text, "---\n") || !ok {
		return "nothing to move", nil
	}
	base := strings.ReplaceAll(strings.TrimSuffix(path.Base(name), ".md"), ".", "-")
	key, value := "slug", fmt.Sprintf("%s-%d", base, e.r.IntN(3))
	if e.r.IntN(3) == 0 {
		key, value = "url", fmt.Sprintf("/moved/%s-%d/", base, e.r.IntN(3))
	}
	edited := ""
	switch {
	case e.r.IntN(4) == 0:
		edited, key = slugOrURL.ReplaceAllString(text, ""), "slug and url"
	case strings.Contains("\n"+head+"\n", "\n"+key+": "):
		edited = setKey(text, key, value)
	default:
		edited = "---\n" + head + "\n" + key + ": " + value + "\n---\n" + body
	}
	// A published page (not a draft, not the page of the future)
	// moves in place.
	if edited != text && !strings.Contains(head, "draft: true") && name != "content/guides/future.md" {
		e.expect = "patch"
	}
	e.write(name, edited)
	return "edit the " + key + " of", []string{name}
}

func (e *editor) some(from []string) []string {
	var out []string
	for _, s := range from {
		if e.r.IntN(3) == 0 {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = append(out, from[e.r.IntN(len(from))])
	}
	return out
}

func (e *editor) addPage() (string, []string) {
	section := testsite.Sections[e.r.IntN(len(testsite.Sections))]
	name := fmt.Sprintf("content/%s/added-%d.md", section, e.next)
	e.next++
	text := fmt.Sprintf("---\ntitle: Added %d\ndate: 2025-%02d-10\ntags: [%s]\nskills: [Go]\n---\nAn added page, linking [home](/).\n",
		e.next, 1+e.r.IntN(12), e.pick([]string{"salary", "added", "cloud"}))
	if section == "certifications" {
		text = fmt.Sprintf("---\ntitle: Added %d\ndate: 2025-02-10\nskills: [Go]\ncredential: {name: Added, provider: {name: P}}\n---\nA certification.\n", e.next)
	}
	e.write(name, text)
	return "add", []string{name}
}

// deletable lists the pages no front matter refers to.
func (e *editor) deletable() []string {
	var out []string
	all := e.pages(false)
	for _, name := range all {
		url := "/" + strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md") + "/"
		used := false
		for _, other := range all {
			if other != name {
				text := e.read(other)
				fm, _, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
				used = used || strings.Contains(fm, url)
			}
		}
		if !used {
			out = append(out, name)
		}
	}
	return out
}

func (e *editor) deletePage() (string, []string) {
	list := e.deletable()
	if len(list) == 0 {
		return "nothing to delete", nil
	}
	name := e.pick(list)
	e.remove(name)
	delete(e.broken, name)
	return "delete", []string{name}
}

func (e *editor) renamePage() (string, []string) {
	list := e.deletable()
	if len(list) == 0 {
		return "nothing to rename", nil
	}
	name := e.pick(list)
	text := e.read(name)
	to := fmt.Sprintf("content/%s/renamed-%d.md", strings.Split(name, "/")[1], e.next)
	e.next++
	e.remove(name)
	e.write(to, text)
	if good, ok := e.broken[name]; ok {
		delete(e.broken, name)
		e.broken[to] = good
	}
	return "rename", []string{name, to}
}

// editTranslation adds a German translation of a page, or edits,
// removes or renames (keeping it paired by translation_key) one: the
// translations' switchers and alternates change with it.
func (e *editor) editTranslation() (string, []string) {
	var english []string
	for _, name := range e.pages(false) {
		if !strings.HasSuffix(name, ".de.md") && e.broken[name] == "" {
			english = append(english, name)
		}
	}
	if len(english) == 0 {
		return "no page to translate", nil
	}
	page := e.pick(english)
	de := strings.TrimSuffix(page, ".md") + ".de.md"
	renamed := strings.TrimSuffix(page, ".md") + "-neu.de.md"
	text := fmt.Sprintf("---\ntitle: Übersetzt %d\ndate: 2025-05-10\nskills: [Go]\n---\nEine Übersetzung.\n", e.next)
	e.next++
	switch {
	case e.exists(renamed):
		e.remove(renamed)
		return "remove the renamed translation", []string{renamed}
	case !e.exists(de):
		e.write(de, text)
		return "translate", []string{de}
	}
	switch e.r.IntN(3) {
	case 0:
		e.write(de, text)
		return "edit the translation", []string{de}
	case 1:
		e.remove(de)
		return "remove the translation", []string{de}
	}
	e.remove(de)
	e.write(renamed, strings.Replace(text, "---\n", "---\ntranslation_key: "+page+"\n", 1))
	return "rename the translation", []string{de, renamed}
}

// editStrings writes, changes or removes the site's German strings,
// which T in the theme's templates reads, and the model, the social cards
// and the search index in Go.
func (e *editor) editStrings() (string, []string) {
	const name = "i18n/de.yaml"
	if e.exists(name) && e.r.IntN(3) == 0 {
		e.remove(name)
		return "remove the strings", []string{name}
	}
	// read_next and by are read by templates through T; taxonomy_tags,
	// page_not_found and type_job by Go: the model's titles, the social
	// cards and the search index's labels.
	n, m := e.r.IntN(100), e.r.IntN(100)
	e.write(name, fmt.Sprintf("strings:\n  read_next: \"Weiterlesen %d\"\n  by: \"Von %d\"\n  taxonomy_tags: \"Schlagwörter %d\"\n  page_not_found: \"Nicht gefunden %d\"\n  type_job: \"Stelle %d\"\n", n, m, n, m, n))
	return "write the strings", []string{name}
}

// templates are the site's own layouts the test writes over the theme's.
var templates = map[string][]string{
	"layouts/partials/page-card.html": {
		`<li class="card"><a href="{{ .URL }}">{{ .Title }}</a> {{ .Summary }} {{ .ReadingTime }}</li>`,
		`<li class="card">{{ .Summary }}</li>`,
		`<li class="card"><a href="{{ .URL }}">{{ .Title }}</a>{{ with .Description }} {{ . }}{{ end }}</li>`,
	},
	"layouts/partials/footer.html": {
		`<footer>{{ .Site.Title }}{{ range .Site.Sections }} <a href="{{ .URL }}">{{ .Title }}</a>{{ end }}</footer>`,
		`<footer>{{ range .Site.Pages }}{{ .Title }} {{ .WordCount }};{{ end }}</footer>`,
		`<footer>{{ range .Site.Sections }}{{ range first 2 .Pages }}{{ .Summary }}{{ end }}{{ end }}</footer>`,
		`<footer>{{ with .Site.Taxonomy "tags" }}{{ range .ByCount }}{{ .Name }} {{ .Count }};{{ end }}{{ end }}</footer>`,
		`<footer>{{ $s := .Site }}{{ range $s.Sections }}{{ range .Pages }}{{ .Summary }}{{ end }}{{ end }}</footer>`,
	},
	"layouts/_default/single.html": {
		`{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ with .Prev }}<a href="{{ .URL }}">{{ .Title }}</a>{{ end }}{{ range .Related }}{{ .Title }}{{ .Summary }}{{ end }}{{ end }}`,
		`{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ range .Parent.Pages }}{{ .Title }}{{ end }}{{ range .Terms "tags" }}{{ .Name }}:{{ .Count }}{{ range .Pages }}{{ .Description }}{{ end }}{{ end }}{{ end }}`,
		`{{ define "main" }}{{ partial "extra.html" (dict "p" . "site" .Site) }}{{ .Content }}{{ end }}`,
	},
	"layouts/partials/extra.html": {
		`{{ .p.Title }}{{ range .site.Sections }}{{ .Title }}{{ end }}{{ with .p.Next }}{{ .TableOfContents }}{{ end }}`,
		`{{ .p.Title }}{{ printf "%T" .p.Next }}{{ with .p.Next }}{{ .Summary }}{{ end }}`, // printf of a page: global
	},
}

func (e *editor) editTemplate() (string, []string) {
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range templates {
			if !yield(k) {
				return
			}
		}
	})
	name := e.pick(names)
	e.expect = "keys"
	const extra, single = "layouts/partials/extra.html", "layouts/_default/single.html"
	usesExtra := func() bool { return e.exists(single) && strings.Contains(e.read(single), `"extra.html"`) }
	if e.exists(name) && e.r.IntN(3) == 0 && (name != extra || !usesExtra()) {
		e.remove(name)
		return "remove the site's", []string{name}
	}
	e.write(name, e.pick(templates[name])+"\n")
	if name == single && usesExtra() && !e.exists(extra) {
		// A partial that is called must exist; without it every page
		// fails until a later edit writes it.
		e.write(extra, e.pick(templates[extra])+"\n")
		return "write the site's", []string{name, extra}
	}
	return "write the site's", []string{name}
}

// The site's shortcode and the data file it reads, which page bodies
// use (editBody).
const (
	teamShortcode = "layouts/shortcodes/team.html"
	teamData      = "data/team.yaml"
)

var teamTemplates = []string{
	"{{ .Site.Data.team.lead }}\n",
	"{{ .Site.Data.team.lead }} and {{ .Site.Data.team.size }} others\n",
	"<strong>{{ .Site.Data.team.lead }}</strong> on {{ .Page.Title }}\n",
	// T and formatNumber in the page's language: an edit of i18n/de.yaml
	// converts the German pages that use it again, and no others.
	"{{ T \"by\" }} {{ .Site.Data.team.lead }}, {{ formatNumber 79850 }}\n",
}

// editShortcode rewrites the site's shortcode: the pages that use it
// convert again, and only their outputs change.
func (e *editor) editShortcode() (string, []string) {
	e.write(teamShortcode, e.pick(teamTemplates))
	return "write the shortcode", []string{teamShortcode}
}

// editData rewrites the data file the shortcode and no layout reads, now
// and then with a syntax error.
func (e *editor) editData() (string, []string) {
	good := fmt.Sprintf("lead: %s\nsize: %d\n", e.pick([]string{"Ada", "Grace", "Linus"}), e.r.IntN(9))
	if e.r.IntN(4) == 0 {
		e.broken[teamData] = good
		e.write(teamData, "lead: [Ada\n")
		return "break", []string{teamData}
	}
	e.write(teamData, good)
	return "edit", []string{teamData}
}

func (e *editor) editCSS() (string, []string) {
	e.write("assets/css/site.css", fmt.Sprintf("body { color: #%03x }\n", e.r.IntN(4096)))
	e.expect = "keys"
	return "edit", []string{"assets/css/site.css"}
}

func (e *editor) editConfig() (string, []string) {
	text := incrementalConfig
	switch e.r.IntN(4) {
	case 0:
		text = strings.Replace(text, "title: Incremental", fmt.Sprintf("title: Incremental %d", e.r.IntN(100)), 1)
	case 1:
		text = strings.Replace(text, "page_size: 4", fmt.Sprintf("page_size: %d", 2+e.r.IntN(5)), 1)
	case 2:
		text = strings.Replace(text, "taxonomies: [tags, skills]", "taxonomies: [skills]", 1)
	}
	e.write("site.yaml", text)
	return "edit", []string{"site.yaml"}
}

func (e *editor) breakPage() (string, []string) {
	name := e.pick(e.pages(false))
	if _, ok := e.broken[name]; ok {
		return "nothing to break", nil
	}
	good := e.read(name)
	e.broken[name] = good
	switch e.r.IntN(3) {
	case 0:
		e.write(name, strings.Replace(good, "title:", "title: [", 1))
	case 1:
		e.write(name, strings.Replace(good, "---\n", "---\nsallary: 3\n", 1))
	default:
		e.write(name, good+"\n## Same {#dup}\n\n## Again {#dup}\n")
	}
	return "break", []string{name}
}

func (e *editor) passTime() (string, []string) {
	e.now = e.now.Add(time.Duration(1+e.r.IntN(6*24)) * time.Hour)
	return "let time pass to " + e.now.Format(time.DateTime) + " for", nil
}

func (e *editor) editIndex() (string, []string) {
	section := testsite.Sections[e.r.IntN(len(testsite.Sections))]
	name := "content/" + section + "/_index.md"
	e.write(name, fmt.Sprintf("---\ntitle: %s %d\n---\nAbout the %s, take %d.\n", section, e.r.IntN(10), section, e.r.IntN(10)))
	return "edit", []string{name}
}

// touch reports a file as changed without changing it, as editors that
// save unchanged files do.
func (e *editor) touch() (string, []string) {
	name := e.pick(e.pages(true))
	e.expect = "patch"
	return "touch", []string{name}
}

// TestPatchWithPageLookup: an edit of the body of a page whose shortcode
// looks a page up (.Site.GetPage, through ref) patches the model, and the
// lookup finds the page, as in the build that made the model.
func TestPatchWithPageLookup(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\nbase_url: https://example.org/\n")
	write("content/jobs/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nBody A.\n")
	write("content/guides/g.md", "---\ntitle: G\ndate: 2026-01-01\n---\n[A]({{< ref \"jobs/a.md\" >}})\n")
	b, err := New(Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public"), Now: testNow, Theme: careersite.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	write("content/guides/g.md", "---\ntitle: G\ndate: 2026-01-01\n---\n[A]({{< ref \"jobs/a.md\" >}}), edited.\n")
	if _, err := b.Build(context.Background(), []string{"content/guides/g.md"}); err != nil {
		t.Fatalf("the edit of a body that looks a page up: %v", err)
	}
	if b.stats.how != "patch" {
		t.Errorf("the edit was built by %q, want patch", b.stats.how)
	}
}

// TestShortcodeStringsEdit: an edit of i18n/de.yaml converts again the
// German pages whose shortcodes call T, which then say the new words; the
// English page's shortcode keeps the default language's.
func TestShortcodeStringsEdit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: {name: English, weight: 1}\n  de: {name: Deutsch, weight: 2}\n")
	write("layouts/shortcodes/by.html", `<span class="by">{{ T "by" }}</span>`)
	write("content/guides/g.md", "---\ntitle: G\ndate: 2026-01-01\n---\n{{< by >}} us.\n")
	write("content/guides/g.de.md", "---\ntitle: G\ndate: 2026-01-01\n---\n{{< by >}} uns.\n")
	dest := filepath.Join(t.TempDir(), "public")
	b, err := New(Options{Source: dir, Dest: dest, Now: testNow, Theme: careersite.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	says := func(when, page, want string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `<span class="by">`+want+`</span>`) {
			t.Errorf("%s: %s does not say %q", when, page, want)
		}
	}
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	says("first build", "guides/g/index.html", "By")
	says("first build", "de/guides/g/index.html", "Von")
	write("i18n/de.yaml", "strings:\n  by: \"Geschrieben von\"\n")
	if _, err := b.Build(context.Background(), []string{"i18n/de.yaml"}); err != nil {
		t.Fatal(err)
	}
	says("after the edit", "guides/g/index.html", "By")
	says("after the edit", "de/guides/g/index.html", "Geschrieben von")
}
