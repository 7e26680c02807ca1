package server

import (
	"bufio"
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/output"
)

// FuzzResolve sends arbitrary request targets and Host headers through the
// whole request path of the preview server, parsed by net/http as the real
// server parses them. Whatever the request:
//
//   - the server does not panic;
//   - a foreign Host gets 403 and nothing else;
//   - a dot-file or a file in a dot-folder is never served (the Tree below
//     holds some; their bytes say "never served");
//   - a 200 serves a file of the Tree by a valid path without dot segments;
//   - a redirect never leads to another host or scheme (no "//evil",
//     "/\evil" or "https:" Location).
//
// The seeds in testdata/fuzz/FuzzResolve hold traversal in its encoded
// forms, backslashes, NULs, absolute-form targets and rebinding hosts.
func FuzzResolve(f *testing.F) {
	for _, target := range []string{"/", "/jobs", "/jobs/", "/../.secret", "/%2e%2e/x", "/..%5c.secret", "/jobs/.hidden.html", "//evil.example/", "/a%00b", "http://evil.example/"} {
		f.Add(target, "127.0.0.1:1313")
	}
	f.Add("/", "evil.example")
	site := output.NewMemory()
	files := map[string]string{}
	for name, data := range siteFiles {
		files[name] = data
	}
	files[".git/config"] = "never served"
	files["jobs/.env/index.html"] = "never served"
	files["evil.example/index.html"] = "<body>a folder named like a host</body>"
	for name, data := range files {
		if err := site.WriteFile(name, []byte(data)); err != nil {
			f.Fatal(err)
		}
	}
	if err := site.Commit(); err != nil {
		f.Fatal(err)
	}
	s := New(site, Options{Bind: "127.0.0.1"})
	f.Fuzz(func(t *testing.T, target, host string) {
		raw := "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n"
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil {
			return // net/http answers 400 before any handler runs
		}
		// An event stream lasts as long as its request: end it at once.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		r = r.WithContext(ctx)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)

		body := w.Body.String()
		if strings.Contains(body, "never served") {
			t.Fatalf("GET %q (Host %q) served a hidden file: %d %q", target, host, w.Code, body)
		}
		if !s.hosts[hostname(r.Host)] {
			if w.Code != http.StatusForbidden {
				t.Fatalf("GET %q with the foreign Host %q: status %d, want 403", target, r.Host, w.Code)
			}
			return
		}
		switch w.Code {
		case http.StatusOK:
			checkServed(t, r.URL.Path)
		case http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
			checkRedirect(t, r.URL, w.Header().Get("Location"))
		case http.StatusNotFound, http.StatusForbidden, http.StatusMethodNotAllowed, http.StatusBadRequest:
			// 400: net/http's ServeMux refuses a target such as "*".
		default:
			t.Fatalf("GET %q: unexpected status %d", target, w.Code)
		}
	})
}

// checkServed fails unless the path served with 200 names a safe file.
func checkServed(t *testing.T, p string) {
	t.Helper()
	if p == eventsPath || p == scriptPath {
		return
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		t.Fatalf("served %q, which is not a valid path in the output", p)
	}
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			t.Fatalf("served %q, which has the dot segment %q", p, seg)
		}
	}
}

// checkRedirect fails unless Location, resolved against the request URL,
// stays on the same host with the same (or no) scheme.
func checkRedirect(t *testing.T, req *url.URL, location string) {
	t.Helper()
	// Browsers read "\" in a path as "/", so "/\evil" is "//evil": another
	// host. A query or fragment cannot lead elsewhere.
	p, _, _ := strings.Cut(location, "?")
	p, _, _ = strings.Cut(p, "#")
	if strings.HasPrefix(p, "//") || strings.HasPrefix(p, `/\`) || strings.ContainsAny(p, "\\\x00") {
		t.Fatalf("redirect from %q to %q could leave the site", req, location)
	}
	ref, err := url.Parse(p)
	if err != nil {
		t.Fatalf("redirect from %q to %q, whose path is invalid: %v", req, location, err)
	}
	if ref.Scheme != "" || ref.Host != "" {
		t.Fatalf("redirect from %q to %q names a scheme or host", req, location)
	}
}
