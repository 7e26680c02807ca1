package render

import "testing"

func TestFindTaxonomyAndTerm(t *testing.T) {
	site := map[string]string{
		"layouts/skills/term.html":       "site skills term",
		"layouts/_default/taxonomy.html": "site taxonomy",
	}
	theme := map[string]string{
		"layouts/tags/taxonomy.html":   "theme tags taxonomy",
		"layouts/_default/term.html":   "theme term",
		"layouts/_default/single.html": "theme single",
	}
	r := newRenderer(t, site, theme)
	tests := []struct {
		name string
		in   Lookup
		want string
	}{
		{"site default beats theme taxonomy folder", Lookup{Kind: "taxonomy", Taxonomy: "tags"}, "layouts/_default/taxonomy.html"},
		{"taxonomy default", Lookup{Kind: "taxonomy", Taxonomy: "skills"}, "layouts/_default/taxonomy.html"},
		{"term in its taxonomy's folder", Lookup{Kind: "term", Taxonomy: "skills"}, "layouts/skills/term.html"},
		{"term default", Lookup{Kind: "term", Taxonomy: "tags"}, "layouts/_default/term.html"},
		{"the section is not the taxonomy", Lookup{Kind: "term", Section: "skills", Taxonomy: "tags"}, "layouts/_default/term.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Find(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Find(%+v) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFindTermMissing(t *testing.T) {
	r := newRenderer(t, nil, map[string]string{"layouts/_default/single.html": "x"})
	_, err := r.Find(Lookup{Kind: "term", Taxonomy: "skills"})
	want := "no template for term page: looked for layouts/skills/term.html, layouts/_default/term.html"
	if err == nil || err.Error() != want {
		t.Errorf("Find(term) error = %v, want %q", err, want)
	}
}
