package markdown

import (
	"slices"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"words", "Back-End Developer", "back-end-developer"},
		{"punctuation runs", "C++ & Go: a guide!", "c-go-a-guide"},
		{"apostrophes dropped", "What's new in Ops’ world", "whats-new-in-ops-world"},
		{"leading and trailing", "  --Salary--  ", "salary"},
		{"underscores", "snake_case_names", "snake-case-names"},
		{"digits", "Top 10 Tips for 2026", "top-10-tips-for-2026"},
		{"accents kept", "Café Crème", "café-crème"},
		{"combining mark kept", "Cafe\u0301", "cafe\u0301"},
		{"cyrillic", "Разработчик ПО", "разработчик-по"},
		{"cjk", "日本語 ガイド", "日本語-ガイド"},
		{"symbols only", "?! ***", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(slug([]byte(tt.in))); got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIDsGenerate(t *testing.T) {
	tests := []struct {
		name string
		put  []string // reserved first, as the author's {#id}s are
		in   []string // heading texts in document order
		want []string
	}{
		{"unique", nil, []string{"Pay", "Skills"}, []string{"pay", "skills"}},
		{"repeats", nil, []string{"Pay", "Pay", "pay!"}, []string{"pay", "pay-1", "pay-2"}},
		{"suffix already taken", nil, []string{"Pay 1", "Pay", "Pay"}, []string{"pay-1", "pay", "pay-2"}},
		{"reserved", []string{"pay", "pay-1"}, []string{"Pay"}, []string{"pay-2"}},
		{"empty", nil, []string{"", "?!"}, []string{"heading", "heading-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := newIDs()
			for _, id := range tt.put {
				ids.Put([]byte(id))
			}
			var got []string
			for _, in := range tt.in {
				got = append(got, string(ids.Generate([]byte(in), ast.KindHeading)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Generate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIDsGenerateOtherKind(t *testing.T) {
	if got := string(newIDs().Generate(nil, ast.KindParagraph)); got != "id" {
		t.Errorf("Generate(nil, KindParagraph) = %q, want %q", got, "id")
	}
}

// Two Converts of the same page get the same ids: the table of used ids
// belongs to the page, not the Converter.
func TestIDsArePerPage(t *testing.T) {
	c := New(Options{})
	for range 3 {
		res, err := c.Convert([]byte("## Pay\n"), 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Headings[0].ID; got != "pay" {
			t.Fatalf("Convert(%q): id = %q, want %q", "## Pay\n", got, "pay")
		}
	}
}

func TestHeadings(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		in   string
		want []Heading
	}{
		{"levels and text", Options{}, "# Title\n\n## Use `go vet` *often*\n\n#### Deep\n",
			[]Heading{{1, "title", "Title"}, {2, "use-go-vet-often", "Use go vet often"}, {4, "deep", "Deep"}}},
		{"custom id", Options{}, "## Salary range {#pay}\n", []Heading{{2, "pay", "Salary range"}}},
		{"link text not URL", Options{}, "## See [the docs](https://go.dev)\n", []Heading{{2, "see-the-docs", "See the docs"}}},
		{"entities resolved", Options{}, "## R&amp;D \\<team\\>\n", []Heading{{2, "r-d-team", "R&D <team>"}}},
		{"typographer", Options{Typographer: true}, "## It's \"done\"\n", []Heading{{2, "its-done", "It’s “done”"}}},
		{"none", Options{}, "Just text.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(tt.opts).Convert([]byte(tt.in), 1)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Headings, tt.want) {
				t.Errorf("Convert(%q).Headings = %+v, want %+v", tt.in, res.Headings, tt.want)
			}
		})
	}
}

func TestDuplicateHeadingID(t *testing.T) {
	in := "## One {#x}\n\ntext\n\n## Two {#x}\n"
	res, err := New(Options{}).Convert([]byte(in), 5)
	want := `9:1: duplicate heading id "x"`
	if err == nil || err.Error() != want {
		t.Fatalf("Convert(%q) error = %v, want %q", in, err, want)
	}
	if res == nil || len(res.Headings) != 2 {
		t.Fatalf("Convert(%q) result = %+v, want both headings despite the error", in, res)
	}
}
