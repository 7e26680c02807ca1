package server

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/output"
)

// deadline bounds every wait in these tests; none of them sleeps.
const deadline = 10 * time.Second

var siteFiles = map[string]string{
	"index.html":          "<!doctype html><title>Home</title><body><h1>Home</h1></body></html>\n",
	"jobs/index.html":     "<!doctype html><title>Jobs</title><BODY>Jobs</BODY>\n",
	"jobs/a/index.html":   "<!doctype html><title>A</title><p>No body end tag",
	"404.html":            "<!doctype html><title>Lost</title><body>This page is lost.</body>\n",
	"css/site.css":        "body { color: black }\n",
	"data.json":           `{"a": "</body>"}`,
	"notes.txt":           "plain </body> text\n",
	".secret":             "never served",
	"jobs/.hidden.html":   "<p>never served</p>",
	"favicon.svg":         `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
	"guides/x/index.html": "<body>x</body>",
}

// testServer is a Server on a real listener on 127.0.0.1:0.
type testServer struct {
	*Server
	site *output.Memory
	addr string // host:port
	stop func() // shuts the server down and checks that Serve returned cleanly
}

func start(t *testing.T, files map[string]string, opts Options) *testServer {
	t.Helper()
	site := output.NewMemory()
	commit(t, site, files)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	opts.Bind = "127.0.0.1"
	s := New(site, opts)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	ts := &testServer{Server: s, site: site, addr: ln.Addr().String()}
	stopped := false
	ts.stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-served:
			if err != nil {
				t.Errorf("Serve returned %v after shutdown, want nil", err)
			}
		case <-time.After(deadline):
			t.Error("Serve did not return after its context ended")
		}
	}
	t.Cleanup(ts.stop)
	return ts
}

func commit(t *testing.T, site *output.Memory, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := site.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := site.Commit(); err != nil {
		t.Fatal(err)
	}
}

// raw sends target exactly as given, which an http.Client would not
// always do, with the Host header host ("" means the server's address).
func (ts *testServer) raw(t *testing.T, method, target, host string, header ...string) *response {
	t.Helper()
	if host == "" {
		host = ts.addr
	}
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(deadline))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n", method, target, host)
	for _, h := range header {
		fmt.Fprintf(conn, "%s\r\n", h)
	}
	io.WriteString(conn, "\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return &response{resp, string(body)}
}

func (ts *testServer) get(t *testing.T, target string) *response {
	t.Helper()
	return ts.raw(t, "GET", target, "")
}

type response struct {
	*http.Response
	body string
}

func TestHostHeader(t *testing.T) {
	ts := start(t, siteFiles, Options{AllowedHosts: []string{"preview.test", "Box.Local:9999"}})
	_, port, _ := net.SplitHostPort(ts.addr)
	for _, tc := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"127.0.0.1", 200},
		{"localhost:" + port, 200},
		{"LOCALHOST:" + port, 200},
		{"localhost.:" + port, 200},
		{"[::1]:" + port, 200},
		{"[::1]", 200},
		{"preview.test:" + port, 200},
		{"preview.test", 200},
		{"box.local:" + port, 200},
		{"evil.example", 403},
		{"evil.example:" + port, 403},
		{"127.0.0.1.evil.example:" + port, 403},
		{"localhost.evil.example", 403},
		{"0.0.0.0:" + port, 403},
		{"[::2]:" + port, 403},
	} {
		resp := ts.raw(t, "GET", "/", tc.host)
		if resp.StatusCode != tc.want {
			t.Errorf("Host: %s: status %d, want %d", tc.host, resp.StatusCode, tc.want)
		}
		if tc.want == 403 && strings.Contains(resp.body, "Home") {
			t.Errorf("Host: %s: the page was served with the 403", tc.host)
		}
	}
	// The event stream is guarded too.
	if resp := ts.raw(t, "GET", eventsPath, "evil.example"); resp.StatusCode != 403 {
		t.Errorf("events with a foreign Host: status %d, want 403", resp.StatusCode)
	}
}

func TestPathSafety(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	for _, target := range []string{
		"/../index.html",
		"/jobs/../index.html",
		"/jobs/../../etc/passwd",
		"/%2e%2e/index.html",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/jobs/%2e%2e/index.html",
		"/..%5cindex.html",
		"/jobs/..%5c..%5cindex.html",
		"/jobs%5c..%5cindex.html",
		"/..%2findex.html",
		"/./index.html",
		"/.secret",
		"/%2esecret",
		"/jobs/.hidden.html",
		"/.git/config",
		"/index.html%00.txt",
		"/css/",  // a folder without index.html: not listed
		"/nope/", // nothing there
		"/missing.html",
	} {
		resp := ts.get(t, target)
		if resp.StatusCode != 404 {
			t.Errorf("GET %s: status %d, want 404", target, resp.StatusCode)
		}
		if !strings.Contains(resp.body, "This page is lost.") {
			t.Errorf("GET %s: body %q, want the site's 404 page", target, resp.body)
		}
		if strings.Contains(resp.body, "never served") || strings.Contains(resp.body, "Home") {
			t.Errorf("GET %s served a file it must not: %q", target, resp.body)
		}
	}
}

func TestFolderURLs(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	for _, tc := range []struct{ target, want string }{
		{"/", "<h1>Home</h1>"},
		{"/index.html", "<h1>Home</h1>"},
		{"/jobs/", "Jobs"},
		{"/jobs/?utm=x", "Jobs"},
	} {
		if resp := ts.get(t, tc.target); resp.StatusCode != 200 || !strings.Contains(resp.body, tc.want) {
			t.Errorf("GET %s: %d %q, want 200 with %q", tc.target, resp.StatusCode, resp.body, tc.want)
		}
	}
	resp := ts.get(t, "/guides/x")
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/guides/x/" {
		t.Errorf("GET /guides/x: %d Location %q, want 302 to /guides/x/", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestEveryResponseIsNoStore(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	for _, tc := range []struct{ target, host string }{
		{"/", ""}, {"/css/site.css", ""}, {"/missing", ""}, {"/.secret", ""},
		{"/guides/x", ""}, {scriptPath, ""}, {"/", "evil.example"},
	} {
		resp := ts.raw(t, "GET", tc.target, tc.host)
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s (Host %q): status %d, Cache-Control %q, want no-store", tc.target, tc.host, resp.StatusCode, got)
		}
	}
	st := ts.openEvents(t, "")
	if got := st.header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("event stream: Cache-Control %q, want no-store", got)
	}
}

func TestScriptInjectedIntoHTMLOnly(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	tag := `<script src="/_careersite/live.js" data-generation="1"></script>`
	for _, tc := range []struct {
		target, ctype, want string
	}{
		{"/", "text/html; charset=utf-8", "<!doctype html><title>Home</title><body><h1>Home</h1>" + tag + "</body></html>\n"},
		{"/jobs/", "text/html; charset=utf-8", "<!doctype html><title>Jobs</title><BODY>Jobs" + tag + "</BODY>\n"},
		{"/jobs/a/", "text/html; charset=utf-8", siteFiles["jobs/a/index.html"] + tag},
		{"/css/site.css", "text/css; charset=utf-8", siteFiles["css/site.css"]},
		{"/data.json", "application/json", siteFiles["data.json"]},
		{"/notes.txt", "text/plain; charset=utf-8", siteFiles["notes.txt"]},
		{"/favicon.svg", "image/svg+xml", siteFiles["favicon.svg"]},
	} {
		resp := ts.get(t, tc.target)
		if resp.body != tc.want {
			t.Errorf("GET %s: body\n%q\nwant\n%q", tc.target, resp.body, tc.want)
		}
		if got := resp.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.target, got, tc.ctype)
		}
	}
	if data, _ := ts.site.Tree().Lookup("index.html"); string(data) != siteFiles["index.html"] {
		t.Errorf("the stored index.html became %q", data)
	}
	head := ts.raw(t, "HEAD", "/", "")
	if head.body != "" || head.ContentLength != int64(len(siteFiles["index.html"])+len(tag)) {
		t.Errorf("HEAD /: body %q, Content-Length %d; want none and the GET length", head.body, head.ContentLength)
	}
	if resp := ts.get(t, scriptPath); resp.StatusCode != 200 || !strings.Contains(resp.body, "EventSource") {
		t.Errorf("GET %s: %d, want the client script", scriptPath, resp.StatusCode)
	}
}

func TestNotFoundPage(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	resp := ts.get(t, "/no/such/page/")
	if resp.StatusCode != 404 || !strings.Contains(resp.body, "This page is lost.") || !strings.Contains(resp.body, scriptPath) {
		t.Errorf("missing page: %d %q, want 404 with the site's 404.html and the script", resp.StatusCode, resp.body)
	}

	bare := start(t, map[string]string{"index.html": "home"}, Options{})
	resp = bare.get(t, "/missing")
	if resp.StatusCode != 404 || !strings.Contains(resp.body, "Not found") || !strings.Contains(resp.body, scriptPath) {
		t.Errorf("missing page of a site without 404.html: %d %q, want 404, a plain page and the script", resp.StatusCode, resp.body)
	}
}

func TestMethods(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	if resp := ts.raw(t, "POST", "/", ""); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", resp.StatusCode)
	}
}

// TestEventSequence follows one page's stream through a rebuild, a failure,
// a page that opens during the failure, the fix, a stylesheet change and a
// build that changed nothing.
func TestEventSequence(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	st := ts.openEvents(t, "")
	st.want(t, "hello", "1")

	edited := clone(siteFiles)
	edited["jobs/index.html"] = "<body>Jobs, edited</body>"
	commit(t, ts.site, edited)
	ts.Reload(Build{})
	st.want(t, "reload", "")

	failure := errors.Join(
		errors.New("content/jobs/a.md:3:7: date: cannot parse \"someday\" as a date"),
		errors.New("content/jobs/b.md:1:1: front matter is never closed (<script>alert(1)</script>)"),
	)
	ts.Reload(Build{Err: failure})
	st.want(t, "error", failure.Error())

	late := ts.openEvents(t, "")
	late.want(t, "hello", "2")
	late.want(t, "error", failure.Error())

	commit(t, ts.site, edited) // fixed back to what was served
	ts.Reload(Build{})
	st.want(t, "ok", "")
	late.want(t, "ok", "")

	styled := clone(edited)
	styled["css/site.css"] = "body { color: navy }\n"
	styled["index.html"] = strings.Replace(edited["index.html"], "Home", "Home (new integrity hash)", 1)
	commit(t, ts.site, styled)
	ts.Reload(Build{StyleOnly: true})
	st.want(t, "css", `["/css/site.css"]`)

	commit(t, ts.site, styled) // nothing changed: no event
	ts.Reload(Build{})
	styled["notes.txt"] = "changed"
	commit(t, ts.site, styled)
	ts.Reload(Build{StyleOnly: true}) // no stylesheet changed after all
	st.want(t, "reload", "")
}

// TestUnannouncedCommit commits as serve's FinishDeferred does, after the reload
// event and without one of its own: the page served before it, and a page
// served after it, are as current as the announced build, so neither may
// reload when its stream says hello.
func TestUnannouncedCommit(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	st := ts.openEvents(t, "")
	st.want(t, "hello", "1")
	edited := clone(siteFiles)
	edited["jobs/index.html"] = "<body>Jobs, edited</body>"
	commit(t, ts.site, edited)
	ts.Reload(Build{})
	st.want(t, "reload", "")
	tag := `data-generation="2"`
	if body := ts.get(t, "/jobs/").body; !strings.Contains(body, tag) {
		t.Fatalf("GET /jobs/ after the reload event: %q, want %s", body, tag)
	}

	settled := clone(edited)
	settled["feed.xml"] = "<feed>the edited page's entry</feed>"
	commit(t, ts.site, settled) // generation 3, announced to nobody
	if body := ts.get(t, "/jobs/").body; !strings.Contains(body, tag) {
		t.Errorf("GET /jobs/ after an unannounced commit: %q, want %s", body, tag)
	}
	if body := ts.get(t, "/no/such/page/").body; !strings.Contains(body, tag) {
		t.Errorf("the 404 page after an unannounced commit: %q, want %s", body, tag)
	}
	ts.openEvents(t, "").want(t, "hello", "2")

	settled["jobs/index.html"] = "<body>Jobs, edited again</body>"
	commit(t, ts.site, settled)
	ts.Reload(Build{})
	st.want(t, "reload", "")
	ts.openEvents(t, "").want(t, "hello", "4")
}

// TestRequestsDuringRebuilds reads a page again and again while builds
// commit without pause, as serve's do (changing the Tree in place, with
// flattening every so often, and now and then replacing it): every request
// gets a whole page of one build or another.
func TestRequestsDuringRebuilds(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	stop := make(chan struct{})
	builds := make(chan int)
	go func() {
		i := 0
		defer func() { builds <- i }()
		for ; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%10 == 9 {
				for name, data := range siteFiles {
					ts.site.WriteFile(name, []byte(data))
				}
			} else {
				ts.site.Update()
				ts.site.WriteFile("jobs/index.html", fmt.Appendf(nil, "<body>build %d</body>", i))
			}
			ts.site.Commit()
			ts.Reload(Build{})
		}
	}()
	page := regexp.MustCompile(`^(<body>build \d+|<!doctype html><title>Jobs</title><BODY>Jobs)<script src="/_careersite/live\.js" data-generation="\d+"></script></(body|BODY)>\n?$`)
	for n := range 300 {
		resp := ts.get(t, "/jobs/")
		if resp.StatusCode != 200 || !page.MatchString(resp.body) {
			close(stop)
			<-builds
			t.Fatalf("request %d during the builds: %d %q", n, resp.StatusCode, resp.body)
		}
	}
	close(stop)
	t.Logf("%d builds during 300 requests", <-builds)
}

func TestEventsCheckOrigin(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	for _, tc := range []struct {
		origin string
		want   int
	}{
		{"", 200},
		{"http://" + ts.addr, 200},
		{"http://evil.example", 403},
		{"http://" + ts.addr + ".evil.example", 403},
		{"null", 403},
	} {
		st := ts.openEvents(t, tc.origin)
		if st.status != tc.want {
			t.Errorf("Origin %q: status %d, want %d", tc.origin, st.status, tc.want)
		}
	}
}

func TestShutdownEndsStreams(t *testing.T) {
	ts := start(t, siteFiles, Options{})
	st := ts.openEvents(t, "")
	st.want(t, "hello", "1")
	ts.stop()
	select {
	case _, ok := <-st.events:
		if ok {
			t.Error("an event arrived after shutdown")
		}
	case <-time.After(deadline):
		t.Error("the event stream stayed open after shutdown")
	}
}

func clone(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}
