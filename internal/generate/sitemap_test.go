package generate

import (
	"slices"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/model"
)

// TestRedatedSitemaps: after pages' dates change in place, RedatedSitemaps
// makes again exactly the sitemap files whose bytes changed, the URL of
// the page, the lists without dates of their own that hold it, and the
// indexes above them, byte for byte as the sitemap files made afresh; the
// others it leaves.
func TestRedatedSitemaps(t *testing.T) {
	links, err := model.NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	var sites []*model.Site
	var pages []*model.Page
	var jobs []*model.Page // by language
	for _, lang := range []string{"en", "de"} {
		s := &model.Site{Language: lang}
		sites = append(sites, s)
		// The list sorts after its pages and the dated section.
		list := &model.Page{Kind: model.KindSection, Site: s, Permalink: "https://example.org/" + lang + "/work/"}
		for i, name := range []string{"a", "b", "c", "d", "e"} {
			p := &model.Page{Kind: model.KindPage, Site: s, Permalink: "https://example.org/" + lang + "/jobs/" + name + "/", Lastmod: day(i + 1)}
			list.Pages = append(list.Pages, p)
			pages = append(pages, p)
		}
		dated := &model.Page{Kind: model.KindSection, Site: s, Permalink: "https://example.org/" + lang + "/news/", Lastmod: day(9)}
		pages = append(pages, list, dated)
		jobs = append(jobs, list.Pages[1])
	}
	for _, c := range []struct {
		what   string
		sites  []*model.Site
		limit  int
		moved  []*model.Page
		redone []string
	}{
		{"one file", sites[:1], 0, jobs[:1], []string{"sitemap.xml"}},
		{"an index", sites[:1], 3, jobs[:1], []string{"sitemap-1.xml", "sitemap-3.xml", "sitemap.xml"}},
		// en/jobs/b/ is in en/sitemap-1.xml, en/work/ in en/sitemap-3.xml.
		{"languages", sites, 3, jobs[:1], []string{"en/sitemap-1.xml", "en/sitemap-3.xml", "en/sitemap.xml", "sitemap.xml"}},
		{"two languages", sites, 0, jobs, []string{"de/sitemap.xml", "en/sitemap.xml", "sitemap.xml"}},
	} {
		t.Run(c.what, func(t *testing.T) {
			var of []*model.Page
			for _, p := range pages {
				if slices.Contains(c.sites, p.Site) {
					of = append(of, p)
				}
			}
			files := SitemapFiles(c.sites, of, links, c.limit)
			for _, p := range c.moved {
				before := p.Lastmod
				p.Lastmod = day(20)
				defer func() { p.Lastmod = before }()
			}
			again := RedatedSitemaps(files)
			var redone []string
			for _, f := range again {
				redone = append(redone, f.Name)
				i := slices.IndexFunc(files, func(g File) bool { return g.Name == f.Name })
				files[i] = f
			}
			if !slices.Equal(redone, c.redone) {
				t.Errorf("made again %q, want %q", redone, c.redone)
			}
			fresh := SitemapFiles(c.sites, of, links, c.limit)
			if len(fresh) != len(files) {
				t.Fatalf("%d files, want %d", len(files), len(fresh))
			}
			for i, f := range files {
				got, err := f.Make()
				if err != nil {
					t.Fatal(err)
				}
				want, err := fresh[i].Make()
				if err != nil {
					t.Fatal(err)
				}
				if f.Name != fresh[i].Name || string(got) != string(want) {
					t.Errorf("%s:\n%s\nwant %s:\n%s", f.Name, got, fresh[i].Name, want)
				}
			}
			if len(RedatedSitemaps(files)) > 0 {
				t.Error("files made again, when no date changed")
			}
		})
	}
}

// TestMovedSitemaps: after a page moved to another URL, MovedSitemaps
// makes again the one sitemap file, byte for byte as SitemapFiles makes
// it afresh, the page in its new place by URL; it makes nothing when the
// page is hidden from the sitemap, and leaves an index of files, or a
// page with translations, to SitemapFiles.
func TestMovedSitemaps(t *testing.T) {
	links, err := model.NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	s := &model.Site{Language: "en"}
	var pages []*model.Page
	for i, name := range []string{"a", "b", "c", "d"} {
		pages = append(pages, &model.Page{Kind: model.KindPage, Site: s, Permalink: "https://example.org/jobs/" + name + "/", Lastmod: time.Date(2025, 3, i+1, 0, 0, 0, 0, time.UTC)})
	}
	files := SitemapFiles([]*model.Site{s}, pages, links, 0)
	p := pages[1]
	old := p.Permalink
	p.Permalink = "https://example.org/jobs/z/"
	moved, ok := MovedSitemaps(files, p, old)
	if !ok || len(moved) != 1 {
		t.Fatalf("MovedSitemaps = %d files, %v; want one", len(moved), ok)
	}
	want, _ := SitemapFiles([]*model.Site{s}, pages, links, 0)[0].Sitemap.Encode()
	got, _ := moved[0].Sitemap.Encode()
	if moved[0].Name != "sitemap.xml" || string(got) != string(want) {
		t.Errorf("%s is\n%s\nwant\n%s", moved[0].Name, got, want)
	}
	if again, ok := MovedSitemaps(files, &model.Page{Permalink: "https://example.org/elsewhere/"}, "https://example.org/hidden/"); !ok || len(again) != 0 {
		t.Errorf("a page the sitemap does not list: %d files, %v; want none, true", len(again), ok)
	}
	if _, ok := MovedSitemaps(SitemapFiles([]*model.Site{s}, pages, links, 2), p, old); ok {
		t.Error("an index of sitemap files is moved in")
	}
	translated := *p
	translated.AllTranslations = []*model.Page{p, pages[0]}
	if _, ok := MovedSitemaps(files, &translated, old); ok {
		t.Error("a page with translations is moved in")
	}
}
