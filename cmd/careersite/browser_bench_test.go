package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/careersite/careersite/internal/testsite"
)

// firstBuild bounds the wait for serve's first build, which for 10,000
// pages (filling the build cache) takes ten to thirty seconds on two
// cores, as busy as they are.
const firstBuild = 5 * time.Minute

// BenchmarkEditToDOM measures what an author waits for after saving: from
// writing a Markdown file to its new text in the DOM of the page that
// headless Chromium shows, on the example site and on generated sites of
// 1,000 and 10,000 pages. A real `careersite serve` (Run, with the flags an
// author gives) watches the site; the page's own live-reload client hears
// the "reload" event and reloads. So the time is BenchmarkEditToEvent of
// internal/preview (debounce, rebuild, event) plus Chromium's share: the
// event's delivery, the reload, the request and the parse up to the text.
// One op is one edit of the page's body.
//
// Both ends read the same clock, the system's wall clock. Go reads it just
// before writing the file. A script that Chromium runs in every new
// document before the page's own (Page.addScriptToEvaluateOnNewDocument)
// reads Date.now() in the MutationObserver callback that first sees the
// edit's text inserted by the parser, and hands it to Go through a binding
// (chromedp.ExposeFunc), whose own trip is not counted. Date.now() counts
// whole milliseconds, so each edit is measured to 1 ms.
//
// Reported: ms/edit, the mean; p50-ms, the median edit. The median edit is
// split by p50-event-ms, when the page heard the "reload" event (compare
// BenchmarkEditToEvent), and p50-response-ms, when the first byte of the
// reloaded page arrived; the rest, up to p50-ms, is Chromium's: making
// the new document and parsing it up to the text. loads/edit is how many documents showed each edit:
// 1 unless a page reloads twice. ns/op is the Go side's view and includes
// the binding's trip.
//
//	go test -run '^$' -bench EditToDOM -benchtime 20x ./cmd/careersite
//
// It needs Chromium on PATH and skips without it, as the browser tests do.
func BenchmarkEditToDOM(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		benchDOMEdits(b, func(dir string) error {
			return testsite.CopyExample(dir, filepath.Join("..", ".."))
		}, "content/guides/caching-and-performance/index.md", "/guides/caching-and-performance/")
	})
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			benchDOMEdits(b, func(dir string) error {
				return testsite.Write(dir, n, 1)
			}, testsite.Path(3), testsite.URL(3))
		})
	}
}

// editSeen is what the page reports, in Unix milliseconds of the page's
// clock: when the edit's text was first in the DOM, and, when the page was
// reloaded by the "reload" event, when the previous document heard it and
// when the first byte of this one arrived.
type editSeen struct {
	Edit      int     `json:"edit"`
	At        float64 `json:"at"`
	Event     float64 `json:"event"`     // 0: not known
	FirstByte float64 `json:"firstByte"` // 0: not known
}

// editWatcher runs in every new document of the tab, before its scripts.
// It reports the first "Edit number N." the document holds; it records when
// the event stream's "reload" arrives (for the next document, in
// sessionStorage) and the generation of its "hello", so that the benchmark
// can tell when the page is current and its stream open.
const editWatcher = `(() => {
  const marker = /Edit number (\d+)\./;
  const event = Number(sessionStorage.getItem("careersiteReloadEvent"));
  sessionStorage.removeItem("careersiteReloadEvent");
  let reported = false;
  const look = (text, at) => {
    const m = reported ? null : marker.exec(text ?? "");
    if (m === null) return;
    reported = true;
    const nav = performance.getEntriesByType("navigation")[0];
    const firstByte = nav && nav.responseStart > 0 ? Math.round(performance.timeOrigin + nav.responseStart) : 0;
    window.careersiteEditSeen({edit: Number(m[1]), at, event, firstByte});
  };
  // The parser inserts text nodes (childList) and may append to the last
  // one (characterData). Only the node's own text is read: a parent's
  // textContent on every insertion would slow the parse it measures. Text
  // split across two nodes is caught at DOMContentLoaded instead.
  new MutationObserver((records) => {
    const at = Date.now();
    for (const r of records) {
      if (r.type === "characterData") look(r.target.data, at);
      for (const n of r.addedNodes) if (n.nodeType === Node.TEXT_NODE) look(n.data, at);
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener("DOMContentLoaded", () => look(document.body?.textContent, Date.now()));

  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("hello", (e) => { window.careersiteHello = e.data; });
      this.addEventListener("reload", () => sessionStorage.setItem("careersiteReloadEvent", String(Date.now())));
    }
  };
})()`

// current holds once the page's stream said hello with the page's own
// generation: the page is the latest build and will hear the next event.
const current = `(() => {
  const s = document.querySelector("script[data-generation]");
  return s !== null && window.careersiteHello === s.dataset.generation;
})()`

// benchDOMEdits makes the site with makeSite, serves it, opens url in
// Chromium and edits file b.N times.
func benchDOMEdits(b *testing.B, makeSite func(dir string) error, file, url string) {
	browser := newBrowser(b) // first: it skips without Chromium
	seen := make(chan editSeen, 16)
	browser.do(b, chromedp.ExposeFunc("careersiteEditSeen", func(ctx context.Context, e editSeen) (chromedp.Void, error) {
		select {
		case seen <- e:
		case <-ctx.Done():
		}
		return chromedp.Void{}, nil
	}))
	if _, err := chromedp.Call(browser.ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: editWatcher}); err != nil {
		b.Fatal(err)
	}

	dir := filepath.Join(b.TempDir(), "site")
	if err := makeSite(dir); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, filepath.FromSlash(file))
	original, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	s := runSession(b, dir, "serve", "--port", "0")
	addr := s.stdout.waitCount(b, regexp.MustCompile(`serving .* at (http://127\.0\.0\.1:\d+/)`), 1)[1]
	s.stdout.waitCountFor(b, builtLine, 1, firstBuild)
	browser.do(b, chromedp.Navigate(strings.TrimSuffix(addr, "/")+url))
	browser.until(b, current)

	settled := regexp.MustCompile(`(?m)^updated \d+ site-wide files`)
	var toDOM, toEvent, toByte []float64 // milliseconds after the write
	shown := map[int]int{}               // documents that showed each edit
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if err := os.WriteFile(path, fmt.Appendf(original, "\nEdit number %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		e := nextSeen(b, seen, i, shown)
		since := func(ms float64) float64 { return ms - float64(start.UnixMicro())/1000 }
		if since(e.At) < 0 {
			b.Fatalf("edit %d was in the DOM %.1f ms before it was written: the clocks disagree", i, -since(e.At))
		}
		toDOM = append(toDOM, since(e.At))
		if e.Event > 0 && e.FirstByte > 0 {
			toEvent, toByte = append(toEvent, since(e.Event)), append(toByte, since(e.FirstByte))
		}
		// An author reads the page before saving again: wait, untimed,
		// for the feeds and the search index, and for the page to be
		// current with its stream open.
		b.StopTimer()
		s.stdout.waitCount(b, settled, i+1)
		browser.until(b, current)
		b.StartTimer()
	}
	b.StopTimer()
	drain(seen, shown)
	loads := 0
	for _, n := range shown {
		loads += n
	}
	b.ReportMetric(mean(toDOM), "ms/edit")
	b.ReportMetric(median(toDOM), "p50-ms")
	b.ReportMetric(median(toEvent), "p50-event-ms")
	b.ReportMetric(median(toByte), "p50-response-ms")
	b.ReportMetric(float64(loads)/float64(b.N), "loads/edit")
}

func mean(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// median is the middle of xs, or the upper of the two; 0 when xs is empty.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Sorted(slices.Values(xs))
	return xs[len(xs)/2]
}

// nextSeen waits for the page to report edit i, counting in shown every
// report it receives (a page that reloads twice reports an edit twice).
func nextSeen(b *testing.B, seen <-chan editSeen, i int, shown map[int]int) editSeen {
	b.Helper()
	timeout := time.After(deadline)
	for {
		select {
		case e := <-seen:
			shown[e.Edit]++
			if e.Edit == i {
				return e
			}
		case <-timeout:
			b.Fatalf("after %s, edit %d was not in the page's DOM", deadline, i)
		}
	}
}

// drain counts in shown the reports that are waiting.
func drain(seen <-chan editSeen, shown map[int]int) {
	for {
		select {
		case e := <-seen:
			shown[e.Edit]++
		default:
			return
		}
	}
}
