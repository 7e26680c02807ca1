package lsp

import (
	"context"
	"encoding/json"
	"flag"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/testsite"
)

var benchPages = flag.Int("pages", 2000, "the size of the generated site of BenchmarkDidChange")

// BenchmarkDidChange times a keystroke: from a didChange of one page's
// body, sent over a pipe, to the publishDiagnostics of that page, on a
// generated site (testsite, as `go run ./bench/gen` writes it) with no
// debounce. The time from initialized to the first diagnostics, the whole
// site checked, is reported as ready-ms.
//
//	go test ./internal/lsp -run '^$' -bench DidChange -benchtime 20x -args -pages 2000
func BenchmarkDidChange(b *testing.B) {
	dir := b.TempDir()
	if err := testsite.Write(dir, *benchPages, 1); err != nil {
		b.Fatal(err)
	}
	name := testsite.Path(3)
	orig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	serverSide, clientSide := net.Pipe()
	go Serve(ctx, Options{Site: site.Options{Source: dir, Theme: careersite.Theme()}}, serverSide)
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(name)))
	published := make(chan struct{}, 1)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientSide, codec{}), jsonrpc2.HandlerWithError(
		func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			var p protocol.PublishDiagnosticsParams
			if req.Method == protocol.ServerTextDocumentPublishDiagnostics && json.Unmarshal(*req.Params, &p) == nil && p.URI == uri {
				published <- struct{}{}
			}
			return nil, nil
		}))
	defer conn.Close()
	wait := func() {
		select {
		case <-published:
		case <-time.After(5 * time.Minute):
			b.Fatal("no diagnostics")
		}
	}
	if err := conn.Call(ctx, protocol.MethodInitialize, protocol.InitializeParams{}, nil); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	conn.Notify(ctx, protocol.MethodInitialized, protocol.InitializedParams{})
	conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: string(orig)}})
	wait()
	ready := time.Since(start)

	b.ResetTimer()
	for i := range b.N {
		text := string(orig) + strings.Repeat("A keystroke.", i%2+1) + "\n"
		conn.Notify(ctx, protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: protocol.Integer(i + 2)},
			ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text}},
		})
		wait()
	}
	b.ReportMetric(float64(ready.Milliseconds()), "ready-ms")
}
