package model

import (
	"testing"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

func TestPatchable(t *testing.T) {
	cfg := config.Default()
	cfg.Taxonomies = []string{"tags", "skills", "stack"}
	const old = "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n"
	tests := []struct {
		name, cur string
		want      bool
	}{
		{"the body", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nAnother body.\n", true},
		{"the description", "---\ntitle: T\ndescription: E\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", true},
		{"a param", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Payments\nstack: [Go]\n---\nBody.\n", true},
		{"a param added last", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nlevel: 2\n---\nBody.\n", true},
		{"the description removed", "---\ntitle: T\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
		{"the title", "---\ntitle: U\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
		{"the date", "---\ntitle: T\ndescription: D\ndate: 2026-01-03\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
		{"a tag", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a, b]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
		{"a param that is a taxonomy", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Rust]\n---\nBody.\n", false},
		{"the slug", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nslug: s\n---\nBody.\n", false},
		{"the description moved", "---\ntitle: T\ndate: 2026-01-02\ndescription: D\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
	}
	parse := func(text string) *content.Page {
		t.Helper()
		p, err := content.Parse("content/guides/g.md", []byte(text), cfg)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	before := parse(old)
	for _, tt := range tests {
		if got := Patchable(cfg, before, parse(tt.cur)); got != tt.want {
			t.Errorf("Patchable after an edit of %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}
