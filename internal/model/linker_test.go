package model

import "testing"

func TestLinker(t *testing.T) {
	l, err := NewLinker("https://example.org/careers")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, rel, abs string }{
		{"/jobs/", "/careers/jobs/", "https://example.org/careers/jobs/"},
		{"/", "/careers/", "https://example.org/careers/"},
		{"jobs/", "/careers/jobs/", "https://example.org/careers/jobs/"},
		{"#pay", "#pay", "https://example.org#pay"},
		{"//cdn.example.com/x.js", "//cdn.example.com/x.js", "//cdn.example.com/x.js"},
		{"https://other.example/", "https://other.example/", "https://other.example/"},
		{"mailto:a@example.org", "mailto:a@example.org", "mailto:a@example.org"},
		{"/a b/%zz", "/careers/a b/%zz", "https://example.org/careers/a b/%zz"},
	} {
		if got := l.Rel(tt.in); got != tt.rel {
			t.Errorf("Rel(%q) = %q, want %q", tt.in, got, tt.rel)
		}
		if got := l.Abs(tt.in); got != tt.abs {
			t.Errorf("Abs(%q) = %q, want %q", tt.in, got, tt.abs)
		}
	}
}

// TestLinkerSitePathAllocations: the URL of a site path, which every page
// has, is made without parsing the path (one string for Rel, two for Abs).
func TestLinkerSitePathAllocations(t *testing.T) {
	l, err := NewLinker("https://example.org/careers/")
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(20, func() { l.Abs("/jobs/back-end-developer/") }); n > 2 {
		t.Errorf("Abs of a site path allocated %v times, want at most 2", n)
	}
}
