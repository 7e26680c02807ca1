package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestServeInBrowser is the author's session, in headless Chromium: a page
// served by `careersite serve` follows every save without the test ever
// reloading it — a Markdown edit, a broken front matter (the overlay), the
// fix (the overlay goes), and a stylesheet change (applied in place: the
// page is not reloaded).
func TestServeInBrowser(t *testing.T) {
	browser := newBrowser(t)
	s := startSession(t, "serve.txtar", "serve", "--port", "0")
	addr := s.stdout.waitCount(t, regexp.MustCompile(`serving .* at (http://127\.0\.0\.1:\d+/)`), 1)[1]
	s.stdout.waitCount(t, builtLine, 1)

	browser.do(t, chromedp.Navigate(addr+"guides/first/"))
	browser.until(t, `document.body.innerText.includes("The first version.")`)

	s.write(t, "content/guides/first.md", "---\ntitle: First guide\ndate: 2026-01-02\n---\nThe second version.\n")
	browser.until(t, `document.body.innerText.includes("The second version.")`)

	s.write(t, "content/guides/first.md", "---\ntitle: [First guide\ndate: 2026-01-02\n---\nBroken.\n")
	browser.until(t, `(() => {
		const pre = document.querySelector("#careersite-errors pre");
		return pre !== null && /^content\/guides\/first\.md:\d+:\d+: /.test(pre.textContent) && pre.children.length === 0;
	})()`)

	s.write(t, "content/guides/first.md", "---\ntitle: First guide\ndate: 2026-01-02\n---\nThe fixed version.\n")
	browser.until(t, `document.getElementById("careersite-errors") === null && document.body.innerText.includes("The fixed version.")`)

	// The reload after the fix may still be fetching the stylesheet when
	// the text is there: wait for the site's colour before changing it.
	browser.until(t, `document.readyState === "complete" && getComputedStyle(document.querySelector("h1")).color === "rgb(10, 20, 30)"`)
	browser.do(t, chromedp.Evaluate[chromedp.Void](`window.careersiteTestMark = "not reloaded"`))
	s.write(t, "assets/css/site.css", "h1 { color: rgb(200, 100, 50) }\n")
	browser.until(t, `getComputedStyle(document.querySelector("h1")).color === "rgb(200, 100, 50)"`)
	if got := browser.eval(t, `String(window.careersiteTestMark)`); got != "not reloaded" {
		t.Errorf("after a stylesheet change, the page's mark is %q: it was reloaded", got)
	}
}

// browser is one headless Chromium tab.
type browser struct {
	ctx context.Context
}

// newBrowser starts Chromium, or skips the test when there is none —
// unless CAREERSITE_REQUIRE_TOOLS=1 (as in CI) makes that a failure.
func newBrowser(t testing.TB) *browser {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		msg := "no chromium on PATH: install it (apt-get install -y chromium) to run the browser tests"
		if os.Getenv("CAREERSITE_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg + "; CAREERSITE_REQUIRE_TOOLS=1 requires them")
		}
		t.Skip(msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox cannot start
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-gpu", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no deadline of its own
		t.Fatalf("starting %s: %v", path, err)
	}
	return &browser{ctx: ctx}
}

func (b *browser) do(t testing.TB, action chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, deadline)
	defer cancel()
	if err := chromedp.Do(ctx, action); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) eval(t testing.TB, expr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, deadline)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// until waits for the JavaScript condition to hold in the page. The live
// reload may navigate while it waits, which ends a poll in Chromium; the
// wait then starts again in the new page, within the same deadline.
func (b *browser) until(t testing.TB, cond string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, deadline)
	defer cancel()
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(0)))
		if err == nil {
			return
		}
		if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) {
			html, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
			t.Fatalf("after %s, this never held: %s\nlast error: %v\npage:\n%s", deadline, cond, err, html)
		}
	}
}
