package quality

import (
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
)

// staticHost serves the output folder root the way GitHub Pages, Netlify and
// Cloudflare Pages do: a folder's index.html for its URL, and 404.html with
// status 404 for a path that has no file. root may not exist yet.
func staticHost(root string) http.Handler {
	fsys := os.DirFS(root)
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" {
			name = "."
		}
		if _, err := fs.Stat(fsys, name); err != nil {
			notFound(w, fsys)
			return
		}
		files.ServeHTTP(w, r)
	})
}

func notFound(w http.ResponseWriter, fsys fs.FS) {
	body, err := fs.ReadFile(fsys, "404.html")
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(body)
}
