package bench

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/bench/internal/sitegen"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/site"
)

// pages is the size of the generated site every benchmark uses; the
// default keeps a run short, -pages 10000 gives the figures of RESULTS.md.
var pages = flag.Int("pages", 1000, "regular pages of the generated site")

// siteProfile and siteTheme choose the generated site of the benchmarks
// that take the plain one: the career profile with the embedded theme by
// default, -siteprofile docs -sitetheme minimal for issue 23's
// documentation site (sitegen.Options).
var (
	siteProfile = flag.String("siteprofile", sitegen.Career, "the generated site's profile: career or docs")
	siteTheme   = flag.String("sitetheme", sitegen.DefaultTheme, "the generated site's templates: default or minimal")
)

// now is the build's clock, fixed so that every run publishes the same pages.
var now = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

var (
	sitesMu sync.Mutex
	sites   = map[sitegen.Options]string{} // generated folders by their options
)

// generated returns the folder of the site of *pages pages of the profile
// and theme the flags name.
func generated(b *testing.B) string {
	b.Helper()
	return generatedSite(b, sitegen.Options{Pages: *pages, Profile: *siteProfile, Theme: *siteTheme})
}

// generatedSite returns the folder of a site of the given options,
// generated once per test binary run. It lives in the system's temporary
// folder because the benchmarks share it; TestMain removes it.
func generatedSite(tb testing.TB, opts sitegen.Options) string {
	tb.Helper()
	sitesMu.Lock()
	defer sitesMu.Unlock()
	if dir, ok := sites[opts]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "careersite-bench-")
	if err != nil {
		tb.Fatal(err)
	}
	sites[opts] = dir
	if _, err := sitegen.Write(dir, opts); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	for _, dir := range sites {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// load reads the generated site's configuration and pages.
func load(b *testing.B, dir string) (*config.Config, []*content.Page) {
	b.Helper()
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	ps, err := content.Load(context.Background(), fsys, cfg)
	if err != nil {
		b.Fatal(err)
	}
	return cfg, ps
}

// perPage reports the time per regular page besides the time per build.
func perPage(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(*pages), "ns/page")
}

// BenchmarkLoad is stage 2: walk content/, split and decode the front
// matter of every page, in parallel.
func BenchmarkLoad(b *testing.B) {
	dir := generated(b)
	fsys := os.DirFS(dir)
	cfg, _ := load(b, dir)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := content.Load(context.Background(), fsys, cfg); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b)
}

// BenchmarkMarkdown is stage 4 on one core: every page's body converted by
// a new Converter, as one build does (so highlighted code is cached only
// within the run).
func BenchmarkMarkdown(b *testing.B) {
	cfg, ps := load(b, generated(b))
	b.ReportAllocs()
	for b.Loop() {
		conv := markdown.New(markdown.Options{Typographer: cfg.Markdown.Typographer, BasePath: cfg.BasePath()})
		for _, p := range ps {
			if _, err := conv.Convert(p.Body, p.BodyLine); err != nil {
				b.Fatal(err)
			}
		}
	}
	perPage(b)
}

// BenchmarkBuild is a whole cold build into a folder on disk: every stage,
// no persistent cache.
func BenchmarkBuild(b *testing.B) {
	dir := generated(b)
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := site.Build(context.Background(), options(dir, dest)); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b)
}

// BenchmarkBuildShortcodes is BenchmarkBuild of a site whose every page
// ends with three shortcodes (a figure, a salary table read from a data
// file, a paired details), and of its twin with the shortcodes' HTML
// written inline (sitegen.Options.Inline): the two publish the same pages
// (TestInlineTwin), so the ratio of the two is the cost of shortcodes.
// bench/shortcodes.sh measures the same ratio with whole builds of the
// binary, alternately.
func BenchmarkBuildShortcodes(b *testing.B) {
	for _, mode := range []struct {
		name   string
		inline bool
	}{{"shortcodes", false}, {"inline", true}} {
		b.Run(mode.name, func(b *testing.B) {
			dir := generatedSite(b, sitegen.Options{Pages: *pages, Shortcodes: true, Inline: mode.inline})
			dest := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := site.Build(context.Background(), options(dir, dest)); err != nil {
					b.Fatal(err)
				}
			}
			perPage(b)
		})
	}
}

// BenchmarkBuildFill is a cold build that fills an empty persistent cache,
// as the first build of a CI cache or of a fresh checkout does.
func BenchmarkBuildFill(b *testing.B) {
	dir := generated(b)
	tmp := b.TempDir()
	opts := options(dir, filepath.Join(tmp, "public"))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		opts.CacheDir = filepath.Join(tmp, fmt.Sprint("cache", i))
		if _, err := site.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b)
}

// BenchmarkBuildWarm is a build with nothing changed since the last one:
// the persistent cache and the previous output are present.
func BenchmarkBuildWarm(b *testing.B) {
	dir := generated(b)
	tmp := b.TempDir()
	opts := options(dir, filepath.Join(tmp, "public"))
	opts.CacheDir = filepath.Join(tmp, "cache")
	if _, err := site.Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := site.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b)
}

// BenchmarkBuildMemory is a whole build into memory: BenchmarkBuild less
// the writing, which is what render costs on top of load and Markdown.
func BenchmarkBuildMemory(b *testing.B) {
	dir := generated(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := site.BuildTo(context.Background(), options(dir, ""), discard{}); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b)
}

// BenchmarkWrite is the last stage alone: the files of a built site written
// to a new output folder on all cores and swapped in.
func BenchmarkWrite(b *testing.B) {
	dir := generated(b)
	mem := output.NewMemory()
	if _, err := site.BuildTo(context.Background(), options(dir, ""), mem); err != nil {
		b.Fatal(err)
	}
	tree := mem.Tree()
	names := tree.Names()
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		out, err := output.NewDir(dest)
		if err != nil {
			b.Fatal(err)
		}
		if err := writeAll(out, tree, names); err != nil {
			b.Fatal(err)
		}
		if err := out.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b)
}

// writeAll writes names from tree on two goroutines per core.
func writeAll(out *output.Dir, tree *output.Tree, names []string) error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	work := make(chan string)
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range work {
				data, _ := tree.Lookup(name)
				if err := out.WriteFile(name, data); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, n := range names {
		work <- n
	}
	close(work)
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

func options(dir, dest string) site.Options {
	return site.Options{Source: dir, Dest: dest, Now: now, Theme: careersite.Theme()}
}

// discard is a site.Target that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error           { return nil }
func (discard) Reuse(string, output.Stamp) (bool, error) { return false, nil }
func (discard) Update() bool                             { return false }
func (discard) Remove(string) error                      { return nil }
func (discard) Commit() error                            { return nil }
func (discard) Abort() error                             { return nil }
func (discard) Stamps() map[string]output.Stamp          { return nil }

// TestGeneratedSiteBuilds builds a small generated site of each profile,
// with the embedded theme and with the minimal one: its front matter must
// pass every check of the validator, its links must all resolve, its
// templates must use careersite's template API, and it must give no
// warning.
func TestGeneratedSiteBuilds(t *testing.T) {
	for _, opts := range []sitegen.Options{
		{Pages: 200},
		{Pages: 200, Theme: sitegen.MinimalTheme},
		{Pages: 200, Profile: sitegen.Docs},
		{Pages: 200, Profile: sitegen.Docs, Theme: sitegen.MinimalTheme},
	} {
		t.Run(opts.Profile+"/"+opts.Theme, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := sitegen.Write(dir, opts); err != nil {
				t.Fatal(err)
			}
			res, err := site.Build(context.Background(), options(dir, filepath.Join(dir, "public")))
			if err != nil {
				t.Fatalf("generated site does not build:\n%v", err)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("generated site has warnings:\n%s", diag.Join(res.Warnings))
			}
			if res.Pages < 200 {
				t.Errorf("built %d pages, want at least 200", res.Pages)
			}
			if opts.Theme != sitegen.MinimalTheme {
				return
			}
			// A page of the minimal theme: its template's markup, not the embedded theme's.
			page, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(page, []byte("pages</li>")) || bytes.Contains(page, []byte("skip-link")) {
				t.Errorf("the home page is not the minimal theme's:\n%s", page)
			}
		})
	}
}

// TestInlineTwin builds a generated site with shortcodes and its inline
// twin, and checks that they publish the same files with the same bytes,
// but for empty lines: salary-table.html's output starts with a line break
// that raw HTML in Markdown cannot write (a blank line ends an HTML block).
// The shortcode site must really have shortcodes, and the twin none.
func TestInlineTwin(t *testing.T) {
	trees := map[bool]*output.Tree{}
	for _, inline := range []bool{false, true} {
		opts := sitegen.Options{Pages: 40, Shortcodes: true, Inline: inline}
		dir := generatedSite(t, opts)
		for name, src := range sitegen.Generate(opts) {
			if has := bytes.Contains(src, []byte("{{<")); has == inline && !strings.HasSuffix(name, "_index.md") {
				t.Fatalf("inline %v: %s has shortcodes: %v", inline, name, has)
			}
		}
		mem := output.NewMemory()
		res, err := site.BuildTo(context.Background(), options(dir, ""), mem)
		if err != nil {
			t.Fatalf("inline %v: the site does not build:\n%v", inline, err)
		}
		if len(res.Warnings) > 0 {
			t.Errorf("inline %v: warnings:\n%s", inline, diag.Join(res.Warnings))
		}
		trees[inline] = mem.Tree()
	}
	a, b := trees[false], trees[true]
	if !slices.Equal(a.Names(), b.Names()) {
		t.Fatalf("files of the shortcode site only: %v; of the inline twin only: %v",
			without(a.Names(), b.Names()), without(b.Names(), a.Names()))
	}
	for _, name := range a.Names() {
		x, _ := a.Lookup(name)
		y, _ := b.Lookup(name)
		if !bytes.Equal(nonEmptyLines(x), nonEmptyLines(y)) {
			t.Errorf("%s differs between the twins", name)
		}
	}
}

// without returns the names in a that are not in b.
func without(a, b []string) []string {
	var out []string
	for _, n := range a {
		if !slices.Contains(b, n) {
			out = append(out, n)
		}
	}
	return out
}

// nonEmptyLines returns data without its empty lines.
func nonEmptyLines(data []byte) []byte {
	var out []byte
	for line := range bytes.Lines(data) {
		if len(bytes.TrimRight(line, "\r\n")) > 0 {
			out = append(out, line...)
		}
	}
	return out
}
