// Package server is the preview server of `careersite serve`: it serves the
// current Tree of an output.Memory over HTTP and tells the open pages about
// every rebuild over Server-Sent Events.
//
// Each request passes these steps in order:
//
//  1. Host. The Host header, port aside, must be the bound host, localhost,
//     127.0.0.1 or ::1, or one of Options.AllowedHosts; anything else gets
//     status 403. This defeats DNS rebinding: a foreign page whose name is
//     made to resolve to 127.0.0.1 still sends its own name as Host.
//  2. Path. A path that, percent-decoded, has a segment beginning with "."
//     (dot-files, "." and "..") or holds a backslash or a NUL gets the 404
//     page — never a redirect to a cleaned path: /../x, /%2e%2e/x, /..%5cx
//     and /.git/config are all simply not found.
//  3. Every response carries Cache-Control: no-store, so that going back to
//     a page or reloading it shows the current build, never a cached one.
//  4. /_careersite/events is the event stream and /_careersite/live.js its
//     client. The stream refuses (403) a request whose Origin is sent and is
//     not this server's own origin.
//  5. Any other path names a file of the Tree: "/" and "/jobs/" serve the
//     index.html in that folder; "/jobs" redirects to "/jobs/" when that
//     folder has an index.html; a missing file is answered with the Tree's
//     404.html (or a plain page when the site has none) and status 404.
//     Folders are never listed.
//  6. A response whose type is text/html gets
//     <script src="/_careersite/live.js" data-generation="N"></script>
//     before its last </body>, or at its end. The Tree itself is never
//     changed: only the bytes on the wire.
//
// The caller calls Reload after every build. The open pages are then sent
// one event:
//
//   - "error" with the build's error text (one "path:line:col: …" per line)
//     when the build failed. The last good Tree keeps being served, and the
//     client shows the text in an overlay.
//   - "css" with a JSON array of the URLs of the stylesheets that changed,
//     when Build.StyleOnly says that only stylesheets changed in the sources.
//     The client fetches its page again and gives its stylesheet <link>
//     elements the new href and integrity (fingerprinted names change with
//     the content), in place, without reloading.
//   - "reload" when anything else in the Tree changed.
//   - "ok" when nothing changed but the previous build had failed: the
//     client removes the overlay.
//
// Every event carries as its id the generation of the Tree it announces,
// and every page is served with the generation of the last Tree announced
// (data-generation). That is not always the Tree's own: a commit that
// Reload does not follow — serve's second commit, of the feeds and the
// search index (site.Builder.FinishDeferred), which no page shows — is announced to
// nobody, and the page of that Tree is as current as the one before. A page
// that connects is first sent "hello" with the last announced generation
// and reloads when its own differs — it was served just before a rebuild
// and missed its event; then, when the last build failed, the "error"
// event follows at once.
package server

import (
	"context"
	_ "embed"
	"errors"
	"net"
	"net/http"
	"time"

	"github.com/careersite/careersite/internal/output"
)

// Options configure a Server.
type Options struct {
	Bind         string   // the host the server listens on; it is an allowed Host
	AllowedHosts []string // further Host names to allow, as --allowed-hosts lists them
}

// A Server serves an output.Memory; see the package comment.
type Server struct {
	site  *output.Memory
	hosts map[string]bool
	mux   *http.ServeMux
	hub   hub
}

//go:embed live.js
var liveJS []byte

// The paths the server keeps for itself.
const (
	eventsPath = "/_careersite/events"
	scriptPath = "/_careersite/live.js"
)

// New returns a Server of site.
func New(site *output.Memory, opts Options) *Server {
	s := &Server{site: site, hosts: map[string]bool{}, mux: http.NewServeMux()}
	for _, h := range append([]string{opts.Bind, "localhost", "127.0.0.1", "::1"}, opts.AllowedHosts...) {
		h = hostname(h)
		// An unspecified address (0.0.0.0, ::) is no name a browser should use.
		if ip := net.ParseIP(h); h != "" && (ip == nil || !ip.IsUnspecified()) {
			s.hosts[h] = true
		}
	}
	s.hub.clients = map[chan event]struct{}{}
	s.hub.told.Store(site.Tree().Generation())
	s.mux.HandleFunc("GET "+eventsPath, s.events)
	s.mux.HandleFunc("GET "+scriptPath, s.script)
	s.mux.HandleFunc("GET /", s.file)
	return s
}

// ServeHTTP applies the host and path checks, then serves the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !s.hosts[hostname(r.Host)] {
		forbidHost(w, r)
		return
	}
	if unsafePath(r.URL.Path) {
		gen, tree := s.current()
		s.notFound(w, r, gen, tree)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// Serve serves on ln until ctx ends, then shuts down: open event streams
// end with ctx (it is every request's base context), and requests still
// running get a few seconds to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(stop)
	if errors.Is(err, context.DeadlineExceeded) {
		err = srv.Close()
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

func (s *Server) script(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Write(liveJS)
}
