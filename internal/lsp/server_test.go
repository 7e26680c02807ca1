package lsp

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// client is the editor's side of a connection to a server serving a copy
// of a site, with the diagnostics published to it.
type client struct {
	t      *testing.T
	dir    string
	conn   *jsonrpc2.Conn
	notes  chan protocol.PublishDiagnosticsParams
	served chan error // Serve's result
}

// newClient writes the site of testdata/fixture.txtar into a new folder,
// serves it over a pipe, and initializes the connection.
func newClient(t *testing.T, fixture string) *client {
	t.Helper()
	dir := writeSite(t, fixture)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	serverSide, clientSide := net.Pipe()
	c := &client{t: t, dir: dir, notes: make(chan protocol.PublishDiagnosticsParams, 100), served: make(chan error, 1)}
	go func() {
		c.served <- Serve(ctx, Options{Site: site.Options{Source: dir, Theme: careersite.Theme()}}, serverSide)
		serverSide.Close()
	}()
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(clientSide, codec{}), jsonrpc2.HandlerWithError(
		func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Method == protocol.ServerTextDocumentPublishDiagnostics {
				var p protocol.PublishDiagnosticsParams
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.notes <- p
			}
			return nil, nil
		}))
	t.Cleanup(func() { c.conn.Close() })
	c.call(protocol.MethodInitialize, protocol.InitializeParams{}, nil)
	c.notify(protocol.MethodInitialized, protocol.InitializedParams{})
	return c
}

func writeSite(t *testing.T, fixture string) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", fixture+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatal(err)
	}
}

// uri is the URI of the site's file name.
func (c *client) uri(name string) string {
	return "file://" + filepath.ToSlash(filepath.Join(c.dir, name))
}

// file returns the site's file name as it is on disk.
func (c *client) file(name string) string {
	b, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

func (c *client) open(name, text string) {
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: c.uri(name), LanguageID: "markdown", Version: 1, Text: text,
	}})
}

// replace sends a change of the whole text of name.
func (c *client) replace(name, text string) {
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(name)}, Version: 2},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text}},
	})
}

// waitFor returns the first diagnostics published for name that satisfy
// ok, failing the test when none come within a minute.
func (c *client) waitFor(name string, ok func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	c.t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case p := <-c.notes:
			if p.URI == c.uri(name) && ok(p.Diagnostics) {
				return p.Diagnostics
			}
		case <-deadline:
			c.t.Fatalf("no diagnostics of %s as expected", name)
		}
	}
}

// has returns a predicate true of diagnostics that include one whose
// message contains msg.
func has(msg string) func([]protocol.Diagnostic) bool {
	return func(ds []protocol.Diagnostic) bool {
		return slices.ContainsFunc(ds, func(d protocol.Diagnostic) bool { return strings.Contains(d.Message, msg) })
	}
}

func none(ds []protocol.Diagnostic) bool { return len(ds) == 0 }

func find(t *testing.T, ds []protocol.Diagnostic, msg string) protocol.Diagnostic {
	t.Helper()
	for _, d := range ds {
		if strings.Contains(d.Message, msg) {
			return d
		}
	}
	t.Fatalf("no diagnostic %q in %+v", msg, ds)
	return protocol.Diagnostic{}
}
