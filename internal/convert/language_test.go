package convert

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/render"
)

// TestShortcodeLanguage: a shortcode's T is bound to the language of the
// page it is on, and a change of one language's strings makes stale the
// conversions of that language's pages with shortcodes, and no others.
func TestShortcodeLanguage(t *testing.T) {
	words := map[string]string{"en": "Hello", "de": "Hallo"}
	sums := map[string]deps.Digest{"en": deps.HashBytes([]byte("en")), "de": deps.HashBytes([]byte("de"))}
	hi := func(data func() any) any {
		return func(key string) string {
			if l, ok := data().(interface{ LanguageCode() string }); ok {
				return words[l.LanguageCode()]
			}
			return "no language"
		}
	}
	site := fstest.MapFS{"layouts/shortcodes/hi.html": {Data: []byte(`{{ T "hi" }}`)}}
	r, err := render.New(site, nil, template.FuncMap{"T": render.ExecFunc(hi)})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{BaseURL: "https://example.org/", Language: "en"}
	links, err := model.NewLinker(cfg.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	cv := New(site, nil, deps.Digest{}, false)
	cv.Configure(cfg, deps.Digest{}, links)
	cv.SetTemplates(r)
	cv.SetStrings(func(lang string) deps.Digest { return sums[lang] })
	cv.SetData(nil, deps.Digest{})
	cv.SetPages(nil, time.Time{})
	page := func(path, lang, body string) Source {
		return Source{Path: path, Page: &content.Page{Path: path, Body: []byte(body), BodyLine: 1, Language: lang}}
	}
	en := cv.Convert(page("content/a.md", "en", "{{< hi >}}\n"))
	de := cv.Convert(page("content/a.de.md", "de", "{{< hi >}}\n"))
	plain := cv.Convert(page("content/b.de.md", "de", "No shortcode.\n"))
	for _, c := range []*Conversion{en, de, plain} {
		if len(c.Problems()) > 0 {
			t.Fatal(c.Problems())
		}
	}
	for _, tc := range []struct {
		c    *Conversion
		want string
	}{{en, "Hello"}, {de, "Hallo"}} {
		got, err := tc.c.HTML()
		if err != nil || !strings.Contains(string(got), tc.want) {
			t.Errorf("HTML() = %q, %v; want it to say %q", got, err, tc.want)
		}
	}
	sums["de"] = deps.HashBytes([]byte("de, edited"))
	for _, tc := range []struct {
		name string
		c    *Conversion
		want bool
	}{{"English page", en, false}, {"German page", de, true}, {"German page without shortcodes", plain, false}} {
		if got := cv.Stale(tc.c); got != tc.want {
			t.Errorf("%s: Stale after an edit of the German strings = %v, want %v", tc.name, got, tc.want)
		}
	}
}
