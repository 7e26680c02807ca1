// Package check runs `careersite check`: it builds a site without writing
// anything (site.Check) and reports what the build found, as text for a
// person, as JSON for a program, or as GitHub Actions workflow commands
// that annotate the lines of a pull request.
//
// Every problem the build reports is a *diag.Error, whose place becomes a
// Diagnostic's File, Line and Col. Paths are relative to the site folder,
// as the build writes them; the github format joins them to the folder
// given, so that they are relative to the repository when the command runs
// at its root.
package check

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/site"
)

// Formats are the output formats Write accepts.
var Formats = []string{"text", "json", "github"}

// Diagnostic is one problem: an error, which fails the check, or a warning.
type Diagnostic struct {
	File    string `json:"file,omitempty"` // relative to the site folder, slash-separated
	Line    int    `json:"line,omitempty"` // 1-based; 0 when unknown
	Col     int    `json:"col,omitempty"`  // 1-based; 0 when unknown
	Message string `json:"message"`
}

// String is the diagnostic as the build prints it: "path:line:col: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			b.WriteString(":" + strconv.Itoa(d.Line))
			if d.Col > 0 {
				b.WriteString(":" + strconv.Itoa(d.Col))
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Report is what a check found, each list sorted by path, line and column.
type Report struct {
	Errors   []Diagnostic `json:"errors"`
	Warnings []Diagnostic `json:"warnings"`
}

// Run checks the site that opts describe (opts.Dest is not used: nothing is
// written) and reports every error and warning.
func Run(ctx context.Context, opts site.Options) *Report {
	warnings, err := site.Check(ctx, opts)
	r := &Report{Errors: []Diagnostic{}, Warnings: []Diagnostic{}}
	for _, e := range diag.List(err) {
		r.Errors = append(r.Errors, diagnostic(e))
	}
	for _, w := range warnings {
		r.Warnings = append(r.Warnings, diagnostic(w))
	}
	return r
}

// diagnostic is the Diagnostic of a problem of the build.
func diagnostic(e *diag.Error) Diagnostic {
	return Diagnostic{File: e.File, Line: e.Line, Col: e.Col, Message: e.Text()}
}

// Write prints the report to w in format (one of Formats). root is the
// site folder as given on the command line; the github format puts it in
// front of every path.
func (r *Report) Write(w io.Writer, format, root string) error {
	switch format {
	case "text":
		return r.writeText(w)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "github":
		return r.writeGitHub(w, root)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

func (r *Report) writeText(w io.Writer) error {
	for _, d := range r.Errors {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	for _, d := range r.Warnings {
		if _, err := fmt.Fprintf(w, "warning: %s\n", d); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, r.Summary())
	return err
}

// Summary is one line: "check: 2 errors, 1 warning".
func (r *Report) Summary() string {
	return fmt.Sprintf("check: %s, %s", count(len(r.Errors), "error"), count(len(r.Warnings), "warning"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if n == 0 {
		return "no " + noun + "s"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// writeGitHub prints workflow commands, which GitHub Actions shows as
// annotations on the lines they name:
// "::error file=content/a.md,line=7,col=3::salary.min: …".
func (r *Report) writeGitHub(w io.Writer, root string) error {
	for _, list := range []struct {
		cmd   string
		diags []Diagnostic
	}{{"error", r.Errors}, {"warning", r.Warnings}} {
		for _, d := range list.diags {
			if _, err := fmt.Fprintf(w, "::%s%s::%s\n", list.cmd, properties(d, root), escapeData(d.Message)); err != nil {
				return err
			}
		}
	}
	return nil
}

// properties are a workflow command's "file=…,line=…,col=…", with a
// leading space; "" for a diagnostic without a file.
func properties(d Diagnostic, root string) string {
	if d.File == "" {
		return ""
	}
	file := d.File
	if root != "" && root != "." && !filepath.IsAbs(root) {
		file = path.Join(filepath.ToSlash(filepath.Clean(root)), file)
	}
	p := " file=" + escapeProperty(file)
	if d.Line > 0 {
		p += ",line=" + strconv.Itoa(d.Line)
		if d.Col > 0 {
			p += ",col=" + strconv.Itoa(d.Col)
		}
	}
	return p
}

// escapeData escapes a workflow command's message as the runner expects
// (actions/toolkit's escapeData): "%", CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value (escapeProperty): as escapeData,
// and ":" and ",", which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
