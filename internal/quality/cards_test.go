package quality

import (
	"fmt"
	"html"
	"image"
	_ "image/jpeg" // page images
	_ "image/png"  // social cards
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	_ "golang.org/x/image/webp" // page images
)

// metaProperty finds <meta property="og:…" content="…">.
var metaProperty = regexp.MustCompile(`<meta property="(og:image(?::width|:height|:alt)?)" content="([^"]*)"`)

// TestPreviewImages checks the image each page gives link previews: every
// page but a redirect has an og:image with its alt text; one on the site's
// own host is a file of the output whose real size is the og:image:width
// and og:image:height the page states; and job descriptions and role
// guides, which have no image of their own in the example site, share a
// social card, a 1200×630 PNG under /cards/.
func TestPreviewImages(t *testing.T) {
	t.Parallel()
	dir := builtSite(t, linkBaseURL)
	base, err := url.Parse(linkBaseURL)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil || strings.Contains(string(data), `http-equiv="refresh"`) {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		page := "public/" + filepath.ToSlash(rel)
		pages++
		meta := map[string]string{}
		for _, m := range metaProperty.FindAllSubmatch(data, -1) {
			meta[string(m[1])] = html.UnescapeString(string(m[2]))
		}
		if msg := checkPreviewImage(base, dir, meta); msg != "" {
			t.Errorf("%s: %s", page, msg)
		}
		first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if (first == "jobs" || first == "roles") && strings.Count(filepath.ToSlash(rel), "/") == 2 {
			if want := base.Path + "cards/"; !strings.HasPrefix(pathOf(meta["og:image"]), want) ||
				meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" {
				t.Errorf("%s: og:image %s (%s×%s), want a 1200×630 social card under %s",
					page, meta["og:image"], meta["og:image:width"], meta["og:image:height"], want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatal("the output has no pages")
	}
}

// checkPreviewImage returns what is wrong with a page's og:image, or "".
func checkPreviewImage(base *url.URL, dir string, meta map[string]string) string {
	src := meta["og:image"]
	switch {
	case src == "":
		return "no og:image"
	case meta["og:image:alt"] == "":
		return fmt.Sprintf("og:image %s has no og:image:alt", src)
	}
	u, err := url.Parse(src)
	if err != nil || !u.IsAbs() {
		return fmt.Sprintf("og:image %q is not an absolute URL", src)
	}
	if u.Host != base.Host {
		return "" // an image elsewhere: not ours to measure
	}
	name, ok := strings.CutPrefix(u.Path, base.Path)
	if !ok {
		return fmt.Sprintf("og:image %s is outside the base path %s", src, base.Path)
	}
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return fmt.Sprintf("og:image %s is no file of the output", src)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		return fmt.Sprintf("og:image %s: %v", src, err)
	}
	w, h := strconv.Itoa(cfg.Width), strconv.Itoa(cfg.Height)
	if meta["og:image:width"] != w || meta["og:image:height"] != h {
		return fmt.Sprintf("og:image %s is a %s×%s %s, but the page says %s×%s",
			src, w, h, format, meta["og:image:width"], meta["og:image:height"])
	}
	return ""
}

// pathOf is the path of an absolute URL, or "".
func pathOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Path
}
