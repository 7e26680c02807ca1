package decode

import "testing"

func TestSuggest(t *testing.T) {
	known := []string{"authors", "date", "description", "publish_date", "salary", "skills", "slug", "tags", "title", "url", "weight"}
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"swap", "titel", "title"},
		{"double letter", "sallary", "salary"},
		{"missing plural", "skill", "skills"},
		{"two edits in a long key", "descripton", "description"},
		{"swap in short key", "dtae", "date"},
		{"two edits in short key", "dt", ""},
		{"case and separators", "publishDate", "publish_date"},
		{"hyphen", "publish-date", "publish_date"},
		{"upper case", "TITLE", "title"},
		{"short key one edit", "urls", "url"},
		{"short key two edits", "tasks", ""},
		{"unrelated", "responsibilities", ""},
		{"exact match is no typo", "title", ""},
		{"non-ASCII", "sàlary", "salary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Suggest(tt.in, known); got != tt.want {
				t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{"abc", "acb", 1},
		{"abc", "ab", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b, 5); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
