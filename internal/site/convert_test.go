package site

import (
	"context"
	"path/filepath"
	"testing"
)

// TestMarkdownLetGo builds a site whose pages have a shortcode, an image
// and neither: a Builder that builds once holds the Markdown of no body
// afterwards, while a session keeps the bodies with shortcodes or images,
// which convert again when what those read changes.
func TestMarkdownLetGo(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	files := map[string]string{
		"site.yaml":                         "title: T\nimages:\n  widths: [16]\n",
		"layouts/_default/home.html":        "home",
		"layouts/_default/404.html":         "not found",
		"layouts/_default/section.html":     "section",
		"layouts/_default/single.html":      "{{ .Content }}",
		"layouts/shortcodes/note.html":      "<aside>{{ .Get 0 }}</aside>",
		"layouts/_markup/render-image.html": `{{ with .Image }}<img src="{{ .URL }}">{{ end }}`,
		"content/guides/shortcode.md":       "---\ntitle: S\ndate: 2026-01-02\n---\n{{< note \"hi\" >}}\n",
		"content/guides/image/index.md":     "---\ntitle: I\ndate: 2026-01-02\n---\n![A chart](chart.png)\n",
		"content/guides/plain.md":           "---\ntitle: P\ndate: 2026-01-02\n---\nNo shortcode.\n",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), []byte(data))
	}
	writeFile(t, filepath.Join(src, "content/guides/image/chart.png"), fixtureImage(t, "png 12x12"))
	opts := Options{Source: src, Dest: filepath.Join(dir, "public"), Now: testNow, Theme: imageHookTheme(t)}

	once := buildOnceWith(t, opts)
	for p, s := range once.sources {
		if s.Page != nil && s.Page.Body != nil {
			t.Errorf("once: %s keeps its Markdown (%d bytes) after the build", p, len(s.Page.Body))
		}
	}

	session, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := session.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	kept := map[string]bool{"content/guides/shortcode.md": true, "content/guides/image/index.md": true}
	for p, s := range session.sources {
		if s.Page == nil {
			continue
		}
		if got := s.Page.Body != nil; got != kept[p] {
			t.Errorf("session: %s keeps its Markdown: %v, want %v", p, got, kept[p])
		}
	}
}
