package quality

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The feed and sitemap checks are tested here on small documents, so that
// they are known to catch what they claim to before the build writes the
// real files.

const goodFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://quality.example/careers/</id>
  <title>Career Atlas</title>
  <updated>2025-06-02T00:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://quality.example/careers/feed.xml"/>
  <link rel="alternate" type="text/html" href="https://quality.example/careers/"/>
  <author><name>Career Atlas editors</name></author>
  <entry>
    <id>https://quality.example/careers/jobs/a/</id>
    <title>A</title>
    <updated>2025-06-02T00:00:00+02:00</updated>
    <link href="https://quality.example/careers/jobs/a/"/>
    <summary type="html">&lt;p&gt;A&lt;/p&gt;</summary>
  </entry>
</feed>`

func TestCheckAtom(t *testing.T) {
	const self = feedBaseURL + "feed.xml"
	tests := []struct {
		name      string
		old, new_ string // replace old in goodFeed with new_
		want      string // a problem that must be reported; "" for none
	}{
		{"valid", "", "", ""},
		{"no declaration", `<?xml version="1.0" encoding="utf-8"?>`, "", ""},
		{"latin-1", `encoding="utf-8"`, `encoding="iso-8859-1"`, `declares encoding "iso-8859-1"`},
		{"rss", `<feed xmlns="http://www.w3.org/2005/Atom">`, `<feed>`, "not an Atom feed"},
		{"no feed id", "<id>https://quality.example/careers/</id>", "", "feed has 0 <id> elements"},
		{"relative id", "<id>https://quality.example/careers/</id>", "<id>/careers/</id>", "not an absolute IRI"},
		{"no feed title", "<title>Career Atlas</title>", "", "feed has 0 <title> elements"},
		{"bad updated", "<updated>2025-06-02T00:00:00Z</updated>", "<updated>2025-06-02</updated>", "not an RFC 3339 date-time"},
		{"no self", `rel="self"`, `rel="related"`, `no <link rel="self"`},
		{"relative link", `href="https://quality.example/careers/jobs/a/"`, `href="/jobs/a/"`, "not an absolute URL under --base-url"},
		{"no entry link", `<link href="https://quality.example/careers/jobs/a/"/>`, "", `entry 1 ("A") has no <link rel="alternate"`},
		{"no entry id", "<id>https://quality.example/careers/jobs/a/</id>", "", `entry 1 ("A") has 0 <id> elements`},
		{"no entry title", "<title>A</title>", "", "entry 1 has 0 <title> elements"},
		{"empty entry title", "<title>A</title>", "<title> </title>", "title is empty"},
		{"no entry updated", "<updated>2025-06-02T00:00:00+02:00</updated>", "", `entry 1 ("A") has 0 <updated> elements`},
		{"no author anywhere", "<author><name>Career Atlas editors</name></author>", "", "has no <author>, and neither has the feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := goodFeed
			if tt.old != "" {
				if !strings.Contains(feed, tt.old) {
					t.Fatalf("test case: %q is not in the feed", tt.old)
				}
				feed = strings.Replace(feed, tt.old, tt.new_, 1)
			}
			problems := checkAtom([]byte(feed), self)
			if tt.want == "" {
				if len(problems) > 0 {
					t.Errorf("checkAtom(valid feed) = %q, want no problems", problems)
				}
				return
			}
			if !containsProblem(problems, tt.want) {
				t.Errorf("checkAtom = %q, want a problem containing %q", problems, tt.want)
			}
		})
	}
}

const goodSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://quality.example/careers/</loc><lastmod>2025-06-02</lastmod></url>
  <url><loc>https://quality.example/careers/jobs/a/</loc><lastmod>2025-06-02T10:00:00+01:00</lastmod><changefreq>weekly</changefreq><priority>0.5</priority></url>
</urlset>`

func TestCheckSitemap(t *testing.T) {
	tests := []struct {
		name      string
		old, new_ string
		want      string
	}{
		{"valid", "", "", ""},
		{"no namespace", ` xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`, "", "namespace"},
		{"relative loc", "<loc>https://quality.example/careers/jobs/a/</loc>", "<loc>/careers/jobs/a/</loc>", "not an absolute URL"},
		{"other host", "<loc>https://quality.example/careers/jobs/a/</loc>", "<loc>https://other.example/jobs/a/</loc>", "not under --base-url"},
		{"missing page", "careers/jobs/a/", "careers/jobs/b/", "no such page"},
		{"404 page", "careers/jobs/a/", "careers/404.html", "the 404 page"},
		{"alias", "careers/jobs/a/", "careers/old/", "is a redirect"},
		{"twice", "careers/jobs/a/", "careers/", "listed twice"},
		{"bad lastmod", "<lastmod>2025-06-02</lastmod>", "<lastmod>02/06/2025</lastmod>", "not a W3C Datetime"},
		{"lastmod without zone", "<lastmod>2025-06-02</lastmod>", "<lastmod>2025-06-02T10:00:00</lastmod>", "not a W3C Datetime"},
		{"impossible date", "<lastmod>2025-06-02</lastmod>", "<lastmod>2025-13-02</lastmod>", "not a real date"},
		{"changefreq", "weekly", "fortnightly", "<changefreq>"},
		{"priority", "0.5", "1.5", "<priority>"},
		{"empty", "<url><loc>https://quality.example/careers/</loc><lastmod>2025-06-02</lastmod></url>\n  <url><loc>https://quality.example/careers/jobs/a/</loc><lastmod>2025-06-02T10:00:00+01:00</lastmod><changefreq>weekly</changefreq><priority>0.5</priority></url>", "", "lists no URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sitemap := goodSitemap
			if tt.old != "" {
				if !strings.Contains(sitemap, tt.old) {
					t.Fatalf("test case: %q is not in the sitemap", tt.old)
				}
				sitemap = strings.Replace(sitemap, tt.old, tt.new_, 1)
			}
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{
				"sitemap.xml":       sitemap,
				"index.html":        "<!DOCTYPE html><title>home</title>",
				"jobs/a/index.html": "<!DOCTYPE html><title>a</title>",
				"old/index.html":    `<!DOCTYPE html><meta http-equiv="refresh" content="0; url=/careers/jobs/a/">`,
				"404.html":          "<!DOCTYPE html><title>404</title>",
			})
			_, problems := checkSitemap(dir, "sitemap.xml")
			if tt.want == "" {
				if len(problems) > 0 {
					t.Errorf("checkSitemap(valid sitemap) = %q, want no problems", problems)
				}
				return
			}
			if !containsProblem(problems, tt.want) {
				t.Errorf("checkSitemap = %q, want a problem containing %q", problems, tt.want)
			}
		})
	}
}

func TestCheckSitemapIndex(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://quality.example/careers/sitemap-1.xml</loc><lastmod>2025-06-02</lastmod></sitemap>
</sitemapindex>`,
	})
	nested, problems := checkSitemap(dir, "sitemap.xml")
	if len(problems) > 0 || len(nested) != 1 || nested[0] != "sitemap-1.xml" {
		t.Errorf("checkSitemap(index) = %q, %q; want [sitemap-1.xml], no problems", nested, problems)
	}
}

func containsProblem(problems []string, want string) bool {
	for _, p := range problems {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
