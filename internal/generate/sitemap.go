package generate

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"time"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
)

// maxSitemapURLs is the most URLs one sitemap file may list (sitemaps.org).
// A site with more gets a sitemap index; Sitemaps' limit lowers it for
// tests.
const maxSitemapURLs = 50_000

// sitemapFile is the sitemap, or the sitemap index, at the site's root.
const sitemapFile = "sitemap.xml"

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`

	t time.Time // Lastmod as a time
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// A Sitemap is one sitemap file: a list of pages' URLs, or an index of
// sitemap files.
type Sitemap struct {
	doc  any // urlSet or sitemapIndex
	urls []sitemapURL
}

func newSitemap(doc any, urls []sitemapURL) *Sitemap {
	return &Sitemap{doc: doc, urls: urls}
}

// Encode makes the file.
func (sm *Sitemap) Encode() ([]byte, error) { return encodeXML(sm.doc) }

// Len is the number of URLs the file lists.
func (sm *Sitemap) Len() int { return len(sm.urls) }

// Each calls f with each URL the file lists, as it writes it: its location
// and lastmod, the whole of what the file is made from.
func (sm *Sitemap) Each(f func(loc, lastmod string)) {
	for _, u := range sm.urls {
		f(u.Loc, u.Lastmod)
	}
}

// Sitemaps returns the sitemap files of the site, by output name: with up
// to limit URLs, sitemap.xml alone; with more, sitemap.xml is an index of
// sitemap-1.xml, sitemap-2.xml … of limit URLs each. Every page that is
// written and published is listed, sorted by URL: not the 404 page, not a
// draft (even when --drafts builds it), not a page hidden from the
// sitemap (model.HiddenFrom), not a redirect (those are not in pages).
func Sitemaps(pages []*model.Page, links *model.Linker, limit int) map[string]*Sitemap {
	if limit <= 0 {
		limit = maxSitemapURLs
	}
	var urls []sitemapURL
	// The pagers of a list have its pages and its lastmod: it is worked out
	// once per list, not once per pager, which on a list of n pages with
	// n/page_size pagers would cost the square of n.
	listLastmod := map[*model.Page]time.Time{}
	for _, p := range pages {
		if p.Kind == model.KindNotFound || p.Draft || model.HiddenFrom(p, content.HiddenFromSitemap) {
			continue
		}
		var t time.Time
		if p.Paginator == nil {
			t = lastmod(p)
		} else {
			list := model.PagerPages(p.Paginator)[0]
			var ok bool
			if t, ok = listLastmod[list]; !ok {
				t = lastmod(list)
				listLastmod[list] = t
			}
		}
		urls = append(urls, sitemapURL{Loc: escapeURL(p.Permalink), Lastmod: w3cDate(t), t: t})
	}
	slices.SortFunc(urls, func(a, b sitemapURL) int { return cmp.Compare(a.Loc, b.Loc) })
	files := map[string]*Sitemap{}
	if len(urls) <= limit {
		files[sitemapFile] = newSitemap(urlSet{URLs: urls}, urls)
		return files
	}
	var index sitemapIndex
	for i := 0; i*limit < len(urls); i++ {
		chunk := urls[i*limit : min((i+1)*limit, len(urls))]
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		files[name] = newSitemap(urlSet{URLs: chunk}, chunk)
		t := newestOf(chunk)
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: escapeURL(links.Abs("/" + name)), Lastmod: w3cDate(t), t: t})
	}
	files[sitemapFile] = newSitemap(index, index.Sitemaps)
	return files
}

// lastmod is when page p last changed: its updated, else its date; for a
// list page without dates of its own, the newest of its pages' (or, on a
// taxonomy page, of its terms' pages), drafts left out as in the sitemap.
func lastmod(p *model.Page) time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	var newest time.Time
	consider := func(pages []*model.Page) {
		for _, q := range pages {
			if !q.Draft && q.Lastmod.After(newest) {
				newest = q.Lastmod
			}
		}
	}
	consider(p.Pages)
	if p.Kind == model.KindTaxonomy && p.Taxonomy != nil {
		for _, t := range p.Taxonomy.Terms {
			consider(t.Pages)
		}
	}
	return newest
}

// w3cDate writes t in the W3C Datetime format sitemaps use: the date alone
// when t is midnight (front matter that gave a date, not a time), else the
// full time. The zero time gives "", which leaves lastmod out.
func w3cDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// newestOf returns the latest lastmod of urls.
func newestOf(urls []sitemapURL) time.Time {
	var newest time.Time
	for _, u := range urls {
		if u.t.After(newest) {
			newest = u.t
		}
	}
	return newest
}

// encodeXML writes v as an indented XML document.
func encodeXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Robots is robots.txt: crawlers may read everything and are told where
// the sitemap is; with robots: false in site.yaml (preview deployments),
// nothing under the site's base path. Crawlers read robots.txt only at the
// root of a host, so a site published below a path serves this file to
// them only if the host puts it there.
func Robots(allow bool, links *model.Linker) []byte {
	var b bytes.Buffer
	b.WriteString("User-agent: *\n")
	if allow {
		b.WriteString("Disallow:\n")
	} else {
		fmt.Fprintf(&b, "Disallow: %s\n", escapePath(links.Rel("/")))
	}
	fmt.Fprintf(&b, "\nSitemap: %s\n", escapeURL(links.Abs("/"+sitemapFile)))
	return b.Bytes()
}
