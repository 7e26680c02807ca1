package quality

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/careersite/careersite/internal/search"
)

// searchFirst is the page the example site ranks first for "postgres": every
// page that names PostgreSQL has it as a skill, and this one has the fewest
// other skills and the shortest body of them.
const searchFirst = "The Data Structures a Back-End Developer Uses Every Day"

// servedSite builds the example site for a base URL with a path, as a
// GitHub project site has, serves it on 127.0.0.1 as a static host does,
// and returns the output folder and the site's URL (without the final
// slash).
func servedSite(t *testing.T) (dir, siteURL string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "public")
	const basePath = "/careers"
	mux := http.NewServeMux()
	mux.Handle(basePath+"/", http.StripPrefix(basePath, staticHost(dir)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	siteURL = srv.URL + basePath
	buildSite(t, dir, siteURL+"/")
	return dir, siteURL
}

// TestSearch uses the site's search in headless Chromium, as a reader does:
// it types "postgres" into the header's box and sees searchFirst first,
// arrows through the suggestions and opens one with Enter; it opens
// /search/?q=… from a link, with and without filters, and without
// JavaScript. It also checks that the client analyses text and ranks pages
// exactly as internal/search, the Go reference, does.
func TestSearch(t *testing.T) {
	t.Parallel()
	browser := program(t, "install Chromium (Debian: apt-get install chromium)",
		"chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
	dir, siteURL := servedSite(t)
	ix, err := search.Open(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, "search", filepath.FromSlash(name)))
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := startBrowser(t, browser)

	t.Run("header", func(t *testing.T) {
		tab := newTab(t, ctx)
		tab.do(chromedp.Navigate(siteURL + "/jobs/"))
		if loaded := tab.eval(`[...document.scripts].some(s => s.src.includes("/js/search."))`); loaded != "false" {
			t.Errorf("search.js is loaded before the box has focus")
		}
		tab.do(chromedp.Click("#site-search"))
		tab.do(chromedp.SendKeys("#site-search", "postgres"))
		// Wait for the answer to the whole word: the list is redrawn as
		// each letter arrives, and the last option names the query it
		// answers.
		tab.until(`document.querySelector("#site-search-list .search-option--all")?.textContent.endsWith("for “postgres”") && !document.getElementById("site-search-list").hidden`)
		titles := tab.strings(`[...document.querySelectorAll("#site-search-list .search-option__title")].map(e => e.textContent)`)
		if len(titles) == 0 || titles[0] != searchFirst {
			t.Fatalf("suggestions for postgres = %q, want %q first", titles, searchFirst)
		}
		box := func(attr string) string {
			return tab.eval(`document.getElementById("site-search").getAttribute("` + attr + `")`)
		}
		if got := box("aria-expanded"); got != "true" {
			t.Errorf("aria-expanded = %q with the list open", got)
		}
		if got := tab.eval(`document.querySelector("#site-search ~ [role=status]").textContent`); !strings.HasPrefix(got, "6 results") {
			t.Errorf("the live region says %q, want 6 results", got)
		}

		tab.do(chromedp.KeyEvent(kb.ArrowDown))
		tab.do(chromedp.KeyEvent(kb.ArrowDown))
		if got := box("aria-activedescendant"); got != "site-search-list-1" {
			t.Errorf("after Down, Down: aria-activedescendant = %q, want site-search-list-1", got)
		}
		tab.do(chromedp.KeyEvent(kb.ArrowUp))
		if got := box("aria-activedescendant"); got != "site-search-list-0" {
			t.Errorf("after Up: aria-activedescendant = %q, want site-search-list-0", got)
		}
		if got := tab.eval(`document.querySelector("[aria-selected=true]")?.id`); got != "site-search-list-0" {
			t.Errorf("the selected option is %q, want site-search-list-0", got)
		}
		tab.do(chromedp.KeyEvent(kb.Escape))
		if got := box("aria-expanded"); got != "false" {
			t.Errorf("after Escape: aria-expanded = %q, want false", got)
		}
		tab.do(chromedp.KeyEvent(kb.ArrowDown))
		if got := box("aria-activedescendant"); got != "site-search-list-0" {
			t.Errorf("after Escape, Down: aria-activedescendant = %q, want site-search-list-0 (expanded %s, value %q)", got, box("aria-expanded"), tab.eval(`document.getElementById("site-search").value`))
		}
		tab.do(chromedp.KeyEvent(kb.Enter))
		tab.until(`location.pathname.endsWith("/careers/guides/data-structures-for-back-end-developers/")`)
		if got := tab.eval(`document.querySelector("h1").textContent`); got != searchFirst {
			t.Errorf("Enter opened %q, want %q", got, searchFirst)
		}
	})

	t.Run("search-page", func(t *testing.T) {
		tab := newTab(t, ctx)
		tab.do(chromedp.Navigate(siteURL + "/search/?q=postgres"))
		tab.until(`document.querySelectorAll("#search-results li").length > 0`)
		titles := tab.strings(`[...document.querySelectorAll("#search-results h2")].map(e => e.textContent)`)
		if len(titles) != 6 || titles[0] != searchFirst {
			t.Errorf("/search/?q=postgres shows %q, want 6 results, %q first", titles, searchFirst)
		}
		if got := tab.eval(`document.getElementById("search-q").value`); got != "postgres" {
			t.Errorf("the page's box holds %q, want postgres", got)
		}
		// Filters come from the link, and typing keeps the address in step.
		tab.do(chromedp.Navigate(siteURL + "/search/?q=developer&kind=certification"))
		tab.until(`document.querySelectorAll("#search-results li").length > 0 && document.getElementById("search-kind").value === "certification"`)
		kinds := tab.strings(`[...document.querySelectorAll("#search-results .search-result__kind")].map(e => e.textContent)`)
		if len(kinds) == 0 || slices.ContainsFunc(kinds, func(k string) bool { return k != "Certification review" }) {
			t.Errorf("developer among certifications: kinds %q", kinds)
		}
		tab.do(chromedp.SendKeys("#search-q", " ibm"))
		tab.until(`location.search === "?q=developer+ibm&kind=certification" && document.getElementById("search-status").textContent.endsWith("for “developer ibm”")`)
		if got := tab.eval(`document.querySelector("#search-results h2").textContent`); !strings.HasPrefix(got, "IBM ") {
			t.Errorf("developer ibm among certifications: %q first, want the IBM certificate", got)
		}
		if got := tab.strings(`[...document.querySelectorAll("#search-results li:first-child h2 mark")].map(e => e.textContent)`); !slices.Equal(got, []string{"IBM", "Developer"}) {
			t.Errorf("the words highlighted in the first title are %q, want IBM and Developer", got)
		}
	})

	// axe-core checks what TestAxe cannot see: the open list of
	// suggestions and a page of results, in both colour schemes.
	t.Run("axe", func(t *testing.T) {
		axeJS, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
		if err != nil {
			t.Fatal(err)
		}
		for _, scheme := range []string{"light", "dark"} {
			tab := newTab(t, ctx)
			if _, err := chromedp.Call(tab.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			tab.do(chromedp.Navigate(siteURL + "/search/?q=developer"))
			tab.until(`document.querySelectorAll("#search-results li").length > 0`)
			tab.do(chromedp.Click("#site-search"))
			tab.do(chromedp.SendKeys("#site-search", "sql"))
			tab.until(`!document.getElementById("site-search-list").hidden`)
			tab.do(chromedp.KeyEvent(kb.ArrowDown))
			tab.do(chromedp.Evaluate[chromedp.Void](string(axeJS)))
			violations, err := chromedp.Run(tab.ctx, chromedp.Evaluate[[]axeViolation](runAxe, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				t.Errorf("%s scheme, list open over results: %s", scheme, v)
			}
		}
	})

	// On a phone the open list stays on the screen.
	t.Run("phone", func(t *testing.T) {
		tab := newTab(t, ctx)
		if _, err := chromedp.Call(tab.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: phone.width, Height: phone.height, DeviceScaleFactor: 1, Mobile: true,
		}); err != nil {
			t.Fatal(err)
		}
		tab.do(chromedp.Navigate(siteURL + "/jobs/"))
		tab.do(chromedp.Click("#site-search"))
		tab.do(chromedp.SendKeys("#site-search", "developer"))
		tab.until(`!document.getElementById("site-search-list").hidden`)
		box := tab.eval(`JSON.stringify((({left, right}) => [left, right])(document.getElementById("site-search-list").getBoundingClientRect()))`)
		var lr [2]float64
		if err := json.Unmarshal([]byte(box), &lr); err != nil {
			t.Fatal(err)
		}
		if lr[0] < 0 || lr[1] > float64(phone.width) {
			t.Errorf("on a %dpx screen the list spans %v–%vpx", phone.width, lr[0], lr[1])
		}
	})

	// Each language's pages search its own index: a German page's box
	// finds German pages, their URLs below /de/, and an English page's
	// box does not.
	t.Run("languages", func(t *testing.T) {
		tab := newTab(t, ctx)
		results := func(page, q string) []string {
			tab.do(chromedp.Navigate(siteURL + page))
			tab.do(chromedp.Click("#site-search"))
			tab.until(`typeof careersiteSearch === "object"`)
			return tab.strings(fmt.Sprintf(`careersiteSearch.search(%s, "", "", 50).then(r => r.results.map(x => x.url))`, jsString(q)))
		}
		german := siteURL + "/de/jobs/backend-entwickler/"
		if got := results("/de/", "Entwicklerinnen"); !slices.Contains(got, german) {
			t.Errorf("the German box finds %q for Entwicklerinnen, want %s among them", got, german)
		}
		if got := results("/jobs/", "Entwicklerinnen"); len(got) != 0 {
			t.Errorf("the English box finds %q for Entwicklerinnen, want none", got)
		}
	})

	t.Run("same-as-go", func(t *testing.T) {
		tab := newTab(t, ctx)
		tab.do(chromedp.Navigate(siteURL + "/search/"))
		tab.until(`typeof careersiteSearch === "object"`)
		for _, q := range []search.Query{
			{Text: "postgres"}, {Text: "postgres developer"}, {Text: "certification"}, {Text: "cach"},
			{Text: "back-end engineer salary"}, {Text: "ux designers"}, {Text: "kubernetes"},
			{Text: "developer", Kind: "role"}, {Text: "developer", Skill: "postgresql"},
		} {
			_, results, err := ix.Search(q, 50)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, r := range results {
				want = append(want, siteURL+"/"+r.URL)
			}
			got := tab.strings(fmt.Sprintf(`careersiteSearch.search(%s, %s, %s, 50).then(r => r.results.map(x => x.url))`,
				jsString(q.Text), jsString(q.Kind), jsString(q.Skill)))
			if !slices.Equal(got, want) {
				t.Errorf("%+v: the client ranks\n\t%q\nthe Go reference\n\t%q", q, got, want)
			}
		}
		// The client turns text into the index's terms as the build does.
		texts := []string{
			"Développeur·euse à Zürich; ÆØÅ ß œuvre Łódź İstanbul ΣΟΦΟΣ naïve façade",
			"back-end front-end C++ C# .NET Node.js 2024–2025 $120,000 ⅻ ١٢٣ 日本語のテキスト",
			strings.Repeat("x", 41) + " " + strings.Repeat("é", 40),
			"agreed feed bled motoring sing conflated troubled sized hopping falling hissing fizzed filing happy sky",
			"relational organization operator nation certification administrators probate rate cease controll roll",
		}
		files, _ := filepath.Glob(filepath.Join(repoRoot, "content", "*.md"))
		more, _ := filepath.Glob(filepath.Join(repoRoot, "content", "*", "*.md"))
		files = append(files, more...)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
		for _, text := range texts {
			for _, plain := range []bool{false, true} {
				want := search.Terms(text, plain)
				got := tab.strings(fmt.Sprintf(`careersiteSearch.terms(%s, %t)`, jsString(text), plain))
				if !slices.Equal(got, want) {
					for i := range min(len(got), len(want)) {
						if got[i] != want[i] {
							t.Errorf("term %d of %.40q… (plain %t): the client has %q, Go %q", i, text, plain, got[i], want[i])
							break
						}
					}
					if len(got) != len(want) {
						t.Errorf("%.40q… (plain %t): the client has %d terms, Go %d", text, plain, len(got), len(want))
					}
				}
			}
		}
	})

	t.Run("without-javascript", func(t *testing.T) {
		tab := newTab(t, ctx)
		if _, err := chromedp.Call(tab.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		tab.do(chromedp.Navigate(siteURL + "/search/?q=postgres"))
		if got := tab.eval(`document.body.innerText`); !strings.Contains(got, "Search needs JavaScript") {
			t.Errorf("without JavaScript the search page does not say it needs it:\n%s", got)
		}
		// The header form submits to the search page.
		tab.do(chromedp.SendKeys("#site-search", "sql"+kb.Enter))
		tab.until(`location.pathname === "/careers/search/" && location.search === "?q=sql"`)
	})
}

// tab is one tab of the test's browser, failing its test on any error.
type tab struct {
	t   *testing.T
	ctx context.Context
}

// newTab opens a tab that closes when the test ends; every action on it
// has a minute.
func newTab(t *testing.T, browserCtx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTime := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(func() {
		cancelTime()
		cancel()
	})
	return &tab{t: t, ctx: ctx}
}

func (tb *tab) do(a chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, a); err != nil {
		tb.t.Fatal(err)
	}
}

// eval returns the value of a JavaScript expression as a string ("" for
// null and undefined).
func (tb *tab) eval(expr string) string {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`String(`+expr+` ?? "")`))
	if err != nil {
		tb.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// strings returns the value of a JavaScript expression that gives (a
// promise of) an array of strings.
func (tb *tab) strings(expr string) []string {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// until waits for a JavaScript condition to hold, across navigations
// (a poll does not survive one: it is started again).
func (tb *tab) until(cond string) {
	tb.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if time.Now().After(deadline) || tb.ctx.Err() != nil {
			tb.t.Fatalf("waiting for %s: %v (at %s)", cond, err, tb.eval("location.href"))
		}
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
