package check

import (
	"bytes"
	"testing"

	"github.com/careersite/careersite/internal/diag"
)

// TestDiagnostic: a problem of the build becomes a Diagnostic from its
// fields, and prints as the build prints it.
func TestDiagnostic(t *testing.T) {
	tests := []struct {
		in   *diag.Error
		want Diagnostic
	}{
		{&diag.Error{File: "content/jobs/x.md", Line: 7, Col: 3, Path: "salary.min", Msg: "0 is not above 0"}, Diagnostic{File: "content/jobs/x.md", Line: 7, Col: 3, Message: "salary.min: 0 is not above 0"}},
		{&diag.Error{File: "site.yaml", Path: "title", Msg: "missing"}, Diagnostic{File: "site.yaml", Message: "title: missing"}},
		{&diag.Error{Msg: "open site.yaml: no such file or directory"}, Diagnostic{Message: "open site.yaml: no such file or directory"}},
		{&diag.Error{Msg: `the section page "/x/": URL clash`}, Diagnostic{Message: `the section page "/x/": URL clash`}},
	}
	for _, tt := range tests {
		got := diagnostic(tt.in)
		if got != tt.want {
			t.Errorf("diagnostic(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if got.String() != tt.in.Error() {
			t.Errorf("diagnostic(%q).String() = %q, want the message back", tt.in, got.String())
		}
	}
}

func TestWriteGitHub(t *testing.T) {
	r := &Report{
		Errors: []Diagnostic{
			{File: "content/a,b.md", Line: 7, Col: 3, Message: "100% wrong\nsecond line"},
			{Message: "no position"},
		},
		Warnings: []Diagnostic{{File: "content/c.md", Line: 2, Message: "stale"}},
	}
	tests := []struct{ root, want string }{
		{".", "::error file=content/a%2Cb.md,line=7,col=3::100%25 wrong%0Asecond line\n" +
			"::error::no position\n" +
			"::warning file=content/c.md,line=2::stale\n"},
		{"site/", "::error file=site/content/a%2Cb.md,line=7,col=3::100%25 wrong%0Asecond line\n" +
			"::error::no position\n" +
			"::warning file=site/content/c.md,line=2::stale\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := r.Write(&b, "github", tt.root); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("Write(github, root %q):\n%s\nwant:\n%s", tt.root, b.String(), tt.want)
		}
	}
	if err := r.Write(&bytes.Buffer{}, "xml", "."); err == nil {
		t.Error("Write(xml) succeeded, want an error")
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		errs, warns int
		want        string
	}{
		{0, 0, "check: no errors, no warnings"},
		{1, 1, "check: 1 error, 1 warning"},
		{12, 3, "check: 12 errors, 3 warnings"},
	}
	for _, tt := range tests {
		r := &Report{Errors: make([]Diagnostic, tt.errs), Warnings: make([]Diagnostic, tt.warns)}
		if got := r.Summary(); got != tt.want {
			t.Errorf("Summary() with %d errors, %d warnings = %q, want %q", tt.errs, tt.warns, got, tt.want)
		}
	}
}
