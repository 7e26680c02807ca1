package quality

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// BenchmarkSearchVsPagefind compares careersite's search with Pagefind's
// over the same output: the site in $CAREERSITE_BENCH_SITE (default: the
// example site), built once, then indexed by Pagefind ($CAREERSITE_PAGEFIND,
// default node_modules/.bin/pagefind). It reports
//
//   - the build time and Pagefind's indexing time (our index's share of
//     the build: BenchmarkSearchIndex in internal/site);
//   - each index's total size, raw and (for ours) gzipped; Pagefind's files
//     are gzipped by Pagefind itself. The UI files of Pagefind are left out;
//     pagefind.js, its worker and its WebAssembly are counted;
//   - the bytes and requests of a one-word and a two-word query from a
//     page with an empty cache, in headless Chromium, counted by the
//     server (Pagefind fetches from a Worker, which the page's own resource
//     timing does not see), with and without gzip on the server as static
//     hosts do it: ours through the header box (search.js, the manifest,
//     the shards and the record chunks of the 8 suggestions shown); Pagefind
//     through its JavaScript API without its UI (pagefind.js, the worker,
//     the WebAssembly, the entry, meta and index chunks, and the fragments
//     of the first 8 results).
//
// Pagefind indexes every HTML page (lists, terms, pagers); we index the
// regular pages.
//
//	cd /tmp/pf && npm i pagefind    # or: npm i --no-save pagefind at the repository root
//	CAREERSITE_PAGEFIND=/tmp/pf/node_modules/.bin/pagefind go test ./internal/quality -run '^$' -bench SearchVsPagefind -benchtime 1x
func BenchmarkSearchVsPagefind(b *testing.B) {
	pagefind := cmp.Or(os.Getenv("CAREERSITE_PAGEFIND"), filepath.Join(repoRoot, "node_modules", ".bin", "pagefind"))
	if _, err := os.Stat(pagefind); err != nil {
		b.Skipf("no Pagefind at %s: npm i pagefind, and set CAREERSITE_PAGEFIND", pagefind)
	}
	browser := program(b, "install Chromium (Debian: apt-get install chromium)", "chromium", "chromium-browser", "google-chrome")
	src := cmp.Or(os.Getenv("CAREERSITE_BENCH_SITE"), repoRoot)

	dir := filepath.Join(b.TempDir(), "public")
	m := &meter{}
	mux := http.NewServeMux()
	mux.Handle("/careers/", http.StripPrefix("/careers", m.wrap(staticHost(dir))))
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	siteURL := srv.URL + "/careers"

	start := time.Now()
	res, err := site.Build(context.Background(), site.Options{Source: src, Dest: dir, BaseURL: siteURL + "/", Theme: careersite.Theme()})
	if err != nil {
		b.Fatal(err)
	}
	buildTime := time.Since(start)
	start = time.Now()
	if out, err := exec.Command(pagefind, "--site", dir).CombinedOutput(); err != nil {
		b.Fatalf("pagefind: %v\n%s", err, out)
	}
	pagefindTime := time.Since(start)

	ours, oursGz := treeSize(b, filepath.Join(dir, "search"), true)
	theirs, _ := treeSize(b, filepath.Join(dir, "pagefind"), false)
	theirsData, _ := treeSize(b, filepath.Join(dir, "pagefind", "index"), false)
	fragments, _ := treeSize(b, filepath.Join(dir, "pagefind", "fragment"), false)
	theirsData += fragments
	b.Logf("%d pages built in %v; Pagefind indexed them in %v", res.Pages, buildTime.Round(time.Millisecond), pagefindTime.Round(time.Millisecond))
	b.Logf("index size: careersite %s raw, %s gzipped (search.js not included); Pagefind %s (gzipped by Pagefind), of which index chunks and fragments %s", sizeOf(ours), sizeOf(oursGz), sizeOf(theirs), sizeOf(theirsData))
	b.ReportMetric(float64(ours), "ours-index-B")
	b.ReportMetric(float64(oursGz), "ours-index-gz-B")
	b.ReportMetric(float64(theirs), "pagefind-index-B")
	b.ReportMetric(pagefindTime.Seconds()/buildTime.Seconds()*100, "pagefind-%-of-build")

	ctx := startBrowser(b, browser)
	queries := []string{"postgres", "postgres developer"}
	for b.Loop() {
		for _, gz := range []bool{false, true} {
			m.setGzip(gz)
			for i, q := range queries {
				for _, engine := range []string{"careersite", "pagefind"} {
					n, bytes, reqs := m.measure(b, ctx, siteURL, engine, q)
					enc := "raw"
					if gz {
						enc = "gzip"
					}
					b.Logf("%-10s %-8s %-20q %3d results: %8s in %2d requests", engine, enc, q, n, sizeOf(bytes), reqs)
					b.ReportMetric(float64(bytes), fmt.Sprintf("%s-%dword-%s-B", engine, i+1, enc))
				}
			}
		}
	}
}

// meter counts the response bytes the server sends for the search files,
// gzipping compressible ones when asked to.
type meter struct {
	mu       sync.Mutex
	gzip     bool
	bytes    int
	requests int
	inflight int
}

func (m *meter) setGzip(on bool) {
	m.mu.Lock()
	m.gzip = on
	m.mu.Unlock()
}

func (m *meter) reset() {
	m.mu.Lock()
	m.bytes, m.requests = 0, 0
	m.mu.Unlock()
}

// searchFile reports whether a request is for a file of either search.
func searchFile(p string) bool {
	return strings.HasPrefix(p, "/search/") && p != "/search/" || strings.HasPrefix(p, "/js/search.") || strings.HasPrefix(p, "/pagefind/")
}

func (m *meter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		gz := m.gzip
		m.inflight++
		m.mu.Unlock()
		cw := &countingWriter{ResponseWriter: w}
		var out http.ResponseWriter = cw
		var zw *gzip.Writer
		switch path.Ext(r.URL.Path) {
		case ".js", ".json", ".css", ".html", ".xml", ".svg":
			if gz && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				zw = gzip.NewWriter(cw)
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Add("Vary", "Accept-Encoding")
				out = &gzipWriter{ResponseWriter: w, w: zw}
			}
		}
		h.ServeHTTP(out, r)
		if zw != nil {
			zw.Close()
		}
		m.mu.Lock()
		m.inflight--
		if searchFile(r.URL.Path) {
			m.bytes += cw.n
			m.requests++
		}
		m.mu.Unlock()
	})
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.ResponseWriter.Write(p)
	c.n += n
	return n, err
}

// gzipWriter sends the body through w, without the Content-Length that
// the file server set for the uncompressed file.
type gzipWriter struct {
	http.ResponseWriter
	w *gzip.Writer
}

func (g *gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	g.Header().Del("Content-Length")
	return g.w.Write(p)
}

// pagefindQuery runs a query with Pagefind's JavaScript API and loads the
// first 8 results' data, as its UI does for the results it shows.
const pagefindQuery = `(async () => {
	const pagefind = await import(%q);
	await pagefind.options({baseUrl: "/careers/"});
	const search = await pagefind.search(%q);
	await Promise.all(search.results.slice(0, 8).map(r => r.data()));
	return search.results.length;
})()`

// measure runs one query in a new browser context (an empty cache) on the
// site's home page and returns the number of results, the bytes and the
// requests the server sent for it.
func (m *meter) measure(b *testing.B, browserCtx context.Context, siteURL, engine, q string) (results, bytes, requests int) {
	b.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTime()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(siteURL+"/")); err != nil {
		b.Fatal(err)
	}
	m.reset()
	switch engine {
	case "careersite":
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const box = document.getElementById("site-search");
			box.focus();
			box.value = %q;
			box.dispatchEvent(new Event("input"));
		})()`, q)))
		if err != nil {
			b.Fatal(err)
		}
		status := `document.querySelector("#site-search ~ [role=status]").textContent`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](status+` !== ""`)); err != nil {
			b.Fatal(err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](status))
		if err != nil {
			b.Fatal(err)
		}
		fmt.Sscanf(s, "%d", &results)
	case "pagefind":
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(pagefindQuery, siteURL+"/pagefind/pagefind.js", q), chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		results = n
	}
	// The browser may have the last bytes before the handler that sent
	// them has counted them.
	for deadline := time.Now().Add(10 * time.Second); ; {
		m.mu.Lock()
		idle, bytes, requests := m.inflight == 0, m.bytes, m.requests
		m.mu.Unlock()
		if idle || time.Now().After(deadline) {
			return results, bytes, requests
		}
		runtime.Gosched()
	}
}

// treeSize is the total size of the files under dir, and, when gz, of
// each gzipped (level 6, as hosts do). Pagefind's UI files are left out.
func treeSize(b *testing.B, dir string, gz bool) (raw, zipped int) {
	b.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, "pagefind-") && name != "pagefind-entry.json" && name != "pagefind-worker.js" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		raw += len(data)
		if gz {
			var buf bytes.Buffer
			w, _ := gzip.NewWriterLevel(&buf, 6)
			w.Write(data)
			w.Close()
			zipped += buf.Len()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return raw, zipped
}

// sizeOf formats a byte count.
func sizeOf(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
