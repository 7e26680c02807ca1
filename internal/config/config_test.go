package config

import (
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/diag"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// TestLoad runs every testdata/*.txtar archive: its files make the site
// folder, and its "want" file holds the exact error text, or, when loading
// succeeds, the Config as indented JSON.
func TestLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			wantIdx := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					wantIdx = i
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			got := run(fsys)
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("%s has no want file; run go test -update", file)
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("Load:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func run(fsys fs.FS) string {
	c, err := Load(fsys)
	if err != nil {
		return err.Error() + "\n"
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return "json: " + err.Error() + "\n"
	}
	return string(b) + "\n"
}

func TestLoadNotFound(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(empty) = %v, want fs.ErrNotExist", err)
	}
	if want := "site.yaml: not found at the root of the site folder: file does not exist"; err == nil || err.Error() != want {
		t.Errorf("Load(empty) = %v, want %q", err, want)
	}
}

func TestLoadErrorsArePositioned(t *testing.T) {
	_, err := Load(fstest.MapFS{"site.yaml": {Data: []byte("title: x\npage_size: 0\n")}})
	var de *diag.Error
	if !errors.As(err, &de) || de.File != "site.yaml" || de.Line != 2 || de.Col != 12 {
		t.Errorf("Load error = %#v, want a *diag.Error at site.yaml:2:12", de)
	}
}

func TestBasePath(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"root with slash", "https://example.org/", "/"},
		{"root without slash", "https://example.org", "/"},
		{"path", "https://example.org/careers/", "/careers/"},
		{"path without slash", "https://example.org/careers", "/careers/"},
		{"escaped", "https://example.org/my careers/", "/my%20careers/"},
	}
	for _, tt := range tests {
		c := &Config{BaseURL: tt.in}
		if got := c.BasePath(); got != tt.want {
			t.Errorf("%s: BasePath(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestKindOf(t *testing.T) {
	c := Default()
	c.Sections["guides"] = KindArticle
	tests := []struct {
		in   string
		want string
	}{
		{"jobs", "job"},
		{"roles", "role"},
		{"certifications", "certification"},
		{"guides", "article"},
		{"unmapped", "article"},
		{"", "article"},
	}
	for _, tt := range tests {
		if got := c.KindOf(tt.in); got != tt.want {
			t.Errorf("KindOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsKind(t *testing.T) {
	for _, k := range Kinds() {
		if !IsKind(k) {
			t.Errorf("IsKind(%q) = false, want true", k)
		}
	}
	for _, k := range []string{"", "jobs", "Job", "page"} {
		if IsKind(k) {
			t.Errorf("IsKind(%q) = true, want false", k)
		}
	}
}

func TestSetBaseURL(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantURL  string
		wantPath string
		wantErr  string
	}{
		{"with path", "https://example.org/careers", "https://example.org/careers/", "/careers/", ""},
		{"root", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/", "/", ""},
		{"relative", "/careers/", "", "", `want an absolute http or https URL, got "/careers/"`},
		{"other scheme", "ftp://example.org/", "", "", `want an absolute http or https URL, got "ftp://example.org/"`},
		{"query", "https://example.org/?a=b", "", "", `want an absolute http or https URL, got "https://example.org/?a=b"`},
	}
	for _, tt := range tests {
		c := Default()
		err := c.SetBaseURL(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: SetBaseURL(%q) = %v, want %q", tt.name, tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || c.BaseURL != tt.wantURL || c.BasePath() != tt.wantPath {
			t.Errorf("%s: SetBaseURL(%q) = %v; BaseURL %q, BasePath %q, want %q, %q", tt.name, tt.in, err, c.BaseURL, c.BasePath(), tt.wantURL, tt.wantPath)
		}
	}
}
