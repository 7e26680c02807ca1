package assets

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/output"
)

func rel(p string) string { return "/base" + p }

// TestLoad: the theme's files, then the site's over them by path, and the
// syntax stylesheet; CSS and JavaScript minified under fingerprinted names,
// every other file as it is; what templates see of each.
func TestLoad(t *testing.T) {
	theme := fstest.MapFS{
		"assets/css/site.css": {Data: []byte("body {\n  color: red;\n}\n")},
		"assets/logo.svg":     {Data: []byte("<svg/>")},
	}
	site := fstest.MapFS{
		"assets/css/site.css": {Data: []byte("body {\n  color: blue;\n}\n")},
		"assets/CNAME":        {Data: []byte("example.org")},
	}
	s, err := Load(t.Context(), site, theme, rel, output.NewMinifier())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(s.Names(), " "), "CNAME css/site.css css/syntax.css logo.svg"; got != want {
		t.Fatalf("Names() = %q, want %q", got, want)
	}
	css := s.File("css/site.css")
	if !regexp.MustCompile(`^css/site\.[0-9a-f]{8}\.css$`).MatchString(css.Out) {
		t.Errorf("css/site.css is published as %q, want a fingerprinted name", css.Out)
	}
	if !strings.Contains(string(css.Data), "blue") || strings.Contains(string(css.Data), "\n") {
		t.Errorf("css/site.css = %q, want the site's, minified", css.Data)
	}
	if logo := s.File("logo.svg"); logo.Out != "logo.svg" || string(logo.Data) != "<svg/>" {
		t.Errorf("logo.svg = %q as %q, want the theme's as it is", logo.Data, logo.Out)
	}
	if s.File(SyntaxCSS) == nil {
		t.Errorf("no %s", SyntaxCSS)
	}
	a, err := s.Lookup("./css/../css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "/base/"+css.Out || !strings.HasPrefix(a.Integrity, "sha384-") {
		t.Errorf("Lookup = %+v, want the URL of %s and an sha384 integrity", a, css.Out)
	}
	if _, err := s.Lookup("css/missing.css"); err == nil || err.Error() != `asset "css/missing.css" not found in assets/` {
		t.Errorf("Lookup(css/missing.css) = %v", err)
	}
}

// TestLoadBrokenScript: a script that cannot be parsed is an error at its
// line and column; the other assets are still returned.
func TestLoadBrokenScript(t *testing.T) {
	site := fstest.MapFS{
		"assets/js/broken.js": {Data: []byte("const ok = 1;\nlet x = ;\n")},
		"assets/js/ok.js":     {Data: []byte("const ok = 1;\n")},
	}
	s, err := Load(t.Context(), site, nil, rel, output.NewMinifier())
	if err == nil || err.Error() != "assets/js/broken.js:2:9: unexpected ; in expression" {
		t.Errorf("err = %v, want assets/js/broken.js:2:9: unexpected ; in expression", err)
	}
	if s.File("js/broken.js") != nil || s.File("js/ok.js") == nil {
		t.Errorf("Names() = %q, want js/ok.js and not js/broken.js", s.Names())
	}
}
