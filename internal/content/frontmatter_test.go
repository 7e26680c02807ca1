package content

import "testing"

func TestFrontMatterBytes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		bodyLine int
		want     string
	}{
		{"yaml", "---\ntitle: x\n---\nbody\n", 4, "---\ntitle: x\n---\n"},
		{"no front matter", "body\n", 1, ""},
		{"body line past the end", "---\ntitle: x\n---", 4, "---\ntitle: x\n---"},
		{"crlf", "---\r\ntitle: x\r\n---\r\nbody", 4, "---\r\ntitle: x\r\n---\r\n"},
	} {
		if got := string(FrontMatterBytes([]byte(tc.in), tc.bodyLine)); got != tc.want {
			t.Errorf("%s: FrontMatterBytes(%q, %d) = %q, want %q", tc.name, tc.in, tc.bodyLine, got, tc.want)
		}
	}
}

// FrontMatterBytes ends where a parsed page's body begins.
func TestFrontMatterBytesOfParsedPage(t *testing.T) {
	data := []byte("---\ntitle: Data engineer\ndescription: d\ndate: 2026-01-02\n---\n\nBody.\n")
	p, err := ParseFile("content/guides/x.md", data, nil)
	if p == nil {
		t.Fatalf("ParseFile: %v", err)
	}
	if got, want := string(FrontMatterBytes(data, p.BodyLine)), "---\ntitle: Data engineer\ndescription: d\ndate: 2026-01-02\n---\n"; got != want {
		t.Errorf("FrontMatterBytes(…, %d) = %q, want %q", p.BodyLine, got, want)
	}
}
