package quality

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// imageHeavyPage is the example site's guide in pictures: six photographs
// and a diagram, most of them below the fold on a phone.
const imageHeavyPage = "/guides/where-back-end-developers-work/"

// lazyDistance is how far below the viewport an image must start for
// Chromium not to fetch it yet. Chromium starts loading a lazy image when
// it comes within a distance that depends on the connection it estimates
// (Blink's lazyImageLoadingDistanceThresholdPx settings): 1250px on 4G,
// 2500px on 3G or when unknown, several thousand on 2G and slower. Served
// from 127.0.0.1 with imageDelay, the estimate is 3G at worst (2G takes
// round trips of well over a second), so an image further down than this
// must wait for the scroll. The test logs where each image starts and
// whether it was requested.
const lazyDistance = 3000

// imageDelay holds back every image response, as a real network would:
// without it the images of a page on localhost can arrive before its first
// paint, and an image without width and height would then shift nothing
// that had been shown, so the layout-shift check could not fail.
const imageDelay = 300 * time.Millisecond

// shiftObserver runs before the page's own scripts and adds up every
// layout-shift entry (buffered: those from before it was registered too),
// as the Cumulative Layout Shift metric does, but including shifts after
// input, since the test's scrolling is not a user's.
const shiftObserver = `window.careersiteShift = {total: 0, entries: 0, moved: []};
new PerformanceObserver(list => {
	for (const e of list.getEntries()) {
		window.careersiteShift.total += e.value;
		window.careersiteShift.entries++;
		window.careersiteShift.moved.push(e.value.toFixed(4) + " at " + Math.round(e.startTime) + " ms, " + (e.sources || []).length + " sources:");
		for (const s of e.sources || []) {
			const n = s.node, r = (q) => Math.round(q.x) + "," + Math.round(q.y) + " " + Math.round(q.width) + "×" + Math.round(q.height);
			window.careersiteShift.moved.push("\t" + (n && n.nodeName ? n.nodeName.toLowerCase() + (n.className ? "." + String(n.className).split(" ")[0] : "") + (n.nodeName === "#text" ? " " + JSON.stringify(n.data.slice(0, 30)) : "") : "(removed)") + " " + r(s.previousRect) + " → " + r(s.currentRect));
		}
	}
}).observe({type: "layout-shift", buffered: true});`

// readShift waits two frames, so that the observer has been told of every
// shift of the frames drawn so far, and returns the total.
const readShift = `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(window.careersiteShift))))`

// pageImages lists the article's images: the name of their file (without
// width and fingerprint, as in /img/guides/city-dusk), their top in the
// page, whether they are lazy and whether they have loaded.
const pageImages = `[...document.querySelectorAll("main img")].map(img => {
	const src = new URL(img.getAttribute("src"), location.href).pathname;
	return {
		stem: src.replace(/\.[0-9]+w\.[0-9a-f]+\.[a-z]+$/, "").replace(/\.[0-9a-f]{16}\.[a-z]+$/, "").replace(/\.[a-z]+$/, ""),
		top: img.getBoundingClientRect().top + window.scrollY,
		lazy: img.loading === "lazy",
		loaded: img.complete && img.naturalWidth > 0,
	};
})`

// pageImage is one element of pageImages.
type pageImage struct {
	Stem   string  `json:"stem"`
	Top    float64 `json:"top"`
	Lazy   bool    `json:"lazy"`
	Loaded bool    `json:"loaded"`
}

// requestLog records the paths a server was asked for.
type requestLog struct {
	mu    sync.Mutex
	paths []string
}

func (l *requestLog) record(p string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.paths = append(l.paths, p)
}

// requested reports whether any file whose path starts with stem + "." was
// asked for: any width or format of the image.
func (l *requestLog) requested(stem string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.ContainsFunc(l.paths, func(p string) bool { return strings.HasPrefix(p, stem+".") })
}

// TestImagesInBrowser loads the image-heavy page of the example site in
// headless Chromium, with image responses delayed as a network would, and
// checks what the render hook's markup promises: (a) nothing shifts as the
// images load (width and height reserve their space, and the theme's CSS
// keeps the ratio as it scales them down), at load on a desktop screen
// (where the first picture is on the screen) and on a phone's, and on the
// phone after scrolling every image into view; (b) on the phone, the
// images far below the fold are not requested until the page is scrolled
// to them (loading="lazy"), and then they load.
func TestImagesInBrowser(t *testing.T) {
	t.Parallel()
	browser := program(t, "install Chromium (Debian: apt-get install chromium)",
		"chromium", "chromium-browser", "google-chrome-stable", "google-chrome")

	dir := filepath.Join(t.TempDir(), "public")
	const basePath = "/careers"
	var log requestLog
	files := http.StripPrefix(basePath, staticHost(dir))
	mux := http.NewServeMux()
	mux.HandleFunc(basePath+"/", func(w http.ResponseWriter, r *http.Request) {
		log.record(r.URL.Path)
		if strings.HasPrefix(r.URL.Path, basePath+"/img/") {
			select {
			case <-time.After(imageDelay):
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	buildSite(t, dir, srv.URL+basePath+"/")

	browserCtx := startBrowser(t, browser)
	pageURL := srv.URL + basePath + imageHeavyPage

	// On a desktop screen the first picture is on the screen as the page
	// loads: (a) at load.
	ctx, images := openImagePage(t, browserCtx, pageURL, desktop, 1)
	if images[0].Top >= float64(desktop.height) {
		t.Fatalf("on a %dpx desktop screen the first image starts at %.0fpx, below the screen: a shift as it loads would not show", desktop.height, images[0].Top)
	}
	checkShift(t, ctx, "on a desktop screen, after load")

	// On a phone, the table of contents comes first and every picture
	// starts below the screen: (a) after load and after scrolling, (b).
	ctx, images = openImagePage(t, browserCtx, pageURL, phone, 2)
	checkShift(t, ctx, "on a phone, after load")

	// (b) Far below the fold, nothing has been asked for yet.
	fold := float64(phone.height) + lazyDistance
	var far []pageImage
	for _, img := range images {
		t.Logf("%s at %.0fpx: lazy %v, requested %v", img.Stem, img.Top, img.Lazy, log.requested(img.Stem))
		if img.Top > fold {
			far = append(far, img)
			if log.requested(img.Stem) {
				t.Errorf("%s starts %.0fpx down a %dpx screen but was requested before the page was scrolled", img.Stem, img.Top, phone.height)
			}
		}
	}
	if len(far) == 0 {
		t.Fatalf("no image of %s starts further than %.0fpx down: the page cannot show lazy loading", imageHeavyPage, fold)
	}

	// Scrolled to, each loads. The page is scrolled so that the image
	// starts half-way down the screen: the text above it then anchors the
	// scroll, and an image that took space only as it loaded would push the
	// text below it down the screen, a shift. (With the image at the top,
	// Chromium's scroll anchoring would pick the text below it and hide the
	// shift.) The image is found again by its file, as images above it may
	// have moved it (they must not, but then the failure to report is the
	// shift, not a missed scroll).
	for _, img := range far {
		find := `[...document.querySelectorAll("main img")].find(i => new URL(i.getAttribute("src"), location.href).pathname.startsWith(` + strconv.Quote(img.Stem+".") + `))`
		evaluate[bool](t, ctx, `(img => (window.scrollTo(0, img.getBoundingClientRect().top + window.scrollY - innerHeight / 2), true))(`+find+`)`)
		waitFor(t, ctx, `(img => img.complete && img.naturalWidth > 0)(`+find+`)`)
		if !log.requested(img.Stem) {
			t.Errorf("%s shows after the scroll, but the server was never asked for it", img.Stem)
		}
	}
	checkShift(t, ctx, "on a phone, after scrolling every image into view")

	// Every picture fits the phone's screen and keeps its shape: the
	// theme's max-width: 100% and height: auto.
	for _, bad := range evaluate[[]string](t, ctx, misfitImages) {
		t.Errorf("on a phone: %s", bad)
	}
}

// misfitImages describes each loaded image of the article that is wider
// than the screen or drawn at another shape than its file's.
const misfitImages = `[...document.querySelectorAll("main img")].filter(i => i.complete && i.naturalWidth > 0).flatMap(i => {
	const r = i.getBoundingClientRect(), src = i.getAttribute("src");
	const out = [];
	if (r.right > document.documentElement.clientWidth + 0.5) out.push(src + " is " + r.width + "px wide, past the screen's edge");
	if (Math.abs(r.width / r.height - i.naturalWidth / i.naturalHeight) > 0.02) out.push(src + " is drawn " + r.width + "x" + r.height + ", not at the shape of its " + i.naturalWidth + "x" + i.naturalHeight + " file");
	return out;
})`

// openImagePage opens pageURL in a new tab of the browser, on a screen the
// size of view at a device pixel ratio of scale, with the HTTP cache off
// and shiftObserver installed, waits for the load, checks that the first
// image loaded eagerly and returns the tab (open until the test ends) and
// the page's images.
func openImagePage(t *testing.T, browserCtx context.Context, pageURL string, view viewport, scale float64) (context.Context, []pageImage) {
	t.Helper()
	tab, closeTab := chromedp.NewContext(browserCtx)
	t.Cleanup(closeTab)
	ctx, cancel := context.WithTimeout(tab, 2*time.Minute)
	t.Cleanup(cancel)
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: view.width, Height: view.height, DeviceScaleFactor: scale, Mobile: view == phone,
	})
	if err != nil {
		t.Fatalf("emulating a %dx%d screen: %v", view.width, view.height, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enabling the network domain: %v", err)
	}
	// Each tab fetches the images again, from the server that holds them
	// back, rather than from the previous tab's cache.
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatalf("turning the HTTP cache off: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: shiftObserver}); err != nil {
		t.Fatalf("adding the layout-shift observer: %v", err)
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(pageURL))
	if err != nil {
		t.Fatalf("loading %s: %v", pageURL, err)
	}
	if resp.Status != http.StatusOK {
		t.Fatalf("%s: HTTP status %d", pageURL, resp.Status)
	}
	waitFor(t, ctx, `document.readyState === "complete"`)

	images := evaluate[[]pageImage](t, ctx, pageImages)
	if len(images) < 5 {
		t.Fatalf("%s has %d images, want an image-heavy page (5 or more)", imageHeavyPage, len(images))
	}
	if images[0].Lazy || !images[0].Loaded {
		t.Errorf("on a %s screen, the first image %s: lazy %v, loaded %v; want it loaded eagerly", view.name, images[0].Stem, images[0].Lazy, images[0].Loaded)
	}
	return ctx, images
}

// checkShift fails the test when any layout shift has been reported.
func checkShift(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	shift := evaluate[struct {
		Total   float64  `json:"total"`
		Entries int      `json:"entries"`
		Moved   []string `json:"moved"`
	}](t, ctx, readShift)
	if shift.Total != 0 || shift.Entries != 0 {
		t.Errorf("%s: layout shift %.4f in %d entries, want 0; what moved:\n%s", when, shift.Total, shift.Entries, strings.Join(shift.Moved, "\n"))
	}
}

// evaluate runs a JavaScript expression (awaiting it when it is a promise)
// and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls cond in the page, once a frame, until it is true, for at
// most 30 seconds.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	evaluate[bool](t, ctx, `new Promise(done => { const poll = () => (`+cond+`) ? done(true) : requestAnimationFrame(poll); poll(); })`)
}
