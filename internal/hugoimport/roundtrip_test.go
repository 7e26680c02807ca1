package hugoimport

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// TestRoundTrip builds testdata/roundtrip/site.txtar with Hugo (Debian's
// hugo, 0.111) and, imported, with careersite: every HTML page Hugo
// publishes (pages, lists, alias redirects) must be one careersite
// publishes, and the import's URL check must list exactly the pages Hugo
// published, not its redirects. Without hugo it is skipped, unless
// CAREERSITE_REQUIRE_TOOLS is set, as CI sets it.
func TestRoundTrip(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		if os.Getenv("CAREERSITE_REQUIRE_TOOLS") != "" {
			t.Fatal("hugo is not installed (apt-get install hugo) and CAREERSITE_REQUIRE_TOOLS is set")
		}
		t.Skip("hugo is not installed (apt-get install hugo); set CAREERSITE_REQUIRE_TOOLS=1 to fail instead")
	}
	ar, err := txtar.ParseFile("testdata/roundtrip/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	src := filepath.Join(tmp, "hugo")
	for _, f := range ar.Files {
		writeTestFile(t, filepath.Join(src, filepath.FromSlash(f.Name)), f.Data)
	}
	now := time.Now()
	// Hugo writes .hugo_build.lock into its source: build from a copy, so
	// that the import reads the site as it was written.
	hugoSrc := filepath.Join(tmp, "hugo-build")
	if err := os.CopyFS(hugoSrc, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	hugoOut := filepath.Join(tmp, "hugo-public")
	if out, err := exec.Command(hugo, "--source", hugoSrc, "--destination", hugoOut, "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	dest := filepath.Join(tmp, "careersite")
	rep, err := Import(context.Background(), Options{Source: src, Dest: dest, Theme: careersite.Theme(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ourOut := filepath.Join(tmp, "careersite-public")
	if _, err := site.Build(context.Background(), site.Options{Source: dest, Dest: ourOut, Theme: careersite.Theme(), Now: now}); err != nil {
		t.Fatalf("careersite build of the import: %v", err)
	}

	hugoPages, redirects := htmlURLs(t, hugoOut)
	ours, ourRedirects := htmlURLs(t, ourOut)
	ours = append(ours, ourRedirects...)
	for _, u := range append(slices.Clone(hugoPages), redirects...) {
		if !slices.Contains(ours, u) {
			t.Errorf("Hugo publishes %s, careersite does not", u)
		}
	}
	// The references of posts/sluggy.md (ref by name, by folder, to a
	// fragment, relref to a list page) must link where Hugo's do.
	page := "2024/12/a-slug/index.html"
	ourPage, err := os.ReadFile(filepath.Join(ourOut, page))
	if err != nil {
		t.Fatal(err)
	}
	hugoPage, err := os.ReadFile(filepath.Join(hugoOut, page))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range hrefs.FindAllString(string(hugoPage), -1) {
		if !strings.Contains(string(ourPage), m) {
			t.Errorf("Hugo's %s links %s, careersite's does not", page, m)
		}
	}

	var checked []string
	for _, u := range rep.URLs {
		checked = append(checked, u.Hugo)
		if u.Status == URLLost {
			t.Errorf("the import reports %s lost: %s", u.Hugo, u.Why)
		}
	}
	slices.Sort(checked)
	if !slices.Equal(checked, hugoPages) {
		t.Errorf("the import checked the URLs\n%s\nHugo published the pages\n%s", strings.Join(checked, "\n"), strings.Join(hugoPages, "\n"))
	}
}

// hrefs finds the links of a page.
var hrefs = regexp.MustCompile(`href="[^"]*"`)

func writeTestFile(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

// htmlURLs returns the URLs of the HTML pages under dir, sorted: pages,
// and the redirects Hugo writes for aliases (a meta refresh).
func htmlURLs(t *testing.T, dir string) (pages, redirects []string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		u := "/" + filepath.ToSlash(rel)
		if path.Base(u) == "index.html" {
			u = strings.TrimSuffix(u, "index.html")
		}
		data, err := os.ReadFile(p)
		if strings.Contains(string(data), `http-equiv="refresh"`) {
			redirects = append(redirects, u)
		} else {
			pages = append(pages, u)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	slices.Sort(redirects)
	return pages, redirects
}
