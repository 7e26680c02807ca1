package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/check"
	"github.com/careersite/careersite/internal/site"
)

// badEnums puts two wrong values on a line that holds a euro sign (one
// UTF-16 unit, three bytes) and an emoji (two units, four bytes): the
// second, FULLTIME, is at character 25 in UTF-16 (column 25 of `check`,
// which counts code points from 1; byte 29).
func badEnums(text string) string {
	return strings.Replace(text, `employment_type: ["FULL_TIME"]`, `employment_type: ["€😀", FULLTIME]`, 1)
}

// TestDiagnosticsFromBuffer: the problems of an unsaved buffer are
// published as `check` prints them for the same text saved, at the same
// places in UTF-16, and go away when the buffer is mended.
func TestDiagnosticsFromBuffer(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	orig := c.file(job)
	bad := badEnums(orig)
	c.open(job, bad)
	got := c.waitFor(job, has("FULLTIME"))

	d := find(t, got, `got "FULLTIME"`)
	if d.Range.Start != (protocol.Position{Line: 5, Character: 25}) || d.Range.End != (protocol.Position{Line: 5, Character: 33}) {
		t.Errorf("FULLTIME at %+v, want 5:25 to 5:33", d.Range)
	}
	if *d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("severity %v, want error", *d.Severity)
	}

	// The same text saved and checked: the same messages, at the same lines.
	saved := writeSite(t, "site")
	if err := os.WriteFile(filepath.Join(saved, job), []byte(bad), 0o666); err != nil {
		t.Fatal(err)
	}
	report := check.Run(context.Background(), site.Options{Source: saved, Theme: careersite.Theme()})
	var want []string
	for _, e := range report.Errors {
		if e.File == job {
			want = append(want, e.Message)
			ld := find(t, got, e.Message)
			if int(ld.Range.Start.Line) != e.Line-1 {
				t.Errorf("%q on line %d, check says %d", e.Message, ld.Range.Start.Line+1, e.Line)
			}
		}
	}
	if len(want) != 2 || len(got) != len(want) {
		t.Errorf("published %d diagnostics, check printed %q", len(got), want)
	}

	c.replace(job, orig)
	c.waitFor(job, none)
}

// TestDiagnosticsAcrossPages: a change of one page marks the pages that
// name it or link to it, judged against the open buffer, and clears them
// when it is undone; the file on disk is never written.
func TestDiagnosticsAcrossPages(t *testing.T) {
	c := newClient(t, "site")
	const role, job = "content/roles/backend.md", "content/jobs/dev.md"
	orig := c.file(role)
	c.open(role, strings.Replace(orig, "date: 2026-01-01\n", "date: 2026-01-01\nslug: server-side\n", 1))
	got := c.waitFor(job, has("related_roles"))
	find(t, got, "/roles/backend/")

	c.replace(role, orig)
	c.waitFor(job, none)
	if c.file(role) != orig {
		t.Error("the page on disk changed")
	}
}

// TestDiagnosticsOfTwoEdits: an edit sent as a range (incremental sync)
// is applied to the buffer before it is checked.
func TestDiagnosticsOfTwoEdits(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	c.open(job, c.file(job))
	// "seniority: mid" is line 4; replace "mid" (characters 11 to 14).
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument: protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(job)}, Version: 2},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{
			Range: &protocol.Range{Start: protocol.Position{Line: 4, Character: 11}, End: protocol.Position{Line: 4, Character: 14}},
			Text:  "midlevel",
		}},
	})
	d := find(t, c.waitFor(job, has("seniority")), "seniority")
	if d.Range.Start != (protocol.Position{Line: 4, Character: 11}) || d.Range.End != (protocol.Position{Line: 4, Character: 19}) {
		t.Errorf("seniority at %+v, want 4:11 to 4:19", d.Range)
	}
}

// TestDiagnosticsOfConfigAndLayouts: site.yaml and a layout are checked
// from their buffers too, at their own files.
func TestDiagnosticsOfConfigAndLayouts(t *testing.T) {
	c := newClient(t, "site")
	c.open("site.yaml", strings.Replace(c.file("site.yaml"), "title: Careers", "titel: Careers", 1))
	d := find(t, c.waitFor("site.yaml", has("titel")), `unknown key "titel"`)
	if d.Range.Start != (protocol.Position{Line: 0, Character: 0}) {
		t.Errorf("titel at %+v, want 0:0", d.Range.Start)
	}
	c.replace("site.yaml", c.file("site.yaml"))
	c.waitFor("site.yaml", none)

	// The site's own layout, on disk, broken in the buffer.
	const layout = "layouts/_default/single.html"
	if err := os.MkdirAll(filepath.Join(c.dir, "layouts/_default"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(c.dir, layout), []byte("<h1>{{ .Title }}</h1>\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	c.open(layout, "<h1>{{ .Title }</h1>\n")
	c.waitFor(layout, func(ds []protocol.Diagnostic) bool { return len(ds) > 0 })
}

// TestDiagnosticsVersions: each list of an open document carries the
// version of the text that was checked, and a list is never followed by
// one of an older version, however the changes and the checks interleave:
// the changes sent while a check runs are checked together after it.
func TestDiagnosticsVersions(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	orig := c.file(job)
	text := func(v int) string { return fmt.Sprintf("%s\nA [link](/nowhere-%d/).\n", orig, v) }
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: c.uri(job), LanguageID: "markdown", Version: 1, Text: text(1),
	}})
	const last = 20
	for v := 2; v <= last; v++ {
		c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(job)}, Version: protocol.Integer(v)},
			ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text(v)}},
		})
	}
	deadline := time.After(time.Minute)
	for prev := 0; prev != last; {
		var p protocol.PublishDiagnosticsParams
		select {
		case p = <-c.notes:
		case <-deadline:
			t.Fatalf("no diagnostics of version %d; the last was of version %d", last, prev)
		}
		if p.URI != c.uri(job) {
			continue
		}
		if p.Version == nil {
			t.Fatalf("diagnostics without a version: %+v", p)
		}
		v := int(*p.Version)
		if v <= prev {
			t.Errorf("diagnostics of version %d after those of version %d", v, prev)
		}
		find(t, p.Diagnostics, fmt.Sprintf("/nowhere-%d/", v))
		if len(p.Diagnostics) != 1 {
			t.Errorf("version %d: %d diagnostics, want 1: %+v", v, len(p.Diagnostics), p.Diagnostics)
		}
		prev = v
	}
}

// TestDiagnosticsOfAReorder: a keystroke in a date that moves a page
// among the others (its section's list, .Site.Pages) patches the model
// (model.Reorder), and the page's diagnostics are those of its buffer.
func TestDiagnosticsOfAReorder(t *testing.T) {
	c := newClient(t, "site")
	const role = "content/roles/backend.md"
	orig := c.file(role)
	broken := orig + "\nA [link](/nowhere/).\n"
	c.open(role, broken)
	find(t, c.waitFor(role, has("/nowhere/")), "/nowhere/")
	c.replace(role, strings.Replace(broken, "date: 2026-01-01\n", "date: 2025-12-01\n", 1))
	find(t, c.waitFor(role, has("/nowhere/")), "/nowhere/")
	c.replace(role, strings.Replace(orig, "date: 2026-01-01\n", "date: 2025-12-01\n", 1))
	c.waitFor(role, none)
	c.replace(role, strings.Replace(broken, "date: 2026-01-01\n", "date: 2026-02-01\n", 1))
	find(t, c.waitFor(role, has("/nowhere/")), "/nowhere/")
}
