package quality

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axePage is one page that axe-core checks.
type axePage struct {
	name   string
	path   func(dir string) string // the URL path, or "" when the build has no such page yet
	status int                     // the HTTP status the page is served with
	note   string                  // why path may be "" (the t.Skip message)
}

// fixed is a page that the example site always has.
func fixed(p string) func(string) string { return func(string) string { return p } }

// axePages are the pages the issue names (home, a job, a role guide, a
// certification review, a section list, a term page, 404) and a few that add
// templates or colours: a guide with highlighted code and a page bundle's
// files, one with shortcodes (salary table, card, callout, figure, details),
// the guide in pictures (<picture> at every width), a review with its
// providers' logos and the taxonomy index.
var axePages = []axePage{
	{name: "home", path: fixed("/"), status: http.StatusOK},
	{name: "job", path: fixed("/jobs/back-end-developer/"), status: http.StatusOK},
	{name: "role-guide", path: fixed("/roles/back-end-engineer-career-path/"), status: http.StatusOK},
	{name: "certification-review", path: fixed("/certifications/meta-back-end-developer/"), status: http.StatusOK},
	{name: "guide-with-code", path: fixed("/guides/caching-and-performance/"), status: http.StatusOK},
	{name: "guide-with-shortcodes", path: fixed("/guides/reading-salary-figures/"), status: http.StatusOK},
	{name: "guide-with-pictures", path: fixed(imageHeavyPage), status: http.StatusOK},
	{name: "certification-with-logos", path: fixed("/certifications/fernbrook-cloud-operations/"), status: http.StatusOK},
	{name: "section-list", path: fixed("/jobs/"), status: http.StatusOK},
	{
		name: "taxonomy", status: http.StatusOK,
		path: func(dir string) string { return ifExists(dir, "/skills/") },
		note: "the build writes no /skills/ page yet (taxonomies are still to come)",
	},
	{name: "term", path: termPage, status: http.StatusOK,
		note: "the build writes no /skills/<term>/ page yet (taxonomies are still to come)"},
	{name: "404", path: fixed("/no-such-page/"), status: http.StatusNotFound},
}

// ifExists returns urlPath when the output has its index.html, else "".
func ifExists(dir, urlPath string) string {
	if exists(dir, strings.TrimPrefix(urlPath, "/")+"index.html") {
		return urlPath
	}
	return ""
}

// termPage is /skills/postgresql/ (a skill that several example pages
// share), or else the first term page in /skills/, or "".
func termPage(dir string) string {
	if p := ifExists(dir, "/skills/postgresql/"); p != "" {
		return p
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "skills"))
	for _, e := range entries {
		if e.IsDir() && e.Name() != "page" {
			if p := ifExists(dir, "/skills/"+e.Name()+"/"); p != "" {
				return p
			}
		}
	}
	return ""
}

// otherPages are the pages of the output that axePages leaves out, so that
// content (a table, a task list) gets checked as well as templates. Term and
// list pages after the first are left out (their template is checked once
// above; a large site would have hundreds), and so are alias redirects.
func otherPages(t *testing.T, dir string) []axePage {
	t.Helper()
	cfg, err := config.Load(os.DirFS(repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, p := range axePages {
		named[p.path(dir)] = true
	}
	var pages []axePage
	err = filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(file))
		urlPath := "/"
		if rel != "." {
			urlPath = "/" + filepath.ToSlash(rel) + "/"
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(urlPath, "/"), "/")
		if named[urlPath] || slices.Contains(cfg.Taxonomies, first) || strings.Contains(urlPath, "/page/") {
			return nil
		}
		if data, err := os.ReadFile(file); err != nil || strings.Contains(string(data), `http-equiv="refresh"`) {
			return err
		}
		pages = append(pages, axePage{name: strings.Trim(urlPath, "/"), path: fixed(urlPath), status: http.StatusOK})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// axeViolation is the part of an axe-core violation that a failure shows.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// runAxe runs every axe-core rule that is on by default (WCAG 2.x A and AA
// and the best practices) and returns the violations, trimmed to what a
// failure message needs.
const runAxe = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact, help: v.help,
	nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), summary: n.failureSummary})),
})))`

// stylesheetsLoaded is true when every stylesheet link loaded; a wrong URL
// or integrity value leaves one without a sheet, and axe would then judge
// an unstyled page.
const stylesheetsLoaded = `[...document.querySelectorAll('link[rel~="stylesheet"]')].every(l => l.sheet !== null)`

// pageWidths is the width of the page's content and of the viewport.
const pageWidths = `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`

// TestAxe runs axe-core in headless Chromium over the pages in axePages and
// otherPages, served on 127.0.0.1, in the light and the dark colour scheme;
// the pages in axePages also on a phone's screen, where the page must not
// scroll sideways.
func TestAxe(t *testing.T) {
	t.Parallel()
	browser := program(t, "install Chromium (Debian: apt-get install chromium)",
		"chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
	axeJS, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}

	// The server starts first so that the site can be built for its URL:
	// canonical links and feeds then point at the pages under test. The
	// site lives under a path, as a GitHub project site does, so that a
	// stylesheet or page URL that forgets the base path fails to load.
	dir := filepath.Join(t.TempDir(), "public")
	const basePath = "/careers"
	mux := http.NewServeMux()
	mux.Handle(basePath+"/", http.StripPrefix(basePath, staticHost(dir)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	siteURL := srv.URL + basePath
	buildSite(t, dir, siteURL+"/")

	pages := append(slices.Clone(axePages), otherPages(t, dir)...)
	ctx := startBrowser(t, browser)
	for _, scheme := range []string{"light", "dark"} {
		for i, p := range pages {
			// The pages axePages names are checked on a phone's screen too,
			// where the header and tables lay out differently.
			views := []viewport{desktop}
			if i < len(axePages) {
				views = append(views, phone)
			}
			for _, view := range views {
				name := path.Join(scheme, p.name)
				if view != desktop {
					name = path.Join(scheme, view.name, p.name)
				}
				t.Run(name, func(t *testing.T) {
					urlPath := p.path(dir)
					if urlPath == "" {
						t.Skip(p.note)
					}
					violations := axeCheck(t, ctx, siteURL+urlPath, scheme, view, p.status, string(axeJS))
					for _, v := range violations {
						t.Errorf("%s in the %s scheme on %s: %s", urlPath, scheme, view.name, v)
					}
				})
			}
		}
	}
}

// viewport is a screen size that pages are checked at.
type viewport struct {
	name          string
	width, height int64
}

var (
	desktop = viewport{name: "desktop", width: 1280, height: 900}
	phone   = viewport{name: "phone", width: 390, height: 844}
)

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s\n\t\t%s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
	}
	return b.String()
}

// startBrowser starts headless Chromium for the test and returns a chromedp
// context with one tab. The browser stops when the test ends.
func startBrowser(t testing.TB, path string) context.Context {
	t.Helper()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path),
		// Root (as in CI containers) cannot use Chromium's sandbox; the
		// pages are our own, served from 127.0.0.1.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// Nothing here may reach the network: no component updates, no QUIC.
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(int(desktop.width), int(desktop.height)),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first Run starts the browser and binds it to ctx, which has no
	// deadline; each page gets its own deadline below.
	if err := chromedp.Do(ctx); err != nil {
		toolMissing(t, "cannot start %s: %v", path, err)
	}
	return ctx
}

// axeCheck loads pageURL in the colour scheme, checks its status and its
// stylesheets, and returns what axe-core finds.
func axeCheck(t *testing.T, browserCtx context.Context, pageURL, scheme string, view viewport, status int, axeJS string) []axeViolation {
	t.Helper()
	ctx, cancel := context.WithTimeout(browserCtx, time.Minute)
	defer cancel()

	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatalf("emulating prefers-color-scheme: %s: %v", scheme, err)
	}
	_, err = chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: view.width, Height: view.height, DeviceScaleFactor: 1, Mobile: view == phone,
	})
	if err != nil {
		t.Fatalf("emulating a %dx%d screen: %v", view.width, view.height, err)
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(pageURL))
	if err != nil {
		t.Fatalf("loading %s: %v", pageURL, err)
	}
	if int(resp.Status) != status {
		t.Fatalf("%s: HTTP status %d, want %d", pageURL, resp.Status, status)
	}
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](stylesheetsLoaded))
	if err != nil || !ok {
		t.Fatalf("%s: a stylesheet did not load (wrong URL or integrity?) (err: %v)", pageURL, err)
	}
	ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf("matchMedia('(prefers-color-scheme: %s)').matches", scheme)))
	if err != nil || !ok {
		t.Fatalf("%s: the page does not see prefers-color-scheme: %s (err: %v)", pageURL, scheme, err)
	}
	if view == phone {
		// WCAG 1.4.10 (reflow), which axe-core does not test: on a phone the
		// page must not scroll sideways; wide content wraps or scrolls inside.
		w, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](pageWidths))
		if err != nil {
			t.Fatalf("%s: measuring the page: %v", pageURL, err)
		}
		if w[0] > w[1] {
			t.Errorf("%s on a %dpx screen is %dpx wide: it scrolls sideways", pageURL, w[1], w[0])
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeJS)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](runAxe, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core on %s: %v", pageURL, err)
	}
	return violations
}
