package hugourl

import (
	"testing"
	"time"
)

func TestPageURL(t *testing.T) {
	date := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	perma := Config{Permalinks: map[string]string{
		"posts": "/:year/:month/:slug/",
		"notes": "/n/:section/:filename/",
		"talks": "/:sections/:monthname-:day/:title/",
	}}
	tests := []struct {
		name string
		cfg  Config
		page Page
		want string
	}{
		{"home", Config{}, Page{File: "_index.md"}, "/"},
		{"section", Config{}, Page{File: "posts/_index.md"}, "/posts/"},
		{"nested section", Config{}, Page{File: "posts/2024/_index.md"}, "/posts/2024/"},
		{"root page", Config{}, Page{File: "about.md"}, "/about/"},
		{"page", Config{}, Page{File: "posts/a.md"}, "/posts/a/"},
		{"bundle", Config{}, Page{File: "posts/b/index.md"}, "/posts/b/"},
		{"slug", Config{}, Page{File: "posts/a.md", Slug: "other"}, "/posts/other/"},
		{"slug of a bundle", Config{}, Page{File: "posts/b/index.md", Slug: "c"}, "/posts/c/"},
		{"url", Config{}, Page{File: "posts/a.md", URL: "/x/Y"}, "/x/Y"},
		{"url without slash", Config{}, Page{File: "posts/a.md", URL: "x/"}, "/x/"},
		{"lower case", Config{}, Page{File: "Posts/My Post.md"}, "/posts/my-post/"},
		{"case kept", Config{DisablePathToLower: true}, Page{File: "Posts/My Post.md"}, "/Posts/My-Post/"},
		{"punctuation dropped", Config{}, Page{File: "posts/a.md", Slug: "What's new?"}, "/posts/whats-new/"},
		{"ugly", Config{UglyURLs: true}, Page{File: "posts/a.md"}, "/posts/a.html"},
		{"ugly section", Config{UglyURLs: true}, Page{File: "posts/_index.md"}, "/posts/"},
		{"permalink slug", perma, Page{File: "posts/a.md", Slug: "hi", Date: date}, "/2024/03/hi/"},
		{"permalink slug else title", perma, Page{File: "posts/a.md", Title: "Hello, World!", Date: date}, "/2024/03/hello-world/"},
		{"permalink filename of a bundle", perma, Page{File: "notes/b/index.md"}, "/n/notes/b/"},
		{"permalink sections, monthname, title", perma, Page{File: "talks/2024/x.md", Title: "Go Fast", Date: date}, "/talks/2024/march-05/go-fast/"},
		{"permalink not for the section page", perma, Page{File: "posts/_index.md"}, "/posts/"},
		{"permalink not for other sections", perma, Page{File: "misc/a.md"}, "/misc/a/"},
	}
	for _, tt := range tests {
		if got := tt.cfg.PageURL(tt.page); got != tt.want {
			t.Errorf("%s: PageURL(%+v) = %q, want %q", tt.name, tt.page, got, tt.want)
		}
	}
}

func TestTermURL(t *testing.T) {
	tests := []struct{ term, want string }{
		{"Go", "/tags/go/"},
		{"Site Reliability", "/tags/site-reliability/"},
		{"C++", "/tags/c++/"},
		{"don't panic!", "/tags/dont-panic/"},
		{"Café", "/tags/café/"},
	}
	for _, tt := range tests {
		if got := (Config{}).TermURL("tags", tt.term); got != tt.want {
			t.Errorf("TermURL(tags, %q) = %q, want %q", tt.term, got, tt.want)
		}
	}
}

func TestExpandKeepsUnknownWords(t *testing.T) {
	if got := Expand("/:nope/:year/", Page{Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}); got != "/:nope/2020/" {
		t.Errorf("Expand = %q, want %q", got, "/:nope/2020/")
	}
}
