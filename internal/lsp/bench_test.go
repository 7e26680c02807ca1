//go:build unix

package lsp

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/testsite"
)

var benchPages = flag.Int("pages", 2000, "the size of the generated site of BenchmarkDidChange")

// benchPause is the author's pause between two keystrokes of
// BenchmarkDidChange, timer stopped: long enough, on an idle machine, for
// the check of the pagers a keystroke left (checker.run), so that what is
// timed is a keystroke's own list. -pause 0 types without pausing: a
// keystroke then waits for the check before it, pagers and all.
var benchPause = flag.Duration("pause", 400*time.Millisecond, "the pause between keystrokes of BenchmarkDidChange")

// BenchmarkDidChange times a keystroke: from a didChange of one open
// page, sent over a pipe, to the publishDiagnostics of that page, on a
// generated site (testsite, as `go run ./bench/gen` writes it). The
// keystroke is a word added to the body (body), a letter of the front
// matter's description changed (front-matter), a letter of the title
// changed (title), the day of updated changed (updated), a figure of a
// job's salary changed (salary, in a second open page, a job
// description), the day of the date changed so that the page moves in
// its lists (date), a weight added and taken away (weight), a letter
// typed into a slug (slug: the page moves to another URL), a letter
// added to a tag (tag) or to a skill (skill), or a letter of a link to no
// page in the body changed (broken-link: every check finds a problem). Each reports, besides
// ms/op, cpu-ms/op, the CPU time the process spent per keystroke, which a
// machine busy with other work does not inflate; and ready-ms and
// ready-cpu-ms, the wall and CPU time from initialized to the first
// diagnostics of the open page, the whole site checked (compare them with
// `/usr/bin/time careersite check` on the same site).
//
//	go test ./internal/lsp -run '^$' -bench DidChange -benchtime 20x -args -pages 2000
func BenchmarkDidChange(b *testing.B) {
	dir := b.TempDir()
	if err := testsite.Write(dir, *benchPages, 1); err != nil {
		b.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	name, jobName := testsite.Path(3), testsite.Path(0)
	orig, job := read(name), read(jobName)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	serverSide, clientSide := net.Pipe()
	go Serve(ctx, Options{Site: site.Options{Source: dir, Theme: careersite.Theme()}}, serverSide)
	uriOf := func(name string) protocol.DocumentUri {
		return "file://" + filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(name)))
	}
	uri, jobURI := uriOf(name), uriOf(jobName)
	published := make(chan protocol.PublishDiagnosticsParams, 1)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientSide, codec{}), jsonrpc2.HandlerWithError(
		func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			var p protocol.PublishDiagnosticsParams
			if req.Method == protocol.ServerTextDocumentPublishDiagnostics && json.Unmarshal(*req.Params, &p) == nil && (p.URI == uri || p.URI == jobURI) {
				published <- p
			}
			return nil, nil
		}))
	defer conn.Close()
	// wait returns the first list of version v or later: a check that
	// began before an earlier change may publish the list of the version
	// before again.
	wait := func(v protocol.Integer) protocol.PublishDiagnosticsParams {
		for {
			select {
			case p := <-published:
				if p.Version == nil {
					b.Fatalf("diagnostics without a version: %+v", p)
				}
				if protocol.Integer(*p.Version) >= v {
					return p
				}
			case <-time.After(5 * time.Minute):
				b.Fatal("no diagnostics")
			}
		}
	}
	if err := conn.Call(ctx, protocol.MethodInitialize, protocol.InitializeParams{}, nil); err != nil {
		b.Fatal(err)
	}
	start, startCPU := time.Now(), cpuTime()
	conn.Notify(ctx, protocol.MethodInitialized, protocol.InitializedParams{})
	conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Version: 1, Text: orig}})
	if p := wait(1); len(p.Diagnostics) > 0 {
		b.Fatalf("the generated site has problems: %+v", p.Diagnostics)
	}
	ready, readyCPU := time.Since(start), cpuTime()-startCPU

	// The versions of both open pages come from one count, so that wait,
	// which takes the first list of a version or later, never takes the
	// other page's.
	version := protocol.Integer(1)
	keystrokesIn := func(b *testing.B, uri protocol.DocumentUri, problems int, text func(i int) string) {
		before := cpuTime()
		for i := range b.N {
			version++
			conn.Notify(ctx, protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
				TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: version},
				ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text(i)}},
			})
			if p := wait(version); p.URI != uri || *p.Version != protocol.UInteger(version) || len(p.Diagnostics) != problems {
				b.Fatalf("keystroke %d: published %+v", i, p)
			}
			// The author pauses (benchPause); the CPU of the checks
			// meanwhile counts in cpu-ms/op.
			b.StopTimer()
			time.Sleep(*benchPause)
			b.StartTimer()
		}
		b.ReportMetric(float64((cpuTime()-before).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		b.ReportMetric(float64(ready.Milliseconds()), "ready-ms")
		b.ReportMetric(float64(readyCPU.Milliseconds()), "ready-cpu-ms")
	}
	keystrokes := func(b *testing.B, problems int, text func(i int) string) {
		keystrokesIn(b, uri, problems, text)
	}
	b.Run("body", func(b *testing.B) {
		keystrokes(b, 0, func(i int) string { return orig + strings.Repeat("A keystroke.", i%2+1) + "\n" })
	})
	b.Run("front-matter", func(b *testing.B) {
		head, rest, _ := strings.Cut(orig, "\ndescription: ")
		keystrokes(b, 0, func(i int) string { return head + "\ndescription: " + string(rune('A'+i%26)) + rest })
	})
	b.Run("title", func(b *testing.B) {
		head, rest, _ := strings.Cut(orig, "\ndescription: ") // head ends with the title's line
		keystrokes(b, 0, func(i int) string { return head + string(rune('a'+i%26)) + "\ndescription: " + rest })
	})
	b.Run("updated", func(b *testing.B) {
		// The day of updated, at the end of the front matter when the
		// page has none: no other value moves.
		head, rest, _ := strings.Cut(orig, "\n---\n")
		if before, after, ok := strings.Cut(head, "\nupdated: "); ok {
			_, after, _ = strings.Cut(after, "\n")
			head = before + "\n" + after
		}
		keystrokes(b, 0, func(i int) string { return fmt.Sprintf("%s\nupdated: 2026-11-%02d\n---\n%s", head, 1+i%28, rest) })
	})
	b.Run("date", func(b *testing.B) {
		// The day of the date: the page moves among the pages of its
		// month in every list that holds it.
		head, rest, _ := strings.Cut(orig, "\ndate: 2025-")
		month, rest, _ := strings.Cut(rest, "-")
		_, rest, _ = strings.Cut(rest, "\n")
		keystrokes(b, 0, func(i int) string { return fmt.Sprintf("%s\ndate: 2025-%s-%02d\n%s", head, month, 1+(i*11)%28, rest) })
	})
	b.Run("weight", func(b *testing.B) {
		// A weight added at the end of the front matter, and taken away:
		// the page moves to the top of its section's list and back.
		head, rest, _ := strings.Cut(orig, "\n---\n")
		keystrokes(b, 0, func(i int) string {
			if i%2 == 0 {
				return head + "\nweight: 1\n---\n" + rest
			}
			return orig
		})
	})
	b.Run("slug", func(b *testing.B) {
		// A letter typed into the slug, added at the end of the front
		// matter when the page has none: the page moves to another URL,
		// and the links of other pages to it break.
		head, rest, _ := strings.Cut(orig, "\n---\n")
		if before, after, ok := strings.Cut(head, "\nslug: "); ok {
			_, after, _ = strings.Cut(after, "\n")
			head = before + "\n" + after
		}
		keystrokes(b, 0, func(i int) string { return head + "\nslug: moved-" + string(rune('a'+i%26)) + "\n---\n" + rest })
	})
	b.Run("tag", func(b *testing.B) {
		// A letter of a tag's name: the page leaves one term for another.
		head, rest, _ := strings.Cut(orig, "\ntags: [")
		keystrokes(b, 0, func(i int) string { return head + "\ntags: [" + string(rune('a'+i%26)) + rest })
	})
	b.Run("skill", func(b *testing.B) {
		// A letter of a skill's name.
		head, rest, _ := strings.Cut(orig, "\nskills: [")
		keystrokes(b, 0, func(i int) string { return head + "\nskills: [" + string(rune('a'+i%26)) + rest })
	})
	b.Run("site-tag", func(b *testing.B) {
		// A tag of the site's added before the first, and taken away: the
		// page joins and leaves a term that other pages keep.
		head, rest, _ := strings.Cut(orig, "\ntags: [")
		keystrokes(b, 0, func(i int) string {
			if i%2 == 0 {
				return head + "\ntags: [salary, " + rest
			}
			return orig
		})
	})
	b.Run("site-skill", func(b *testing.B) {
		// A skill of the site's added before the first, and taken away.
		head, rest, _ := strings.Cut(orig, "\nskills: [")
		keystrokes(b, 0, func(i int) string {
			if i%2 == 0 {
				return head + "\nskills: [Rust, " + rest
			}
			return orig
		})
	})
	b.Run("salary", func(b *testing.B) {
		version++
		conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: jobURI, Version: version, Text: job}})
		if p := wait(version); p.URI != jobURI || len(p.Diagnostics) > 0 {
			b.Fatalf("the job opened: published %+v", p)
		}
		// The last figure of the salary's maximum, a round number.
		head, rest, _ := strings.Cut(job, "\n  max: ")
		figures, rest, _ := strings.Cut(rest, "\n")
		keystrokesIn(b, jobURI, 0, func(i int) string {
			return head + "\n  max: " + figures[:len(figures)-1] + string(rune('0'+i%10)) + "\n" + rest
		})
	})
	b.Run("broken-link", func(b *testing.B) {
		keystrokes(b, 1, func(i int) string { return orig + "A [link](/nowhere-" + string(rune('a'+i%26)) + "/).\n" })
	})
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
