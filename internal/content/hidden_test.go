package content

import (
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/config"
)

func TestParseHiddenFrom(t *testing.T) {
	tests := []struct {
		name string
		file string
		in   string
		want []Listing // when err is ""
		err  string
	}{
		{
			name: "every place",
			file: "content/search.md",
			in:   "---\ntitle: Search\ndate: 2024-01-02\nhidden_from: [lists, feeds, sitemap, search]\n---\n",
			want: []Listing{HiddenFromLists, HiddenFromFeeds, HiddenFromSitemap, HiddenFromSearch},
		},
		{
			name: "none",
			file: "content/about.md",
			in:   "---\ntitle: About\ndate: 2024-01-02\n---\n",
		},
		{
			name: "toml",
			file: "content/about.md",
			in:   "+++\ntitle = \"About\"\ndate = 2024-01-02\nhidden_from = [\"sitemap\"]\n+++\n",
			want: []Listing{HiddenFromSitemap},
		},
		{
			name: "unknown value",
			file: "content/search.md",
			in:   "---\ntitle: Search\ndate: 2024-01-02\nhidden_from:\n  - feeds\n  - feed\n---\n",
			err:  `content/search.md:6:5: hidden_from[1]: want one of lists, feeds, sitemap or search, got "feed"; did you mean "feeds"?`,
		},
		{
			name: "not a list",
			file: "content/search.md",
			in:   "---\ntitle: Search\ndate: 2024-01-02\nhidden_from: search\n---\n",
			err:  `content/search.md:4:14: hidden_from: want a list, got a string`,
		},
		{
			name: "in an _index.md",
			file: "content/jobs/_index.md",
			in:   "---\ntitle: Jobs\nhidden_from: [sitemap]\n---\n",
			err:  `content/jobs/_index.md:3:14: hidden_from: only a page can be hidden, not a section or the home page (an _index.md)`,
		},
		{
			name: "Hugo's build options",
			file: "content/search.md",
			in:   "---\ntitle: Search\ndate: 2024-01-02\nbuild:\n  list: never\n---\n",
			err:  `content/search.md:4:1: build: careersite does not read Hugo's build options; to keep a page out of lists, feeds, the sitemap or the search index, write hidden_from: [lists, feeds, sitemap, search] (any of them)`,
		},
		{
			name: "Hugo's _build",
			file: "content/search.md",
			in:   "---\ntitle: Search\ndate: 2024-01-02\n_build: {list: never, render: always}\n---\n",
			err:  `content/search.md:4:1: _build: careersite does not read Hugo's build options; to keep a page out of lists, feeds, the sitemap or the search index, write hidden_from: [lists, feeds, sitemap, search] (any of them)`,
		},
		{
			name: "a param called build",
			file: "content/about.md",
			in:   "---\ntitle: About\ndate: 2024-01-02\nbuild: 2024.1\n---\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.file, []byte(tt.in), config.Default())
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.err {
				t.Fatalf("Parse(%q) error =\n%s\nwant\n%s", tt.in, got, tt.err)
			}
			if err == nil && !slices.Equal(p.HiddenFrom, tt.want) {
				t.Errorf("Parse(%q).HiddenFrom = %q, want %q", tt.in, p.HiddenFrom, tt.want)
			}
		})
	}
}
