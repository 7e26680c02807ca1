package content

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"words", "Back-End Developer!", "back-end-developer"},
		{"accents", "Café", "café"},
		{"runs of punctuation", "C++ / C# Developer", "c-c-developer"},
		{"dots", "Node.js", "node-js"},
		{"underscores", "snake_case_name", "snake-case-name"},
		{"digits", "ISO 27001 Lead Auditor", "iso-27001-lead-auditor"},
		{"trimmed", "  --Hello--  ", "hello"},
		{"non-Latin", "Инженер данных", "инженер-данных"},
		{"CJK", "数据 工程师", "数据-工程师"},
		{"combining mark", "Cafe\u0301 au lait", "cafe\u0301-au-lait"},
		{"empty", "", ""},
		{"only punctuation", "!?", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("%s: Slugify(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestPageURL(t *testing.T) {
	tests := []struct {
		name string
		path string
		fm   FrontMatter
		want string
	}{
		{"page", "content/jobs/back-end-developer.md", FrontMatter{}, "/jobs/back-end-developer/"},
		{"section", "content/jobs/_index.md", FrontMatter{}, "/jobs/"},
		{"home", "content/_index.md", FrontMatter{}, "/"},
		{"root page", "content/about.md", FrontMatter{}, "/about/"},
		{"leaf bundle", "content/guides/x/index.md", FrontMatter{}, "/guides/x/"},
		{"nested", "content/guides/a/b.md", FrontMatter{}, "/guides/a/b/"},
		{"names kept as written", "content/Jobs/Back End.md", FrontMatter{}, "/Jobs/Back End/"},
		{"slug", "content/jobs/x.md", FrontMatter{Slug: "y"}, "/jobs/y/"},
		{"slug on a root page", "content/about.md", FrontMatter{Slug: "team"}, "/team/"},
		{"slug on a section", "content/jobs/_index.md", FrontMatter{Slug: "careers"}, "/careers/"},
		{"slug on a leaf bundle", "content/guides/x/index.md", FrontMatter{Slug: "y"}, "/guides/y/"},
		{"url", "content/jobs/x.md", FrontMatter{URL: "/elsewhere/page"}, "/elsewhere/page/"},
		{"url wins over slug", "content/jobs/x.md", FrontMatter{URL: "/a/", Slug: "b"}, "/a/"},
		{"url with extension", "content/feed.md", FrontMatter{URL: "/feed.xml"}, "/feed.xml"},
		{"url html", "content/x.md", FrontMatter{URL: "/old/page.html"}, "/old/page.html"},
		{"url cleaned", "content/x.md", FrontMatter{URL: "//a/./b//"}, "/a/b/"},
		{"url root", "content/x.md", FrontMatter{URL: "/"}, "/"},
	}
	for _, tt := range tests {
		got, err := PageURL(tt.path, tt.fm)
		if err != nil || got != tt.want {
			t.Errorf("%s: PageURL(%q, slug %q, url %q) = %q, %v, want %q", tt.name, tt.path, tt.fm.Slug, tt.fm.URL, got, err, tt.want)
		}
	}
}

func TestPageURLErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		fm   FrontMatter
		want string
	}{
		{"slug with slash", "content/jobs/x.md", FrontMatter{Slug: "a/b"}, `slug: must not contain "/" or "\", got "a/b"`},
		{"slug dot-dot", "content/jobs/x.md", FrontMatter{Slug: ".."}, `slug: must not be "." or "..", got ".."`},
		{"slug on home", "content/_index.md", FrontMatter{Slug: "x"}, "slug: cannot be set on the home page"},
		{"relative url", "content/x.md", FrontMatter{URL: "jobs/x/"}, `url: must start with "/", got "jobs/x/"`},
		{"url escapes", "content/x.md", FrontMatter{URL: "/a/../../etc/"}, `url: must not contain ".." segments, got "/a/../../etc/"`},
		{"url backslash", "content/x.md", FrontMatter{URL: `/a\b/`}, `url: must be a path without "\", "?" or "#", got "/a\\b/"`},
		{"url query", "content/x.md", FrontMatter{URL: "/a/?b"}, `url: must be a path without "\", "?" or "#", got "/a/?b"`},
		{"not content", "layouts/x.md", FrontMatter{}, "layouts/x.md: not a content file (want content/**/*.md)"},
	}
	for _, tt := range tests {
		got, err := PageURL(tt.path, tt.fm)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: PageURL(%q) = %q, %v, want error %q", tt.name, tt.path, got, err, tt.want)
		}
	}
}
