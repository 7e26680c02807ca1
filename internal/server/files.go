package server

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/careersite/careersite/internal/output"
)

// fallback404 is served when the site has no 404.html, for example while
// its first build is failing; the script still goes in, so that the page
// shows the errors and reloads once the site builds.
const fallback404 = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Not found</title>
<body><h1>Not found</h1><p>Nothing is published at this address.</p></body></html>
`

// current returns the generation announced last and the Tree to serve,
// read in that order: Reload announces a Tree only once it is committed,
// so the Tree is never older than the generation a page is stamped with.
// (The other order could stamp a page of the previous Tree with the new
// generation, and that page would never reload.) At worst a page is stamped
// older than its Tree, and reloads once more.
func (s *Server) current() (uint64, *output.Tree) {
	gen := s.hub.told.Load()
	return gen, s.site.Tree()
}

// file serves the Tree's file for the request path.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	gen, tree := s.current()
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := tree.Lookup(name); ok {
		s.write(w, r, gen, name, data, http.StatusOK)
		return
	}
	if _, ok := tree.Lookup(name + "/index.html"); ok {
		// A folder: send the browser to its canonical URL, so that relative
		// links in the page resolve. 302, not 301, because the folder may
		// become a file in the next build and browsers keep 301s.
		http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusFound)
		return
	}
	s.notFound(w, r, gen, tree)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, gen uint64, tree *output.Tree) {
	data, ok := tree.Lookup("404.html")
	if !ok {
		data = []byte(fallback404)
	}
	s.write(w, r, gen, "404.html", data, http.StatusNotFound)
}

// write sends a file, with the live-reload script stamped with gen when it
// is HTML.
func (s *Server) write(w http.ResponseWriter, r *http.Request, gen uint64, name string, data []byte, status int) {
	ctype := contentType(name, data)
	if isHTML(ctype) {
		data = inject(data, gen)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func contentType(name string, data []byte) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

func isHTML(ctype string) bool {
	t, _, err := mime.ParseMediaType(ctype)
	return err == nil && t == "text/html"
}

// inject returns a copy of page with the script tag before its last
// </body>, or at its end when it has none.
func inject(page []byte, generation uint64) []byte {
	tag := `<script src="` + scriptPath + `" data-generation="` + strconv.FormatUint(generation, 10) + `"></script>`
	i := lastIndexFold(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex, ignoring ASCII case.
func lastIndexFold(s []byte, sep string) int {
	b := []byte(sep)
	for i := len(s) - len(b); i >= 0; i-- {
		if s[i] == b[0] && bytes.EqualFold(s[i:i+len(b)], b) {
			return i
		}
	}
	return -1
}
