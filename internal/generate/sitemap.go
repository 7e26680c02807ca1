package generate

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"maps"
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
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"` // set when a URL has alternates
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string      `xml:"loc"`
	Lastmod    string      `xml:"lastmod,omitempty"`
	Alternates []alternate `xml:"xhtml:link"`

	t    time.Time   // Lastmod as a time
	from *model.Page // in a list of pages, the page whose lastmod it has (a pager's list)
	of   *Sitemap    // in an index, the file it lists
}

// alternate is an <xhtml:link> of a sitemap URL: the page in one of its
// languages (Google's way of listing translations in a sitemap).
type alternate struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// xhtmlNS is the namespace of <xhtml:link>.
const xhtmlNS = "http://www.w3.org/1999/xhtml"

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// A Sitemap is one sitemap file: a list of pages' URLs, or an index of
// sitemap files.
type Sitemap struct {
	urls  []sitemapURL
	index bool
}

// Encode makes the file.
func (sm *Sitemap) Encode() ([]byte, error) {
	if sm.index {
		return encodeXML(sitemapIndex{Sitemaps: sm.urls})
	}
	return encodeXML(newURLSet(sm.urls))
}

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
	return sitemapsIn("", pages, links, limit)
}

// sitemapsIn is Sitemaps with every file in the folder dir ("" or "de/").
func sitemapsIn(dir string, pages []*model.Page, links *model.Linker, limit int) map[string]*Sitemap {
	if limit <= 0 {
		limit = maxSitemapURLs
	}
	var urls []sitemapURL
	// The pagers of a list have its pages and its lastmod: it is worked out
	// once per list, not once per pager, which on a list of n pages with
	// n/page_size pagers would cost the square of n.
	r := &redater{lists: map[*model.Page]time.Time{}}
	for _, p := range pages {
		if p.Kind == model.KindNotFound || p.Draft || model.HiddenFrom(p, content.HiddenFromSitemap) {
			continue
		}
		from := p
		if p.Paginator != nil {
			from = model.PagerPages(p.Paginator)[0]
		}
		t := r.lastmod(from)
		urls = append(urls, sitemapURL{Loc: escapeURL(p.Permalink), Lastmod: w3cDate(t), Alternates: alternates(p), t: t, from: from})
	}
	slices.SortFunc(urls, func(a, b sitemapURL) int { return cmp.Compare(a.Loc, b.Loc) })
	files := map[string]*Sitemap{}
	if len(urls) <= limit {
		files[dir+sitemapFile] = &Sitemap{urls: urls}
		return files
	}
	index := &Sitemap{index: true}
	for i := 0; i*limit < len(urls); i++ {
		chunk := urls[i*limit : min((i+1)*limit, len(urls))]
		name := dir + fmt.Sprintf("sitemap-%d.xml", i+1)
		files[name] = &Sitemap{urls: chunk}
		index.urls = append(index.urls, indexEntry(name, files[name], links))
	}
	files[dir+sitemapFile] = index
	return files
}

// LanguageSitemaps are the sitemap files of a site of several languages,
// as Hugo makes them: each language's sitemap (or sitemap index, past
// limit URLs) in its own folder, "en/sitemap.xml", "de/sitemap.xml", the
// default language's too, each URL with an <xhtml:link> for each of its
// translations and itself; and at the root sitemap.xml, an index of them.
func LanguageSitemaps(sites []*model.Site, pages []*model.Page, links *model.Linker, limit int) map[string]*Sitemap {
	bySite := map[*model.Site][]*model.Page{}
	for _, p := range pages {
		bySite[p.Site] = append(bySite[p.Site], p)
	}
	files := map[string]*Sitemap{}
	index := &Sitemap{index: true}
	for _, s := range sites {
		dir := s.Language + "/"
		own := sitemapsIn(dir, bySite[s], links, limit)
		maps.Copy(files, own)
		index.urls = append(index.urls, indexEntry(dir+sitemapFile, own[dir+sitemapFile], links))
	}
	files[sitemapFile] = index
	return files
}

// indexEntry is the entry of a sitemap index for sm, the file name: its
// lastmod is the newest of the URLs sm lists.
func indexEntry(name string, sm *Sitemap, links *model.Linker) sitemapURL {
	t := newestOf(sm.urls)
	return sitemapURL{Loc: escapeURL(links.Abs("/" + name)), Lastmod: w3cDate(t), t: t, of: sm}
}

// redater makes sitemaps again with the lastmods their pages have now
// (redate), each file once and each list's lastmod once.
type redater struct {
	done  map[*Sitemap]*Sitemap
	lists map[*model.Page]time.Time
}

// redate returns sm with the lastmods its URLs have now: sm itself when
// none changed, else a new Sitemap (sm may be being encoded). An index's
// URLs have the newest lastmod of the files they list, made again first.
func (r *redater) redate(sm *Sitemap) *Sitemap {
	if again, ok := r.done[sm]; ok {
		return again
	}
	var urls []sitemapURL // a copy of sm.urls once one changed
	for i, u := range sm.urls {
		var t time.Time
		if u.of != nil {
			of := r.redate(u.of)
			if of == u.of {
				continue
			}
			u.of, t = of, newestOf(of.urls)
		} else {
			t = r.lastmod(u.from)
		}
		// == and not Equal: the same instant in another zone is
		// written otherwise.
		if t == u.t && u.of == sm.urls[i].of {
			continue
		}
		if urls == nil {
			urls = slices.Clone(sm.urls)
		}
		u.t, u.Lastmod = t, w3cDate(t)
		urls[i] = u
	}
	again := sm
	if urls != nil {
		again = &Sitemap{urls: urls, index: sm.index}
	}
	r.done[sm] = again
	return again
}

// lastmod is lastmod(p), worked out once per list page.
func (r *redater) lastmod(p *model.Page) time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	t, ok := r.lists[p]
	if !ok {
		t = lastmod(p)
		r.lists[p] = t
	}
	return t
}

// newURLSet is a sitemap of urls, with the xhtml namespace when some URL
// has alternates.
func newURLSet(urls []sitemapURL) urlSet {
	set := urlSet{URLs: urls}
	if slices.ContainsFunc(urls, func(u sitemapURL) bool { return len(u.Alternates) > 0 }) {
		set.XHTML = xhtmlNS
	}
	return set
}

// alternates are the <xhtml:link> elements of page p: one for the page in
// each language that has it, itself included, none when no other has it.
func alternates(p *model.Page) []alternate {
	var out []alternate
	for _, t := range p.AllTranslations {
		out = append(out, alternate{Rel: "alternate", HrefLang: t.Language.Code, Href: escapeURL(t.Permalink)})
	}
	return out
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

// MovedSitemaps returns the sitemap file among files that lists page p at
// the permalink old, made again with p at its permalink now, in its place
// by URL, and true: what SitemapFiles would make of the pages after p
// moved to another URL and nothing else changed (model.MoveURL). Nothing
// when no file lists p (it is hidden from the sitemap). False when more
// than one file may change: the sitemap is an index of files, or p has
// translations, whose alternates list it; then SitemapFiles makes them
// all again.
func MovedSitemaps(files []File, p *model.Page, old string) ([]File, bool) {
	if len(p.AllTranslations) > 0 {
		return nil, false
	}
	var at *File
	for i, f := range files {
		switch {
		case f.Sitemap == nil:
		case f.Sitemap.index || at != nil:
			return nil, false
		default:
			at = &files[i]
		}
	}
	if at == nil {
		return nil, true
	}
	byLoc := func(u sitemapURL, loc string) int { return cmp.Compare(u.Loc, loc) }
	i, found := slices.BinarySearchFunc(at.Sitemap.urls, escapeURL(old), byLoc)
	if !found {
		return nil, true
	}
	u := at.Sitemap.urls[i]
	u.Loc = escapeURL(p.Permalink)
	urls := slices.Delete(slices.Clone(at.Sitemap.urls), i, i+1)
	j, _ := slices.BinarySearchFunc(urls, u.Loc, byLoc)
	urls = slices.Insert(urls, j, u)
	return []File{sitemapFileOf(at.Name, &Sitemap{urls: urls})}, true
}
